package etwreplay.replay.scan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.duckdb.DuckDBConnection;

/**
 * The single ordered pass over one trace's raw tables: first the rundown (process, thread and image
 * DCStart/DCEnd rows: the state at the trace's edges, as small as the set of live processes), then every
 * other row of every table merged by {@link ReplayEvent#compareTo} (time, then seq). Events from
 * different CPU buffers interleave in the files; this order is by time, not by file position. Memory:
 * one window per table. One thread; not reusable.
 */
public final class OrderedScan {
    private final Connection connection;
    private final int traceId;
    private final int windowRows;
    private int windowQueries;

    public OrderedScan(Connection connection, int traceId) {
        this(connection, traceId, TableCursor.TARGET_ROWS);
    }

    /** @param windowRows rows wanted per query window (tests use tiny windows to exercise the paging) */
    OrderedScan(Connection connection, int traceId, int windowRows) {
        this.connection = connection;
        this.traceId = traceId;
        this.windowRows = windowRows;
    }

    /** Receives the events; exceptions other than SQLException propagate unchanged. */
    @FunctionalInterface
    public interface Consumer {
        void accept(ReplayEvent event) throws SQLException;
    }

    /** Feeds the rundown rows in arrival order. */
    public void rundown(Consumer consumer) throws SQLException {
        for (RowSource s : List.of(RowSources.process(true), RowSources.thread(true), RowSources.image(true))) {
            // Read first, then fed: the consumer may throw SQLException, which the reader's sink cannot.
            List<ReplayEvent> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(s.allSql())) {
                ps.setInt(1, traceId);
                TableCursor.read(ps, s.mapper(), new Columns(), rows::add);
            }
            for (ReplayEvent e : rows) {
                consumer.accept(e);
            }
        }
    }

    /**
     * Feeds every other row in scan order. When the machine has two or more processors (property
     * {@value #PREFETCH_PROPERTY}, default true there), the window queries, the row mapping and the merge
     * run on a thread of their own with a second connection to the same database, a few batches ahead of
     * {@code consumer}, which still sees every event on the caller's thread and in the same order. The raw
     * tables it reads are committed and not written during a replay, so the second connection (its own
     * transaction) reads exactly what the caller's would.
     */
    public void events(Consumer consumer) throws SQLException {
        if (!prefetch()) {
            merge(connection, consumer);
            return;
        }
        DuckDBConnection reader = connection.unwrap(DuckDBConnection.class).duplicate();
        BlockingQueue<ReplayEvent[]> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            try (reader) {
                ReplayEvent[][] batch = {new ReplayEvent[BATCH]};
                int[] size = {0};
                merge(reader, e -> {
                    batch[0][size[0]++] = e;
                    if (size[0] == BATCH) {
                        put(queue, batch[0], stop);
                        batch[0] = new ReplayEvent[BATCH];
                        size[0] = 0;
                    }
                });
                put(queue, java.util.Arrays.copyOf(batch[0], size[0]), stop);
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                put(queue, END, stop);
            }
        }, "etwreplay-scan");
        producer.setDaemon(true);
        producer.start();
        try {
            while (true) {
                ReplayEvent[] b;
                try {
                    b = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while reading the trace", e);
                }
                if (b == END) {
                    break;
                }
                for (ReplayEvent e : b) {
                    consumer.accept(e);
                }
            }
        } finally {
            stop.set(true);
            queue.clear();
            try {
                producer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable t = failure.get();
        if (t instanceof SQLException q) {
            throw q;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new SQLException(t);
        }
    }

    static final String PREFETCH_PROPERTY = "etwreplay.replay.prefetch";
    private static final int BATCH = 4096;
    private static final int QUEUED_BATCHES = 4;
    private static final ReplayEvent[] END = new ReplayEvent[0];

    private static boolean prefetch() {
        String p = System.getProperty(PREFETCH_PROPERTY);
        return p != null ? Boolean.parseBoolean(p.trim()) : Runtime.getRuntime().availableProcessors() >= 2;
    }

    /** Puts unless the consumer has stopped (then the batch is dropped). */
    private static void put(BlockingQueue<ReplayEvent[]> queue, ReplayEvent[] batch, AtomicBoolean stop) {
        try {
            while (!stop.get() && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is busy; wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The merge itself, reading through {@code conn}: each step takes the cursor whose head comes first.
     * A linear pass over the few live cursors (one per raw table) costs no more than a heap's sifts and
     * allocates nothing per event.
     */
    private void merge(Connection conn, Consumer consumer) throws SQLException {
        List<TableCursor> cursors = new ArrayList<>();
        for (RowSource s : RowSources.timeOrdered()) {
            cursors.add(new TableCursor(conn, s, traceId, windowRows));
        }
        TableCursor[] live = new TableCursor[cursors.size()];
        int n = 0;
        for (TableCursor c : cursors) {
            if (c.advance()) {
                live[n++] = c;
            }
        }
        while (n > 0) {
            int first = 0;
            for (int i = 1; i < n; i++) {
                if (live[i].before(live[first])) {
                    first = i;
                }
            }
            TableCursor c = live[first];
            consumer.accept(c.head());
            if (!c.advance()) {
                live[first] = live[--n];
            }
        }
        for (TableCursor c : cursors) {
            windowQueries += c.windows();
        }
    }

    /** Window queries the last {@link #events} ran (for tests of the paging). */
    int windowQueries() {
        return windowQueries;
    }
}
