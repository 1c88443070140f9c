package etwreplay.replay.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs DuckDB with one thread ({@code SET threads = 1}) for the life of a replay transaction, its commit
 * included, then puts the earlier thread count back.
 *
 * <p>Why: a replay already keeps both cores of a two-core machine busy with its own threads (the trackers,
 * the scan's reader, the derived-table writer), and each statement it runs is one task (a window query of
 * one table, an insert from the single-threaded table function). A second DuckDB thread does not share that
 * work: the statement's thread waits for it spinning in DuckDB's task scheduler (perf, 6.15 M-event replay:
 * 5 % of all samples in pthread_mutex_lock/unlock on the writer thread alone), taking a core from the
 * trackers. The ingest limits its transaction the same way (ingest's DuckDbThreadLimit). {@code threads} is
 * a setting of the database instance: the scan's second connection runs with one thread too.
 */
public final class ReplayThreads implements AutoCloseable {
    private final Connection connection;
    private final long before;
    private boolean restored;

    private ReplayThreads(Connection connection, long before) {
        this.connection = connection;
        this.before = before;
    }

    /** Sets one thread; {@link #close} sets the count it found. */
    public static ReplayThreads one(Connection c) throws SQLException {
        long before;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('threads')")) {
            rs.next();
            before = rs.getLong(1);
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = 1");
        }
        return new ReplayThreads(c, before);
    }

    /** Sets the thread count found by {@link #one}; only the first call does anything. */
    @Override
    public void close() throws SQLException {
        if (restored) {
            return;
        }
        restored = true;
        try (Statement st = connection.createStatement()) {
            st.execute("SET threads = " + before);
        }
    }
}
