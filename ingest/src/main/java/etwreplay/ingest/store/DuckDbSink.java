package etwreplay.ingest.store;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.event.TraceEvent;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * Streams canonical events into the raw tables in column batches of {@value InsertWorker#BATCH_ROWS} rows,
 * each stored with one {@code INSERT … SELECT} from a Java table function ({@link BulkInserter}; never
 * row-by-row INSERTs), so memory does not grow with trace length. Assigns {@code seq} in arrival order. Runs
 * inside the caller's transaction: nothing is visible until it commits.
 *
 * <p>The inserts run on a worker thread ({@link InsertWorker}) so that a reader's decoding and DuckDB's
 * storing use both cores; with {@code writers = 0} they run on the caller's thread. Either way the database is
 * the same: {@code seq}, the bookkeeping and the anomalies are decided here, on the caller's thread, in
 * arrival order, and each table's rows are inserted in that order. The property {@value #WRITERS_PROPERTY}
 * overrides the default: one worker when the machine has two or more processors, else none. More than one
 * worker would not pay: a connection runs one statement at a time, and the transaction is one connection's.
 *
 * <p>The caller runs DuckDB with the settings of {@link BulkWriteSettings} meanwhile.
 * Called from one thread.
 */
final class DuckDbSink implements EventSink, AutoCloseable {
    static final String WRITERS_PROPERTY = "etwreplay.ingest.writers";

    private final InsertWorker worker;
    private final long[] rowsPerTable = new long[EventTable.values().length];
    private final AnomalyCounter<Anomaly> anomalies = new AnomalyCounter<>(Anomaly.class);
    private long seq;
    private long maxTs;
    private int maxCpu = -1;
    private long previousTs = Long.MIN_VALUE;
    private boolean closed;

    DuckDbSink(DuckDBConnection connection, int traceId) throws SQLException {
        this(connection, traceId, defaultWriters());
    }

    DuckDbSink(DuckDBConnection connection, int traceId, int writers) throws SQLException {
        Map<EventTable, TableLayout> layouts = new EnumMap<>(EventTable.class);
        for (EventTable t : EventTable.values()) {
            layouts.put(t, TableLayout.read(connection, t));
        }
        BatchRowsFunction.registerOn(connection);
        BulkInserter inserter = new BulkInserter(connection, traceId);
        worker = writers <= 0 ? InsertWorker.inline(inserter, layouts)
                : InsertWorker.threaded(inserter, layouts, "etwreplay-insert");
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
        worker.add(event, extra, ++seq);
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

    /**
     * Inserts what is still batched and waits for it (rows become part of the open transaction). Safe to call
     * again.
     */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        worker.finish();
    }
}
