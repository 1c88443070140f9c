package etwreplay.ingest.store;

import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.event.RowWriter;
import etwreplay.ingest.event.TraceEvent;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Owns the DuckDB Appenders of some tables and appends their rows, either on the caller's thread
 * ({@link #inline}) or on a thread of its own ({@link #threaded}), fed in batches through a bounded
 * queue so that decoding and storing run on different cores while memory stays a few batches.
 *
 * <p>Why a thread of its own: an ingest spends most of its time in the Appender (building rows, and
 * DuckDB compressing them into the table on each flush), not in decoding; one worker per group of tables
 * lets that work overlap. Results do not change: each table has exactly one worker, which appends its
 * rows in arrival order with the {@code seq} the sink gave them, all on the caller's one connection and
 * transaction. DuckDB appenders are confined to the thread that created them, so a threaded worker
 * creates, uses and closes its appenders on its own thread.
 *
 * <p>Thread-safety: {@link #add} and {@link #finish} are called from one producer thread.
 */
final class AppendWorker {
    static final int BATCH_ROWS = 2048;
    /**
     * Rows after which a worker flushes an appender itself, holding {@link #contextLock}. DuckDB's
     * Appender flushes on its own when its chunk of {@code duckdb_vector_size()} rows (2048) fills, and
     * a flush into the connection's transaction must not run concurrently with another on the same
     * connection (DuckDB fails it: "unsuccessful or closed pending query result"). Flushing first, at a
     * count below the chunk size, keeps every flush under the lock.
     */
    static final int FLUSH_ROWS = 2000;
    private static final int QUEUED_BATCHES = 4;

    /** Rows handed over together. */
    private static final class Batch {
        final TraceEvent[] events = new TraceEvent[BATCH_ROWS];
        @SuppressWarnings("unchecked")
        final Map<String, String>[] extras = new Map[BATCH_ROWS];
        final long[] seqs = new long[BATCH_ROWS];
        int size;
        boolean last;
    }

    private final DuckDBConnection connection;
    private final Object contextLock;
    private final int traceId;
    private final Map<EventTable, DuckDBAppender> appenders = new EnumMap<>(EventTable.class);
    private final long[] pending = new long[EventTable.values().length];
    private final AppenderRow row = new AppenderRow();
    private final Thread thread;
    private final BlockingQueue<Batch> full;
    private final BlockingQueue<Batch> free;
    private Batch current;
    private final WorkerHandoff handoff = new WorkerHandoff("appending rows");
    private boolean finished;

    private AppendWorker(DuckDBConnection connection, Object contextLock, int traceId, String threadName) {
        this.connection = connection;
        this.contextLock = contextLock;
        this.traceId = traceId;
        if (threadName == null) {
            thread = null;
            full = null;
            free = null;
        } else {
            full = new ArrayBlockingQueue<>(QUEUED_BATCHES + 2);
            free = new ArrayBlockingQueue<>(QUEUED_BATCHES + 2);
            for (int i = 0; i < QUEUED_BATCHES + 1; i++) {
                free.add(new Batch());
            }
            current = new Batch();
            thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Appends on the caller's thread, at once. */
    static AppendWorker inline(DuckDBConnection connection, int traceId) {
        return new AppendWorker(connection, new Object(), traceId, null);
    }

    /**
     * Appends on a new thread of its own. Workers on the same connection share {@code contextLock}, held
     * around everything that enters the connection (creating, flushing, closing an appender).
     */
    static AppendWorker threaded(DuckDBConnection connection, Object contextLock, int traceId, String threadName) {
        return new AppendWorker(connection, contextLock, traceId, threadName);
    }

    /**
     * Queues (or, inline, appends) one row. The worker keeps {@code event}; it copies {@code extra},
     * which the caller may reuse.
     */
    void add(TraceEvent event, Map<String, String> extra, long seq) {
        if (thread == null) {
            try {
                append(event, extra == null || extra.isEmpty() ? null : extra, seq);
            } catch (SQLException e) {
                throw new StoreException("writing " + event.table().tableName() + " row " + seq, e);
            }
            return;
        }
        Batch b = current;
        b.events[b.size] = event;
        b.extras[b.size] = extra == null || extra.isEmpty() ? null : new LinkedHashMap<>(extra);
        b.seqs[b.size] = seq;
        if (++b.size == BATCH_ROWS) {
            handoff.put(full, b);
            current = handoff.take(free);
        }
    }

    /** Appends everything still queued and closes the appenders (their rows join the transaction). */
    void finish() throws SQLException {
        if (finished) {
            return;
        }
        finished = true;
        if (thread == null) {
            closeAppenders();
            return;
        }
        current.last = true;
        handoff.put(full, current);
        current = null;
        handoff.join(thread);
    }

    /** The worker thread: append each batch in order; after a failure, drain without appending. */
    private void run() {
        while (true) {
            Batch b;
            try {
                b = full.take();
            } catch (InterruptedException e) {
                handoff.fail(new StoreException("appender thread", e));
                return;
            }
            if (!handoff.failed()) {
                try {
                    for (int i = 0; i < b.size; i++) {
                        append(b.events[i], b.extras[i], b.seqs[i]);
                    }
                    if (b.last) {
                        closeAppenders();
                    }
                } catch (SQLException | RuntimeException | Error e) {
                    handoff.fail(e);
                }
            }
            boolean last = b.last;
            java.util.Arrays.fill(b.events, 0, b.size, null);
            java.util.Arrays.fill(b.extras, 0, b.size, null);
            b.size = 0;
            if (last) {
                if (handoff.failed()) {
                    closeQuietly();
                }
                return;
            }
            free.offer(b);
        }
    }

    private void append(TraceEvent event, Map<String, String> extra, long seq) throws SQLException {
        EventTable table = event.table();
        DuckDBAppender appender = appenders.get(table);
        if (appender == null) {
            synchronized (contextLock) {
                appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.tableName());
            }
            appenders.put(table, appender);
        }
        appender.beginRow();
        appender.append(traceId);
        appender.append(event.ts());
        if (event.cpu() == TraceEvent.NO_CPU) {
            appender.appendNull();
        } else {
            appender.append(event.cpu());
        }
        appender.append(seq);
        row.appender = appender;
        event.writeColumns(row);
        row.map(extra);
        appender.endRow();
        if (++pending[table.ordinal()] == FLUSH_ROWS) {
            pending[table.ordinal()] = 0;
            synchronized (contextLock) {
                appender.flush();
            }
        }
    }

    private void closeAppenders() throws SQLException {
        SQLException first = null;
        for (DuckDBAppender a : appenders.values()) {
            try {
                synchronized (contextLock) {
                    a.close();
                }
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        appenders.clear();
        if (first != null) {
            throw first;
        }
    }

    private void closeQuietly() {
        try {
            closeAppenders();
        } catch (SQLException | RuntimeException ignored) {
            // The transaction is rolled back; the rows are discarded anyway.
        }
    }

    /** Adapts {@link RowWriter} to the current appender row; reused for every event. */
    private static final class AppenderRow implements RowWriter {
        DuckDBAppender appender;

        private void put(Object v, String type) {
            try {
                AppenderValues.append(appender, v);
            } catch (SQLException e) {
                throw new StoreException("appending " + type, e);
            }
        }

        @Override
        public void i32(Integer v) {
            put(v, "INTEGER");
        }

        @Override
        public void i64(Long v) {
            put(v, "BIGINT");
        }

        @Override
        public void u64(Long v) {
            put(v, "UBIGINT");
        }

        @Override
        public void str(String v) {
            put(v, "VARCHAR");
        }

        @Override
        public void bool(Boolean v) {
            put(v, "BOOLEAN");
        }

        @Override
        public void map(Map<String, String> v) {
            put(v, "MAP");
        }

        @Override
        public void blob(byte[] v) {
            put(v, "BLOB");
        }
    }
}
