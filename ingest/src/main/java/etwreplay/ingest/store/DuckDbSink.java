package etwreplay.ingest.store;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.event.TraceEvent;
import java.sql.SQLException;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * Streams canonical events into the raw tables through one DuckDB Appender per table (never
 * row-by-row INSERTs), so memory does not grow with trace length. Assigns {@code seq} in arrival
 * order. Runs inside the caller's transaction: nothing is visible until it commits.
 *
 * <p>The appending itself runs on {@link #writers()} worker threads ({@link AppendWorker}), each owning
 * a fixed group of tables, so that a reader's decoding and DuckDB's storing use both cores; with
 * {@code writers = 0} it runs on the caller's thread. Either way the database is the same: {@code seq},
 * the bookkeeping and the anomalies are decided here, on the caller's thread, in arrival order, and each
 * table's rows are appended in that order by one worker. The property {@value #WRITERS_PROPERTY}
 * overrides the default: one worker when the machine has two or more processors, else none. A second
 * worker (2) is supported but did not pay on the 2-core machine of bench/RESULTS.md: DuckDB serialises
 * the flushes of one connection, which are most of the storing, and the extra thread costs CPU.
 * Called from one thread.
 */
final class DuckDbSink implements EventSink, AutoCloseable {
    static final String WRITERS_PROPERTY = "etwreplay.ingest.writers";
    /**
     * Which worker (of two) appends each table: the two groups split the rows of a CSwitch-heavy trace,
     * and of a sampled one (sample vs generic_event), about evenly.
     */
    private static final EventTable[] SECOND_WORKER = {EventTable.SAMPLE, EventTable.DPC, EventTable.PAGE_FAULT,
        EventTable.FILE_IO, EventTable.DRIVER_IRP, EventTable.STACK, EventTable.SYSCALL};

    private final AppendWorker[] workers;
    private final AppendWorker[] workerOf = new AppendWorker[EventTable.values().length];
    private final long[] rowsPerTable = new long[EventTable.values().length];
    private final AnomalyCounter<Anomaly> anomalies = new AnomalyCounter<>(Anomaly.class);
    private long seq;
    private long maxTs;
    private int maxCpu = -1;
    private long previousTs = Long.MIN_VALUE;

    DuckDbSink(DuckDBConnection connection, int traceId) {
        this(connection, traceId, defaultWriters());
    }

    DuckDbSink(DuckDBConnection connection, int traceId, int writers) {
        if (writers <= 0) {
            workers = new AppendWorker[] {AppendWorker.inline(connection, traceId)};
        } else {
            workers = new AppendWorker[Math.min(writers, 2)];
            Object contextLock = new Object();
            for (int i = 0; i < workers.length; i++) {
                workers[i] = AppendWorker.threaded(connection, contextLock, traceId, "etwreplay-append-" + i);
            }
        }
        for (EventTable t : EventTable.values()) {
            workerOf[t.ordinal()] = workers[0];
        }
        if (workers.length > 1) {
            for (EventTable t : SECOND_WORKER) {
                workerOf[t.ordinal()] = workers[1];
            }
        }
    }

    static int defaultWriters() {
        String p = System.getProperty(WRITERS_PROPERTY);
        if (p != null) {
            return Integer.parseInt(p.trim());
        }
        return Runtime.getRuntime().availableProcessors() >= 2 ? 1 : 0;
    }

    @Override
    public void accept(TraceEvent event) {
        accept(event, null);
    }

    @Override
    public void accept(TraceEvent event, Map<String, String> extra) {
        EventTable table = event.table();
        long ts = event.ts();
        if (ts < previousTs) {
            anomalies.add(Anomaly.TIME_INVERSION, 1, "event " + (seq + 1), table.tableName() + " at ts " + ts
                    + " after ts " + previousTs);
        }
        previousTs = ts;
        maxTs = Math.max(maxTs, ts);
        maxCpu = Math.max(maxCpu, event.cpu());
        workerOf[table.ordinal()].add(event, extra, ++seq);
        rowsPerTable[table.ordinal()]++;
    }

    @Override
    public void anomaly(Anomaly kind, String location, String example) {
        anomalies.add(kind, 1, location, example);
    }

    @Override
    public void anomalies(Anomaly kind, long count, String location, String example) {
        anomalies.add(kind, count, location, example);
    }

    AnomalyCounter<Anomaly> anomalyCounter() {
        return anomalies;
    }

    long eventCount() {
        return seq;
    }

    long rows(EventTable table) {
        return rowsPerTable[table.ordinal()];
    }

    long maxTs() {
        return maxTs;
    }

    /** Highest CPU number seen, or -1. */
    int maxCpu() {
        return maxCpu;
    }

    /** Appends what is still queued and closes every appender; rows become part of the open transaction. */
    @Override
    public void close() throws SQLException {
        SQLException first = null;
        RuntimeException firstRuntime = null;
        for (AppendWorker w : workers) {
            try {
                w.finish();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
            } catch (RuntimeException e) {
                if (firstRuntime == null) {
                    firstRuntime = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        if (firstRuntime != null) {
            throw firstRuntime;
        }
    }
}
