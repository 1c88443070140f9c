package etwreplay.ingest.store;

import etwreplay.ingest.event.RowWriter;
import etwreplay.ingest.event.TraceEvent;
import java.sql.SQLException;
import java.util.Map;
import org.duckdb.DuckDBAppender;

/**
 * The way rows were stored before the bulk path (one DuckDB Appender row per event, as the former
 * AppendWorker did), kept for tests: what the Appender stores for a value is what the bulk path must store.
 */
final class AppenderReference implements RowWriter {
    private final DuckDBAppender appender;

    AppenderReference(DuckDBAppender appender) {
        this.appender = appender;
    }

    void append(int traceId, TraceEvent event, Map<String, String> extra, long seq) throws SQLException {
        appender.beginRow();
        appender.append(traceId);
        appender.append(event.ts());
        if (event.cpu() == TraceEvent.NO_CPU) {
            appender.appendNull();
        } else {
            appender.append(event.cpu());
        }
        appender.append(seq);
        event.writeColumns(this);
        put(extra == null || extra.isEmpty() ? null : extra);
        appender.endRow();
    }

    private void put(Object v) {
        try {
            AppenderValues.append(appender, v);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void i32(Integer v) {
        put(v);
    }

    @Override
    public void i64(Long v) {
        put(v);
    }

    @Override
    public void u64(Long v) {
        put(v);
    }

    @Override
    public void str(String v) {
        put(v);
    }

    @Override
    public void bool(Boolean v) {
        put(v);
    }

    @Override
    public void map(Map<String, String> v) {
        put(v);
    }

    @Override
    public void blob(byte[] v) {
        put(v);
    }
}
