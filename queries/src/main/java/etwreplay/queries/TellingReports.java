package etwreplay.queries;

import etwreplay.ingest.store.Database;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reports that say most about one trace, for the end of {@code etwreplay analyze}: the first three
 * of {@link #CANDIDATES} that have rows for it, their first {@link #ROWS_SHOWN} rows each. The order puts what only the replay can show first
 * (hazards, foreign-context completions), then where deferred work spends its time (DPC/ISR spans, else
 * samples taken inside DPCs/ISRs), then the I/O, and the trace summary last, which always has rows.
 */
public final class TellingReports {
    /** Most telling first. */
    public static final List<String> CANDIDATES = List.of("hazards", "foreign_completions", "dpc_isr_by_module",
            "dpc_isr_samples", "apc_delivery", "irp_latency", "process_io", "trace_summary");
    static final int HOW_MANY = 3;
    /**
     * Rows shown of each: a 61.5 M-event trace has 3.6 M foreign-context completions, which would take minutes
     * to print and bury the rest; the note under a cut report gives the command for all of them.
     */
    static final int ROWS_SHOWN = 20;

    private TellingReports() {
    }

    /** Up to three non-empty results for {@code traceId}, in {@link #CANDIDATES} order. */
    public static List<ReportResult> forTrace(Database db, int traceId)
            throws SQLException, ReportUsageException, NotReplayedException {
        return forTrace(db, traceId, ROWS_SHOWN);
    }

    /** As {@link #forTrace(Database, int)}, each cut to {@code maxRows} rows. */
    static List<ReportResult> forTrace(Database db, int traceId, int maxRows)
            throws SQLException, ReportUsageException, NotReplayedException {
        List<ReportResult> chosen = new ArrayList<>();
        ReportRunner runner = new ReportRunner(db);
        for (String name : CANDIDATES) {
            Report report = ReportCatalog.shipped().find(name)
                    .orElseThrow(() -> new IllegalStateException("no shipped report " + name));
            ReportResult r = runner.run(report, Map.of("trace", Integer.toString(traceId)), maxRows);
            if (!r.table().rows().isEmpty()) {
                chosen.add(r);
                if (chosen.size() == HOW_MANY) {
                    break;
                }
            }
        }
        return chosen;
    }
}
