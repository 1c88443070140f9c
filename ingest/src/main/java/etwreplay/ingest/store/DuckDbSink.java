package etwreplay.ingest.store;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.event.RowWriter;
import etwreplay.ingest.event.TraceEvent;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Streams canonical events into the raw tables through one DuckDB Appender per table (never
 * row-by-row INSERTs), so memory does not grow with trace length. Assigns {@code seq} in arrival
 * order. Runs inside the caller's transaction: nothing is visible until it commits. One thread.
 */
final class DuckDbSink implements EventSink, AutoCloseable {
    private final DuckDBConnection connection;
    private final int traceId;
    private final Map<EventTable, DuckDBAppender> appenders = new EnumMap<>(EventTable.class);
    private final long[] rowsPerTable = new long[EventTable.values().length];
    private final AnomalyCounter<Anomaly> anomalies = new AnomalyCounter<>(Anomaly.class);
    private final AppenderRow row = new AppenderRow();
    private long seq;
    private long maxTs;
    private int maxCpu = -1;
    private long previousTs = Long.MIN_VALUE;

    DuckDbSink(DuckDBConnection connection, int traceId) {
        this.connection = connection;
        this.traceId = traceId;
    }

    @Override
    public void accept(TraceEvent event) {
        accept(event, null);
    }

    @Override
    public void accept(TraceEvent event, Map<String, String> extra) {
        EventTable table = event.table();
        try {
            DuckDBAppender appender = appenders.get(table);
            if (appender == null) {
                appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.tableName());
                appenders.put(table, appender);
            }
            long ts = event.ts();
            if (ts < previousTs) {
                anomalies.add(Anomaly.TIME_INVERSION, 1, "event " + (seq + 1), table.tableName() + " at ts " + ts
                        + " after ts " + previousTs);
            }
            previousTs = ts;
            maxTs = Math.max(maxTs, ts);
            maxCpu = Math.max(maxCpu, event.cpu());
            appender.beginRow();
            appender.append(traceId);
            appender.append(ts);
            if (event.cpu() == TraceEvent.NO_CPU) {
                appender.appendNull();
            } else {
                appender.append(event.cpu());
            }
            appender.append(++seq);
            row.appender = appender;
            event.writeColumns(row);
            row.map(extra == null || extra.isEmpty() ? null : extra);
            appender.endRow();
            rowsPerTable[table.ordinal()]++;
        } catch (SQLException e) {
            throw new StoreException("writing " + table.tableName() + " row " + (seq), e);
        }
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

    /** Flushes and closes every appender; rows become part of the open transaction. */
    @Override
    public void close() throws SQLException {
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

    /** Adapts {@link RowWriter} to the current appender row; reused for every event. */
    private static final class AppenderRow implements RowWriter {
        DuckDBAppender appender;

        @Override
        public void i32(Integer v) {
            try {
                if (v == null) {
                    appender.appendNull();
                } else {
                    appender.append(v.intValue());
                }
            } catch (SQLException e) {
                throw new StoreException("appending INTEGER", e);
            }
        }

        @Override
        public void i64(Long v) {
            try {
                if (v == null) {
                    appender.appendNull();
                } else {
                    appender.append(v.longValue());
                }
            } catch (SQLException e) {
                throw new StoreException("appending BIGINT", e);
            }
        }

        @Override
        public void u64(Long v) {
            // UBIGINT takes the same 64 bits; the appender stores them unchanged.
            i64(v);
        }

        @Override
        public void str(String v) {
            try {
                if (v == null) {
                    appender.appendNull();
                } else {
                    appender.append(v);
                }
            } catch (SQLException e) {
                throw new StoreException("appending VARCHAR", e);
            }
        }

        @Override
        public void bool(Boolean v) {
            try {
                if (v == null) {
                    appender.appendNull();
                } else {
                    appender.append(v.booleanValue());
                }
            } catch (SQLException e) {
                throw new StoreException("appending BOOLEAN", e);
            }
        }

        @Override
        public void map(Map<String, String> v) {
            try {
                if (v == null) {
                    appender.appendNull();
                } else {
                    appender.append(v);
                }
            } catch (SQLException e) {
                throw new StoreException("appending MAP", e);
            }
        }

        @Override
        public void blob(byte[] v) {
            try {
                if (v == null) {
                    appender.appendNull();
                } else {
                    appender.append(v);
                }
            } catch (SQLException e) {
                throw new StoreException("appending BLOB", e);
            }
        }
    }
}
