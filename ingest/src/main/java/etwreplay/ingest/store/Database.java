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
            // Fetch results chunk by chunk instead of DuckDB materialising the whole of it natively first
            // (32.9 M rows of cpu_timeline took 12.9 GB that way). Only here: the replay, on a writable
            // connection, keeps several results open at once, which a streamed result does not allow.
            props.setProperty("jdbc_stream_results", "true");
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

    /**
     * Runs {@code sql} and hands its rows to {@code sink} one at a time, never holding the whole result (on a
     * read-only database the driver streams it too; a query of numbers and text is read through DuckDB's
     * chunked API, {@link ChunkCells}, the same cells at half the cost). Another statement must not run on
     * this database until it returns.
     *
     * @return the number of rows (a statement without rows gives one: {@code rows_changed})
     */
    public long stream(RowSink sink, String sql, Object... params) throws SQLException, java.io.IOException {
        try (java.sql.PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            if (ChunkCells.canRead(ps)) {
                return ChunkCells.stream(ps, sink);
            }
            if (!ps.execute()) {
                // As query(): a statement without rows (e.g. CREATE with --write) answers with its count.
                sink.columns(java.util.List.of("rows_changed"), java.util.List.of("BIGINT"));
                sink.row(java.util.List.of(Long.toString(Math.max(0, ps.getUpdateCount()))));
                return 1;
            }
            try (java.sql.ResultSet rs = ps.getResultSet()) {
                ResultCells cells = ResultCells.of(rs);
                sink.columns(cells.columns(), cells.types());
                long rows = 0;
                while (rs.next()) {
                    sink.row(cells.read(rs));
                    rows++;
                }
                return rows;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
