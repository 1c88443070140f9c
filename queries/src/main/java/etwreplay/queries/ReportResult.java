package etwreplay.queries;

import etwreplay.ingest.store.ResultTable;
import java.util.List;

/**
 * What running a report gave: its rows, and notes a reader must see beside them (e.g. a trace whose
 * derived rows are missing because it was never replayed).
 */
public record ReportResult(Report report, ResultTable table, List<String> notes) {
    public ReportResult {
        notes = List.copyOf(notes);
    }
}
