package etwreplay.replay.store;

import etwreplay.ingest.store.AppenderValues;
import etwreplay.ingest.store.StoreException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends the rows of every derived table through DuckDB Appenders, either at once on the caller's thread
 * or on a thread of its own fed in batches (bounded: a few batches in flight), so that the trackers and
 * DuckDB's storing run on different cores. The database is the same either way: one writer appends
 * every table's rows in the order the trackers produced them. DuckDB appenders are confined to the
 * thread that created them, so a threaded writer creates, uses and closes them on its own thread.
 * {@link #add} and {@link #finish} are called from one thread.
 */
public final class DerivedWriter {
    /** {@code etwreplay.replay.writer}: false appends on the caller's thread (default: a thread when 2+ CPUs). */
    public static final String THREAD_PROPERTY = "etwreplay.replay.writer";
    private static final int BATCH = 2048;
    private static final int QUEUED_BATCHES = 4;

    private static final class Batch {
        final DerivedTable[] tables = new DerivedTable[BATCH];
        final Object[][] rows = new Object[BATCH][];
        int size;
        boolean last;
    }

    private final DuckDBConnection connection;
    private final Map<DerivedTable, DuckDBAppender> appenders = new EnumMap<>(DerivedTable.class);
    private final Thread thread;
    private final BlockingQueue<Batch> full;
    private final BlockingQueue<Batch> free;
    private Batch current;
    private volatile Throwable failure;
    private boolean finished;

    public DerivedWriter(DuckDBConnection connection) {
        this(connection, threaded());
    }

    public DerivedWriter(DuckDBConnection connection, boolean threaded) {
        this.connection = connection;
        if (!threaded) {
            thread = null;
            full = null;
            free = null;
            return;
        }
        full = new ArrayBlockingQueue<>(QUEUED_BATCHES + 2);
        free = new ArrayBlockingQueue<>(QUEUED_BATCHES + 2);
        for (int i = 0; i < QUEUED_BATCHES + 1; i++) {
            free.add(new Batch());
        }
        current = new Batch();
        thread = new Thread(this::run, "etwreplay-derived-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean threaded() {
        String p = System.getProperty(THREAD_PROPERTY);
        return p != null ? Boolean.parseBoolean(p.trim()) : Runtime.getRuntime().availableProcessors() >= 2;
    }

    /** One complete row of {@code table}, its values in column order (boxed; null is SQL NULL). */
    void add(DerivedTable table, Object[] row) {
        if (thread == null) {
            try {
                append(table, row);
            } catch (SQLException e) {
                throw new StoreException("appending to " + table.tableName(), e);
            }
            return;
        }
        Batch b = current;
        b.tables[b.size] = table;
        b.rows[b.size] = row;
        if (++b.size == BATCH) {
            hand(b);
            current = take();
        }
    }

    /** Appends what is queued and closes the appenders; their rows join the caller's transaction. */
    public void finish() throws SQLException {
        if (finished) {
            return;
        }
        finished = true;
        if (thread == null) {
            closeAppenders();
            return;
        }
        current.last = true;
        hand(current);
        current = null;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("waiting for the derived-table writer", e);
        }
        rethrow();
    }

    private void hand(Batch b) {
        rethrow();
        try {
            while (!full.offer(b, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("handing rows to the derived-table writer", e);
        }
    }

    private Batch take() {
        try {
            Batch b;
            while ((b = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
                rethrow();
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("handing rows to the derived-table writer", e);
        }
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof SQLException q) {
            throw new StoreException("appending derived rows", q);
        }
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    private void run() {
        while (true) {
            Batch b;
            try {
                b = full.take();
            } catch (InterruptedException e) {
                failure = new StoreException("derived-table writer", e);
                return;
            }
            if (failure == null) {
                try {
                    for (int i = 0; i < b.size; i++) {
                        append(b.tables[i], b.rows[i]);
                    }
                    if (b.last) {
                        closeAppenders();
                    }
                } catch (SQLException | RuntimeException | Error e) {
                    failure = e;
                }
            }
            boolean last = b.last;
            Arrays.fill(b.rows, 0, b.size, null);
            b.size = 0;
            if (last) {
                if (failure != null) {
                    try {
                        closeAppenders();
                    } catch (SQLException | RuntimeException ignored) {
                        // rolled back anyway
                    }
                }
                return;
            }
            free.offer(b);
        }
    }

    private void append(DerivedTable table, Object[] row) throws SQLException {
        DuckDBAppender a = appenders.get(table);
        if (a == null) {
            a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.tableName());
            appenders.put(table, a);
        }
        a.beginRow();
        for (Object v : row) {
            AppenderValues.append(a, v);
        }
        a.endRow();
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
