package etwreplay.replay.store;

import etwreplay.ingest.store.StoreException;
import etwreplay.ingest.store.WorkerHandoff;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends the rows of every derived table through DuckDB Appenders, either at once on the caller's thread
 * or on a thread of its own fed with full {@link RowBatch}es (bounded: a few batches per table in
 * flight), so that the trackers and DuckDB's storing run on different cores. The database is the same
 * either way: one writer appends each table's rows in the order the trackers produced them. DuckDB
 * appenders are confined to the thread that created them, so a threaded writer creates, uses and closes
 * them on its own thread. {@link #appender}, the {@link TableAppender}s and {@link #finish} are used from
 * one thread.
 */
public final class DerivedWriter {
    /** {@code etwreplay.replay.writer}: false appends on the caller's thread (default: a thread when 2+ CPUs). */
    public static final String THREAD_PROPERTY = "etwreplay.replay.writer";
    private static final int BATCH_ROWS = 1024;
    /** Batches per table: one being filled, the others queued or being appended. */
    private static final int BATCHES_PER_TABLE = 4;
    private static final RowBatch END = new RowBatch(DerivedTable.MACHINE, 0, null);

    private final DuckDBConnection connection;
    private final Map<DerivedTable, DuckDBAppender> appenders = new EnumMap<>(DerivedTable.class);
    private final Map<DerivedTable, TableAppender> tables = new EnumMap<>(DerivedTable.class);
    /** The filling thread's view of each table's free batches (the writer thread only offers to them). */
    private final Map<DerivedTable, BlockingQueue<RowBatch>> free = new EnumMap<>(DerivedTable.class);
    private final Map<DerivedTable, Integer> allocated = new EnumMap<>(DerivedTable.class);
    private final Thread thread;
    private final BlockingQueue<RowBatch> full;
    private final WorkerHandoff handoff = new WorkerHandoff("appending derived rows");
    private boolean finished;

    public DerivedWriter(DuckDBConnection connection) {
        this(connection, threaded());
    }

    public DerivedWriter(DuckDBConnection connection, boolean threaded) {
        this.connection = connection;
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
            BlockingQueue<RowBatch> home = null;
            if (thread != null) {
                home = new ArrayBlockingQueue<>(BATCHES_PER_TABLE);
                free.put(t, home);
                allocated.put(t, 1);
            }
            return new TableAppender(this, t, new RowBatch(t, BATCH_ROWS, home));
        });
    }

    /**
     * Takes a batch of rows and returns the (empty) batch to fill next: the same one when appending on
     * this thread, else a free one of the same table.
     */
    RowBatch swap(RowBatch batch) {
        if (thread == null) {
            try {
                append(batch);
            } catch (SQLException e) {
                throw new StoreException("appending to " + batch.table.tableName(), e);
            }
            batch.clear();
            return batch;
        }
        handoff.put(full, batch);
        BlockingQueue<RowBatch> pool = free.get(batch.table);
        RowBatch next = pool.poll();
        if (next == null && allocated.get(batch.table) < BATCHES_PER_TABLE) {
            allocated.merge(batch.table, 1, Integer::sum);
            return new RowBatch(batch.table, BATCH_ROWS, pool);
        }
        return next != null ? next : handoff.take(pool);
    }

    /** Appends what is queued and closes the appenders; their rows join the caller's transaction. */
    public void finish() throws SQLException {
        if (finished) {
            return;
        }
        finished = true;
        for (TableAppender t : tables.values()) {
            t.flush();
        }
        if (thread == null) {
            closeAppenders();
            return;
        }
        handoff.put(full, END);
        handoff.join(thread);
    }

    private void run() {
        while (true) {
            RowBatch b;
            try {
                b = full.take();
            } catch (InterruptedException e) {
                handoff.fail(new StoreException("derived-table writer", e));
                return;
            }
            if (b == END) {
                try {
                    closeAppenders();
                } catch (SQLException | RuntimeException | Error e) {
                    handoff.fail(e);
                }
                return;
            }
            if (!handoff.failed()) {
                try {
                    append(b);
                } catch (SQLException | RuntimeException | Error e) {
                    handoff.fail(e);
                }
            }
            b.clear();
            b.home.offer(b);
        }
    }

    private void append(RowBatch b) throws SQLException {
        DuckDBAppender a = appenders.get(b.table);
        if (a == null) {
            a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, b.table.tableName());
            appenders.put(b.table, a);
        }
        b.appendTo(a);
    }

    private void closeAppenders() throws SQLException {
        SQLException first = null;
        for (DuckDBAppender a : appenders.values()) {
            try {
                a.close();
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
}
