package etwreplay.ingest.testing;

import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.store.ResultTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the event tables of two databases that hold the same scenario read from two formats. Rows are
 * paired by {@code seq} (same events in the same order); for every column it counts rows where both
 * hold a value and the values differ ({@code conflicts}: must be none) and rows where only one side has
 * a value (what one format records and the other does not). {@code generic_event} and {@code extra} are
 * format-specific and left out.
 */
public final class TableAgreement {
    private TableAgreement() {
    }

    /**
     * Attaches {@code other} (a closed database file) to {@code db} and returns one row per column that
     * is not identical: {@code table, column, conflicts, only_first, only_second}; a row with column
     * {@code (rows)} counts rows present on one side only.
     */
    public static ResultTable compare(Database db, Path other) throws Exception {
        db.query("ATTACH '" + other.toAbsolutePath().toString().replace("'", "''") + "' AS other (READ_ONLY)");
        List<String> parts = new ArrayList<>();
        for (EventTable t : EventTable.values()) {
            if (t == EventTable.GENERIC_EVENT) {
                continue;
            }
            String from = " FROM main." + t.tableName() + " a FULL JOIN other." + t.tableName() + " b USING (seq)";
            parts.add("SELECT '" + t.tableName() + "' AS \"table\", '(rows)' AS \"column\", 0 AS conflicts,"
                    + " count(*) FILTER (b.ts IS NULL) AS only_first, count(*) FILTER (a.ts IS NULL) AS only_second"
                    + from);
            List<String> columns = new ArrayList<>(List.of("ts", "cpu"));
            columns.addAll(t.columns());
            for (String c : columns) {
                parts.add("SELECT '" + t.tableName() + "', '" + c + "',"
                        + " count(*) FILTER (a." + c + " IS NOT NULL AND b." + c + " IS NOT NULL AND a." + c
                        + " IS DISTINCT FROM b." + c + "),"
                        + " count(*) FILTER (a." + c + " IS NOT NULL AND b." + c + " IS NULL AND b.ts IS NOT NULL),"
                        + " count(*) FILTER (a." + c + " IS NULL AND b." + c + " IS NOT NULL AND a.ts IS NOT NULL)"
                        + from);
            }
        }
        return db.query("SELECT * FROM (" + String.join(" UNION ALL ", parts) + ") WHERE conflicts + only_first"
                + " + only_second > 0 ORDER BY \"table\", \"column\"");
    }

    /** Rows of {@code compare} whose {@code conflicts} is not 0, as text (empty when none). */
    public static String conflicts(ResultTable agreement) {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : agreement.rows()) {
            if (!"0".equals(row.get(2))) {
                sb.append(row).append('\n');
            }
        }
        return sb.toString();
    }
}
