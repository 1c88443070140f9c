package etwreplay.replay.store;

import etwreplay.ingest.store.BatchRowsFunction;
import etwreplay.ingest.store.BulkInserter;
import etwreplay.ingest.store.ColumnBatch;
import etwreplay.ingest.store.StoreException;
import etwreplay.ingest.store.TableLayout;
import etwreplay.ingest.store.WorkerHandoff;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.duckdb.DuckDBConnection;

/**
 * Stores the rows of every derived table through the ingest's bulk path ({@link BulkInserter}: one
 * {@code INSERT … SELECT} from a Java table function per {@link ColumnBatch}), either at once on the caller's
 * thread or on a thread of its own fed with full batches (bounded: a few batches per table in flight), so
 * that the trackers and DuckDB's storing run on different cores. The database is the same either way: one
 * writer inserts each table's batches in the order the trackers filled them, in the caller's transaction
 * (the same connection). {@link #appender}, the {@link TableAppender}s and {@link #finish} are used from one
 * thread.
 *
 * <p>Why not DuckDB's Appender, as before: it flushes every 2048 rows, each flush a full append with its own
 * setup, and a profile of a 6.15 M-event replay found the writer thread 10 s in {@code DuckDBAppender.flush}.
 * The gain here is smaller than the ingest's (A/B on that replay: process CPU about 3 % lower, within the
 * machine's noise): most of that time is DuckDB's own storing (compression analysis, column statistics, the
 * ENUM casts; perf), which either path pays, and the writer thread still bounds the replay.
 */
public final class DerivedWriter {
    /** {@code etwreplay.replay.writer}: false stores on the caller's thread (default: a thread when 2+ CPUs). */
    public static final String THREAD_PROPERTY = "etwreplay.replay.writer";
    /**
     * Rows per batch, as the ingest's (InsertWorker): each INSERT has a fixed cost (planning, the table
     * function's bind), so fewer, larger batches; 32 k rows of the widest table (irp, 44 columns) hold
     * about 12 MB.
     */
    private static final int BATCH_ROWS = 32_768;
    /** Heap a batch's distinct strings may hold before it is stored early (the ingest's bound). */
    private static final long BATCH_STRING_BYTES = 4L << 20;
    /** Batches per table: one being filled, the others queued or being inserted. */
    private static final int BATCHES_PER_TABLE = 3;

    /** A full batch on its way to the writer thread, or the end ({@code batch} null). */
    private record Filled(DerivedTable table, ColumnBatch batch) {
    }

    private static final Filled END = new Filled(null, null);

    private final BulkInserter inserter;
    private final int traceId;
    private final Map<DerivedTable, TableLayout> layouts = new EnumMap<>(DerivedTable.class);
    private final Map<DerivedTable, TableAppender> tables = new EnumMap<>(DerivedTable.class);
    /** The filling thread's view of each table's free batches (the writer thread only offers to them). */
    private final Map<DerivedTable, BlockingQueue<ColumnBatch>> free = new EnumMap<>(DerivedTable.class);
    private final Map<DerivedTable, Integer> allocated = new EnumMap<>(DerivedTable.class);
    private final Thread thread;
    private final BlockingQueue<Filled> full;
    private final WorkerHandoff handoff = new WorkerHandoff("storing derived rows");
    private boolean finished;

    /**
     * @param traceId the trace whose rows this writer stores (every row's {@code trace_id})
     * @throws SQLException when a derived table's columns differ from {@link DerivedTable}
     */
    public DerivedWriter(DuckDBConnection connection, int traceId) throws SQLException {
        this(connection, traceId, threaded());
    }

    public DerivedWriter(DuckDBConnection connection, int traceId, boolean threaded) throws SQLException {
        this.traceId = traceId;
        this.inserter = new BulkInserter(connection, traceId);
        for (DerivedTable t : DerivedTable.values()) {
            layouts.put(t, TableLayout.read(connection, t.tableName(), t.columns()));
        }
        BatchRowsFunction.registerOn(connection);
        if (!threaded) {
            thread = null;
            full = null;
            return;
        }
        full = new ArrayBlockingQueue<>(BATCHES_PER_TABLE * DerivedTable.values().length + 1);
        thread = new Thread(this::run, "etwreplay-derived-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean threaded() {
        String p = System.getProperty(THREAD_PROPERTY);
        return p != null ? Boolean.parseBoolean(p.trim()) : Runtime.getRuntime().availableProcessors() >= 2;
    }

    /** The row collector of {@code table} (one per table and writer). */
    public TableAppender appender(DerivedTable table) {
        return tables.computeIfAbsent(table, t -> {
            if (thread != null) {
                free.put(t, new ArrayBlockingQueue<>(BATCHES_PER_TABLE));
                allocated.put(t, 1);
            }
            return new TableAppender(this, t, traceId, newBatch(t));
        });
    }

    private ColumnBatch newBatch(DerivedTable table) {
        return new ColumnBatch(layouts.get(table), BATCH_ROWS, BATCH_STRING_BYTES);
    }

    /**
     * Takes a batch of rows of {@code table} and returns the (empty) batch to fill next: the same one when
     * storing on this thread, else a free one of the same table.
     */
    ColumnBatch swap(DerivedTable table, ColumnBatch batch) {
        if (thread == null) {
            insert(table, batch);
            batch.clear();
            return batch;
        }
        handoff.put(full, new Filled(table, batch));
        BlockingQueue<ColumnBatch> pool = free.get(table);
        ColumnBatch next = pool.poll();
        if (next == null && allocated.get(table) < BATCHES_PER_TABLE) {
            allocated.merge(table, 1, Integer::sum);
            return newBatch(table);
        }
        return next != null ? next : handoff.take(pool);
    }

    private void insert(DerivedTable table, ColumnBatch batch) {
        try {
            inserter.insert(batch);
        } catch (SQLException e) {
            throw new StoreException("storing " + batch.size() + " rows of " + table.tableName(), e);
        }
    }

    /** Stores what is queued; the rows join the caller's transaction. */
    public void finish() throws SQLException {
        if (finished) {
            return;
        }
        finished = true;
        for (TableAppender t : tables.values()) {
            t.flush();
        }
        if (thread == null) {
            return;
        }
        handoff.put(full, END);
        try {
            handoff.join(thread);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException q) {
                throw q;
            }
            throw e;
        }
    }

    private void run() {
        while (true) {
            Filled f;
            try {
                f = full.take();
            } catch (InterruptedException e) {
                handoff.fail(new StoreException("derived-table writer", e));
                return;
            }
            if (f == END) {
                return;
            }
            if (!handoff.failed()) {
                try {
                    inserter.insert(f.batch());
                } catch (SQLException | RuntimeException | Error e) {
                    handoff.fail(e);
                }
            }
            f.batch().clear();
            free.get(f.table()).offer(f.batch());
        }
    }
}
