package etwreplay.ingest.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.store.ResultTable;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ground truth: every event of {@code net.4.5.2.x64.baseline.txt} (Microsoft TraceEvent's decoding of
 * {@code net.4.5.2.x64.etl}) of a family etwreplay decodes is looked up in the database — same table and
 * kind, same processor, same time to the baseline's printed precision (1 µs) — and every field TraceEvent
 * printed is compared, or skipped for a stated reason ({@link BaselineFamilies}). Families decoded into
 * canonical tables and those decoded into {@code generic_event.fields} are both checked. Prints how many
 * events and fields were compared.
 */
class EtlBaselineTest {
    @TempDir
    Path tmp;

    /** One database row: its columns plus {@code extra.<key>} and {@code fields.<key>} map entries. */
    static final class Row extends HashMap<String, String> {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void everyModelledBaselineEventIsInTheDatabaseWithTheSameFields() throws Exception {
        List<TraceEventBaseline.Event> baseline = TraceEventBaseline.read(
                SharedTraces.trace("etl/net.4.5.2.x64.baseline.txt"));
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.trace("etl/net.4.5.2.x64.etl"))) {
            Map<String, TreeMap<Long, List<Row>>> index = new HashMap<>();
            for (String table : List.of("process", "thread", "image", "sample", "disk_io", "page_fault",
                    "generic_event")) {
                load(db, table, index);
            }
            BaselineFamilies families = new BaselineFamilies(db);
            Map<String, int[]> perFamily = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            int compared = 0;
            int fields = 0;
            int decoded = 0;
            for (TraceEventBaseline.Event e : baseline) {
                BaselineFamilies.Family f = families.of(e);
                compared++;
                String label = families.decoded(f) ? e.name() : "(raw payload) " + e.name().split("/")[0];
                if (families.decoded(f)) {
                    decoded++;
                }
                int[] tally = perFamily.computeIfAbsent(label, k -> new int[3]);
                tally[0]++;
                List<Row> candidates = candidates(index, f, e);
                String best = null;
                int checked = 0;
                for (Row r : candidates) {
                    List<String> diffs = new ArrayList<>();
                    int n = families.compare(f, e, r, diffs);
                    if (diffs.isEmpty()) {
                        best = null;
                        checked = n;
                        break;
                    }
                    if (best == null) {
                        best = "seq " + r.get("seq") + ": " + diffs;
                    }
                }
                if (candidates.isEmpty()) {
                    best = "no " + f.key() + " row on cpu " + e.field("ProceNum") + " at " + e.ms() + " ms";
                }
                if (best != null) {
                    failures.add("line " + e.line() + " " + e.name() + " @" + e.ms() + ": " + best);
                } else {
                    tally[1]++;
                    tally[2] += checked;
                    fields += checked;
                }
            }
            StringBuilder report = new StringBuilder("TraceEvent baseline: " + baseline.size() + " events, "
                    + decoded + " of families etwreplay decodes (every printed field compared or skipped for a"
                    + " stated reason), " + (compared - decoded) + " kept as raw payload (time, processor, ids,"
                    + " payload length compared).\n");
            perFamily.forEach((name, t) -> report.append(String.format("  %-55s compared %4d  matched %4d"
                    + "  fields %5d%n", name, t[0], t[1], t[2])));
            report.append("  matched ").append(compared - failures.size()).append(" of ").append(compared)
                    .append(" events, ").append(fields).append(" fields equal\n");
            System.out.print(report);
            assertTrue(failures.isEmpty(), failures.size() + " baseline events differ:\n"
                    + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
            assertEquals(0, failures.size());
            assertEquals(baseline.size(), compared, "every baseline event compared");
        }
    }

    /** Rows of the family's table and kind on the event's processor within ±0.5 µs of its time. */
    private static List<Row> candidates(Map<String, TreeMap<Long, List<Row>>> index, BaselineFamilies.Family f,
            TraceEventBaseline.Event e) {
        TreeMap<Long, List<Row>> byTs = index.get(f.key() + "|" + e.field("ProceNum"));
        List<Row> out = new ArrayList<>();
        if (byTs == null) {
            return out;
        }
        long ns = e.ms().multiply(BigDecimal.valueOf(1_000_000)).longValueExact();
        for (List<Row> rows : byTs.subMap(ns - 500, true, ns + 500, true).values()) {
            out.addAll(rows);
        }
        return out;
    }

    private static void load(Database db, String table, Map<String, TreeMap<Long, List<Row>>> index)
            throws Exception {
        boolean generic = table.equals("generic_event");
        ResultTable rt = db.query("SELECT * EXCLUDE (trace_id, extra" + (generic ? ", fields, payload" : "") + ")"
                + (generic ? ", octet_length(payload) AS data_len" : "") + " FROM " + table);
        Map<String, Row> bySeq = new LinkedHashMap<>();
        for (List<String> r : rt.rows()) {
            Row row = new Row();
            for (int i = 0; i < rt.columns().size(); i++) {
                row.put(rt.columns().get(i), r.get(i));
            }
            bySeq.put(row.get("seq"), row);
        }
        for (String map : generic ? List.of("extra", "fields") : List.of("extra")) {
            for (List<String> r : db.query("SELECT seq, unnest(map_keys(" + map + ")), unnest(map_values(" + map
                    + ")) FROM " + table + " WHERE " + map + " IS NOT NULL").rows()) {
                bySeq.get(r.get(0)).put(map + "." + r.get(1), r.get(2));
            }
        }
        for (Row row : bySeq.values()) {
            String kind = generic ? row.get("name") : row.get("kind");
            String key = table + "/" + (kind == null ? "" : kind) + "|" + row.get("cpu");
            index.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(Long.parseLong(row.get("ts")), k -> new ArrayList<>()).add(row);
            if (generic) {
                index.computeIfAbsent(table + "/*|" + row.get("cpu"), k -> new TreeMap<>())
                        .computeIfAbsent(Long.parseLong(row.get("ts")), k -> new ArrayList<>()).add(row);
            }
        }
    }
}
