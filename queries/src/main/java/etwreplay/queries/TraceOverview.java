package etwreplay.queries;

import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.store.ResultTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * What a database holds: its traces, rows per event table, anomalies by severity. Backs the CLI's
 * {@code info} and {@code analyze}. The SQL lives in {@code etwreplay/queries/overview/*.sql}.
 */
public final class TraceOverview {
    private final Database db;

    public TraceOverview(Database db) {
        this.db = db;
    }

    /** One row per trace (all traces when {@code traceId} is null). */
    public ResultTable traces(Integer traceId) throws SQLException {
        return db.query(resource("traces.sql"), traceId, traceId);
    }

    /** Rows per event table and trace, non-empty tables only. */
    public ResultTable rowsPerTable(Integer traceId) throws SQLException {
        // Generated from the table catalogue so that a new table can never be forgotten here.
        StringJoiner union = new StringJoiner("\nUNION ALL ");
        for (EventTable t : EventTable.values()) {
            union.add("SELECT trace_id, '" + t.tableName() + "' AS event_table, count(*) AS row_count FROM "
                    + t.tableName() + " WHERE ? IS NULL OR trace_id = ? GROUP BY trace_id");
        }
        Object[] params = new Object[EventTable.values().length * 2];
        for (int i = 0; i < params.length; i++) {
            params[i] = traceId;
        }
        return db.query("SELECT * FROM (" + union + ") ORDER BY trace_id, event_table", params);
    }

    /** Anomalies per trace and severity. */
    public ResultTable anomaliesBySeverity(Integer traceId) throws SQLException {
        return db.query(resource("anomalies_by_severity.sql"), traceId, traceId);
    }

    /** Every anomaly with its first location and example. */
    public ResultTable anomalies(Integer traceId) throws SQLException {
        return db.query(resource("anomalies.sql"), traceId, traceId);
    }

    /**
     * What the trace's anomalies mean for the results, as lines "warning: …" / "note: …"; empty when all
     * is well.
     */
    public java.util.List<String> warnings(Integer traceId) throws SQLException {
        return warnings(traceId, true);
    }

    /**
     * @param includeRecordingLoss false when the caller already printed the replay summary, which states
     *                             the recording's lost events itself
     */
    public java.util.List<String> warnings(Integer traceId, boolean includeRecordingLoss) throws SQLException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        Object[] params = new Object[10];
        java.util.Arrays.fill(params, traceId);
        java.util.List<java.util.List<String>> rows = db.query(resource("warnings.sql"), params).rows();
        // Name the trace only when the warnings are about more than one.
        boolean several = rows.stream().map(r -> r.get(0)).distinct().count() > 1;
        for (java.util.List<String> row : rows) {
            if (includeRecordingLoss || !"loss".equals(row.get(1))) {
                lines.add(row.get(2) + (several ? " (trace " + row.get(0) + ")" : "") + ": " + row.get(3));
            }
        }
        return lines;
    }

    static String resource(String name) {
        try (InputStream in = TraceOverview.class.getResourceAsStream("overview/" + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled SQL resource overview/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
