package etwreplay.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The raw-table schema: created from the versioned {@code schema.sql} resource. Persisted names are
 * listed in {@link etwreplay.ingest.event.EventTable} (event tables) and here (the rest); bump
 * {@link #VERSION} whenever a persisted name or type changes.
 */
public final class Schema {
    /** Version of the raw schema written by this build. */
    public static final int VERSION = 1;
    public static final String TRACE = "trace";
    public static final String TRACE_STAT = "trace_stat";
    public static final String SCHEMA_INFO = "schema_info";
    private static final String VERSION_KEY = "schema_version";
    private static final String RESOURCE = "schema.sql";

    private Schema() {
    }

    /** The resource text split into statements. */
    static List<String> statements() {
        return SqlScript.statements(Schema.class, RESOURCE);
    }

    /**
     * Creates the schema in an empty database, or checks the version of an existing one.
     *
     * @throws SchemaMismatchException if the database was written by an incompatible version
     */
    static void ensure(Connection connection) throws SQLException, SchemaMismatchException {
        Integer existing = existingVersion(connection);
        if (existing == null) {
            try (Statement st = connection.createStatement()) {
                for (String sql : statements()) {
                    st.execute(sql);
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO " + SCHEMA_INFO + " VALUES (?, ?)")) {
                ps.setString(1, VERSION_KEY);
                ps.setString(2, Integer.toString(VERSION));
                ps.executeUpdate();
            }
        } else if (existing != VERSION) {
            throw new SchemaMismatchException(existing, VERSION);
        }
    }

    /** The version recorded in the database, or null when it holds no etwreplay schema yet. */
    static Integer existingVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = '"
                     + SCHEMA_INFO + "' AND table_schema = 'main'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return null;
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT value FROM " + SCHEMA_INFO + " WHERE key = ?")) {
            ps.setString(1, VERSION_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Integer.valueOf(rs.getString(1)) : null;
            }
        }
    }

    /** A database written by another schema version. */
    public static final class SchemaMismatchException extends Exception {
        private static final long serialVersionUID = 1L;

        SchemaMismatchException(int found, int expected) {
            super("the database has etwreplay schema version " + found + " but this etwreplay writes version "
                    + expected + "; ingest into a new database file");
        }
    }
}
