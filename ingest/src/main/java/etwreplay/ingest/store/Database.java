package etwreplay.ingest.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * An etwreplay DuckDB database file. Opened read-write (creating the schema when the file is new) or
 * read-only. Not thread-safe: one connection, used by one thread.
 */
public final class Database implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final boolean readOnly;

    private Database(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** Opens (or creates) {@code file} for writing, creating or checking the schema. */
    public static Database openForWrite(Path file) throws SQLException, DatabaseInUseException,
            Schema.SchemaMismatchException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new SQLException("the directory of the database does not exist: " + parent);
        }
        Database db = new Database(file, connect(file, false), false);
        try {
            Schema.ensure(db.connection);
        } catch (SQLException | Schema.SchemaMismatchException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** Opens an existing database without write access (its schema version is checked). */
    public static Database openReadOnly(Path file) throws SQLException, DatabaseInUseException,
            Schema.SchemaMismatchException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException("no database file at " + file);
        }
        Database db = new Database(file, connect(file, true), true);
        try {
            Integer version = Schema.existingVersion(db.connection);
            if (version == null) {
                throw new SQLException(file + " is not an etwreplay database (no schema_info table)");
            }
            if (version != Schema.VERSION) {
                throw new Schema.SchemaMismatchException(version, Schema.VERSION);
            }
        } catch (SQLException | Schema.SchemaMismatchException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException, DatabaseInUseException {
        Properties props = new Properties();
        if (readOnly) {
            props.setProperty("duckdb.read_only", "true");
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
            try (Statement st = c.createStatement()) {
                // Timestamps are stored and shown in UTC whatever the machine's zone.
                st.execute("SET TimeZone = 'UTC'");
            } catch (SQLException ignored) {
                // ICU (time zones) may be unavailable; TIMESTAMP columns are zone-less anyway.
            }
            return c;
        } catch (SQLException e) {
            if (isLockConflict(e)) {
                throw new DatabaseInUseException(file);
            }
            throw e;
        }
    }

    /** DuckDB reports a second writer (or a reader while a writer holds the file) this way. */
    static boolean isLockConflict(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Could not set lock") || m.contains("Conflicting lock");
    }

    public Path file() {
        return file;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** The underlying connection; callers must not close it. */
    public Connection connection() {
        return connection;
    }

    /** Runs {@code sql} and materialises the result (for small results: reports, tests, CLI). */
    public ResultTable query(String sql, Object... params) throws SQLException {
        return ResultTable.query(connection, sql, params);
    }

    /** As {@link #query}, keeping at most {@code maxRows} rows ({@link ResultTable#truncated()} says if it cut). */
    public ResultTable queryFirst(long maxRows, String sql, Object... params) throws SQLException {
        return ResultTable.query(connection, maxRows, sql, params);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
