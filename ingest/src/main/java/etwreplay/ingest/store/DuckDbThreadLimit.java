package etwreplay.ingest.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs DuckDB with one thread ({@code SET threads = 1}) for the life of an ingest transaction, its commit
 * included, and then puts the earlier thread count back.
 *
 * <p>Why: when a statement's work is one task (an insert from the single-threaded table function of
 * {@link BatchRowsFunction}; the checkpoint at commit, which DuckDB hands to a worker thread), a second
 * DuckDB thread does not share the work: the calling thread waits for it by spinning in DuckDB's task
 * scheduler, a whole core of mutex lock/unlock. perf, 6.15 M-event ETL ingest: 21 % of the insert's
 * samples in pthread_mutex_lock/unlock under Executor::ExecuteTask, and the commit's main thread at 100 %
 * CPU, a third of it in the same spin, while a DuckDB worker thread checkpointed (bench/RESULTS.md, "Run F").
 * {@code threads} is a setting of the database instance, not of the connection: other connections of the same
 * instance (none, in an ingest) run with one thread meanwhile.
 */
final class DuckDbThreadLimit {
    private final Connection connection;
    private final long before;
    private boolean restored;

    private DuckDbThreadLimit(Connection connection, long before) {
        this.connection = connection;
        this.before = before;
    }

    /** Sets one thread; {@link #restore} sets the count it found. */
    static DuckDbThreadLimit one(Connection c) throws SQLException {
        long before;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('threads')")) {
            rs.next();
            before = rs.getLong(1);
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = 1");
        }
        return new DuckDbThreadLimit(c, before);
    }

    /** Sets the thread count found by {@link #one}; only the first call does anything. */
    void restore() throws SQLException {
        if (restored) {
            return;
        }
        restored = true;
        try (Statement st = connection.createStatement()) {
            st.execute("SET threads = " + before);
        }
    }
}
