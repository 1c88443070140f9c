package etwreplay.ingest.store;

import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.event.TraceEvent;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Collects rows into one {@link ColumnBatch} per table and stores each full batch with {@link BulkInserter},
 * either on the caller's thread ({@link #inline}) or on a thread of its own ({@link #threaded}), so that
 * decoding (and filling the batches) and DuckDB's storing run on different cores.
 *
 * <p>Results do not change with the thread: every table's batches are inserted in the order they filled,
 * each holding its rows in arrival order with the {@code seq} the sink gave them, all on the caller's one
 * connection and transaction. Memory stays bounded: a table has at most {@value #BATCHES_PER_TABLE}
 * batches of at most {@value #BATCH_ROWS} rows and {@value #BATCH_STRING_BYTES} bytes of strings, one filling
 * while the other waits for or is in its insert; the producer waits when both are taken.
 *
 * <p>Thread-safety: {@link #add} and {@link #finish} are called from one producer thread.
 */
final class InsertWorker {
    /**
     * Rows per INSERT. Measured on 4.7 M cswitch rows (27 columns), one transaction: 32 k, 128 k and 1 M
     * rows per statement cost the same CPU within noise (8.7, 8.7, 7.5 s), so the smallest of them keeps
     * memory low: a full cswitch batch is about 3 MB of arrays.
     */
    static final int BATCH_ROWS = 32_768;
    /**
     * Heap a batch's strings may hold before it is inserted (ColumnBatch counts each distinct recent value
     * once), so that memory stays bounded whatever the strings' length: at most 2 batches × 15 tables × 4 MB.
     * Repeated values do not count, so the generated traces' batches still fill by rows: 6.15 M-event ingests
     * with 2 MB and 8 MB measured the same (xperf text 17.6 / 18.2 CPU s, ETL 11.0 / 11.8).
     */
    static final long BATCH_STRING_BYTES = 4L << 20;
    private static final int BATCHES_PER_TABLE = 2;
    private static final Object END = new Object();

    private final BulkInserter inserter;
    private final Map<EventTable, TableLayout> layouts;
    private final ColumnBatch[] current = new ColumnBatch[EventTable.values().length];
    private final int[] allocated = new int[EventTable.values().length];
    private final Thread thread;
    private final BlockingQueue<Object> full;
    private final BlockingQueue<ColumnBatch>[] free;
    private final WorkerHandoff handoff = new WorkerHandoff("inserting rows");
    private boolean finished;

    @SuppressWarnings("unchecked")
    private InsertWorker(BulkInserter inserter, Map<EventTable, TableLayout> layouts, String threadName) {
        this.inserter = inserter;
        this.layouts = layouts;
        if (threadName == null) {
            thread = null;
            full = null;
            free = null;
        } else {
            int tables = EventTable.values().length;
            full = new ArrayBlockingQueue<>(tables * BATCHES_PER_TABLE + 1);
            free = new BlockingQueue[tables];
            for (int t = 0; t < tables; t++) {
                free[t] = new ArrayBlockingQueue<>(BATCHES_PER_TABLE);
            }
            thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Inserts on the caller's thread, whenever a batch fills. */
    static InsertWorker inline(BulkInserter inserter, Map<EventTable, TableLayout> layouts) {
        return new InsertWorker(inserter, layouts, null);
    }

    /** Inserts on a new thread of its own, which alone uses the connection until {@link #finish} returns. */
    static InsertWorker threaded(BulkInserter inserter, Map<EventTable, TableLayout> layouts, String threadName) {
        return new InsertWorker(inserter, layouts, threadName);
    }

    /** Adds one row to its table's batch (copying {@code extra}, which the caller may reuse). */
    void add(TraceEvent event, Map<String, String> extra, long seq) {
        int t = event.table().ordinal();
        ColumnBatch b = current[t];
        if (b == null) {
            b = current[t] = nextBatch(event.table());
        }
        b.add(event, extra, seq);
        if (b.full()) {
            submit(b);
            current[t] = thread == null ? b : null;
        }
    }

    private ColumnBatch nextBatch(EventTable table) {
        int t = table.ordinal();
        if (allocated[t] < (thread == null ? 1 : BATCHES_PER_TABLE)) {
            allocated[t]++;
            return new ColumnBatch(layouts.get(table), BATCH_ROWS, BATCH_STRING_BYTES);
        }
        return handoff.take(free[t]);
    }

    private void submit(ColumnBatch b) {
        if (thread == null) {
            try {
                inserter.insert(b);
            } catch (SQLException e) {
                throw new StoreException("writing " + b.size() + " rows of " + b.layout.table.tableName(), e);
            }
            b.clear();
        } else {
            handoff.put(full, b);
        }
    }

    /** Inserts every batch still filling and waits until all are stored (their rows join the transaction). */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            for (int t = 0; t < current.length; t++) {
                ColumnBatch b = current[t];
                current[t] = null;
                if (b != null && b.size() > 0) {
                    submit(b);
                }
            }
        } finally {
            if (thread != null) {
                // Always room: the queue holds every batch there is, plus this.
                full.offer(END);
                handoff.join(thread);
            }
        }
    }

    /** The worker thread: insert each batch in order; after a failure, drain without inserting. */
    private void run() {
        while (true) {
            Object item;
            try {
                item = full.take();
            } catch (InterruptedException e) {
                handoff.fail(new StoreException("inserting thread", e));
                return;
            }
            if (item == END) {
                return;
            }
            ColumnBatch b = (ColumnBatch) item;
            if (!handoff.failed()) {
                try {
                    inserter.insert(b);
                } catch (SQLException | RuntimeException | Error e) {
                    handoff.fail(e);
                }
            }
            b.clear();
            free[b.layout.table.ordinal()].offer(b);
        }
    }
}
