package etwreplay.ingest.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The DuckDB settings a bulk-writing transaction runs with - an ingest's ({@link TraceStore}), a replay's
 * (etwreplay.replay.ReplayEngine) - from its start to its commit included, and then puts back as it found
 * them. Both are settings of the database instance, not of the connection: other connections of the same
 * instance (the replay's scan connection) run with them meanwhile.
 *
 * <p>{@code threads = 1}. When a statement's work is one task (an insert from the single-threaded table
 * function of {@link BatchRowsFunction}; the checkpoint at commit, which DuckDB hands to a worker thread), a
 * second DuckDB thread does not share the work: the calling thread waits for it by spinning in DuckDB's task
 * scheduler, a whole core of mutex lock/unlock. perf, 6.15 M-event ETL ingest: 21 % of the insert's samples in
 * pthread_mutex_lock/unlock under Executor::ExecuteTask, and the commit's main thread at 100 % CPU, a third of
 * it in the same spin, while a DuckDB worker thread checkpointed (bench/RESULTS.md, "Run F"). A replay keeps
 * both cores busy with its own threads (trackers, scan, writer) and each of its statements is one task too: perf
 * of a 6.15 M-event replay had 5 % of all samples in the same lock/unlock on the writer thread alone.
 *
 * <p>{@code write_buffer_row_group_count = 1}. DuckDB compresses and writes a large insert's rows to the file
 * before the commit ("optimistic write"), but by default only once 5 full row groups (of 122,880 rows) of a table
 * have gathered (DuckDB 1.5's defaults, as {@code duckdb_settings()} and {@code pragma_storage_info} show); what
 * has not gathered to 5 by the end of the ingest is compressed by the COMMIT, on the reader's thread, after
 * decoding has ended and while the other core idles. With 1, each row group is written as soon as it is full, on
 * the inserting thread, while the reader decodes; the commit is left with each table's last, partial row group, and
 * DuckDB holds at most one full row group per table in memory instead of five. The stored rows are the same.
 * Measured on the 6.15 M-event ETL ingest (nine tables of 2–13 row groups; bench's Stage ingest, 5 + 5 runs
 * interleaved, another session loading both cores; branch etlstore, 2026-11-21): COMMIT 1.4–2.8 s wall / 1.1–1.7 s
 * CPU with 5, 0.47–0.58 s / 0.28–0.37 s with 1; the inserting thread's CPU about 0.4 s more; peak RSS 1.11–1.41 GB
 * with 5, 0.72–0.93 GB with 1; the file 0.7 % smaller.
 */
public final class BulkWriteSettings implements AutoCloseable {
    private final Connection connection;
    private final String threadsBefore;
    private final String rowGroupsBefore;
    private boolean restored;

    private BulkWriteSettings(Connection connection, String threadsBefore, String rowGroupsBefore) {
        this.connection = connection;
        this.threadsBefore = threadsBefore;
        this.rowGroupsBefore = rowGroupsBefore;
    }

    /** Sets one thread and row groups written one by one; {@link #restore} sets what it found. */
    public static BulkWriteSettings apply(Connection c) throws SQLException {
        String threads;
        String rowGroups;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('threads')::BIGINT,"
                     + " current_setting('write_buffer_row_group_count')::BIGINT")) {
            rs.next();
            threads = Long.toString(rs.getLong(1));
            rowGroups = Long.toString(rs.getLong(2));
        }
        BulkWriteSettings s = new BulkWriteSettings(c, threads, rowGroups);
        s.set("threads", "1");
        s.set("write_buffer_row_group_count", "1");
        return s;
    }

    /** Sets what {@link #apply} found; only the first call does anything. */
    public void restore() throws SQLException {
        if (restored) {
            return;
        }
        restored = true;
        set("threads", threadsBefore);
        set("write_buffer_row_group_count", rowGroupsBefore);
    }

    /** As {@link #restore}. */
    @Override
    public void close() throws SQLException {
        restore();
    }

    private void set(String name, String value) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET " + name + " = " + value);
        }
    }
}
