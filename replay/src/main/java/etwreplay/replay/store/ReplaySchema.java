package etwreplay.replay.store;

import etwreplay.ingest.store.SqlScript;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The derived-table schema, created from the versioned {@code replay-schema.sql} resource beside the raw
 * schema: its ENUM types, then its tables. Derived rows can always be recomputed from the raw tables, so a
 * database written by another replay schema version gets its derived tables (and this version's types,
 * should they exist) dropped and recreated (every trace must then be replayed again; {@link #ensure} says
 * so).
 */
public final class ReplaySchema {
    /**
     * Version of the derived schema written by this build (2: categorical columns are ENUM types; 3:
     * irql_span.inferred_isr_to_dpc_ns, so that the ISR-to-DPC wait needs no self-join of irql_span).
     */
    public static final int VERSION = 3;
    /** Key of the version in the raw schema's {@code schema_info} table. */
    public static final String VERSION_KEY = "replay_schema_version";
    private static final String RESOURCE = "replay-schema.sql";
    private static final Pattern CREATE_TYPE = Pattern.compile("^CREATE TYPE (\\w+) AS ENUM", Pattern.MULTILINE);

    private ReplaySchema() {
    }

    /** The resource text split into statements. */
    static List<String> statements() {
        return SqlScript.statements(ReplaySchema.class, RESOURCE);
    }

    /** The ENUM types the resource creates, in its order. */
    public static List<String> enumTypes() {
        List<String> names = new ArrayList<>();
        for (String sql : statements()) {
            Matcher m = CREATE_TYPE.matcher(sql);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * Creates the derived tables if missing. Runs inside the caller's transaction.
     *
     * @return true when tables of another version were dropped (other traces need replaying again)
     */
    public static boolean ensure(Connection c) throws SQLException {
        String existing = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM schema_info WHERE key = ?")) {
            ps.setString(1, VERSION_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    existing = rs.getString(1);
                }
            }
        }
        if (Integer.toString(VERSION).equals(existing)) {
            return false;
        }
        boolean dropped = false;
        try (Statement st = c.createStatement()) {
            if (existing != null) {
                for (DerivedTable t : DerivedTable.values()) {
                    st.execute("DROP TABLE IF EXISTS " + t.tableName());
                }
                for (String type : enumTypes()) {
                    st.execute("DROP TYPE IF EXISTS " + type);
                }
                dropped = true;
            }
            for (String sql : statements()) {
                st.execute(sql);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM schema_info WHERE key = ?")) {
            ps.setString(1, VERSION_KEY);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_info VALUES (?, ?)")) {
            ps.setString(1, VERSION_KEY);
            ps.setString(2, Integer.toString(VERSION));
            ps.executeUpdate();
        }
        return dropped;
    }
}
