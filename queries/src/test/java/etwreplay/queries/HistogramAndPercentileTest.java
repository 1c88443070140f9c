package etwreplay.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.ReplayEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * xperf's histogram edges and the percentiles, on a trace built so that every answer is known by hand.
 *
 * <p>The trace (xperf dumper text, written below), three CPUs, no context switches:
 * <ul>
 * <li>CPU 0, edge.sys: twelve DPCs of 0, 1, 2, 3, 4, 5, 8, 9, 16, 17, 64 and 65 µs, the n-th starting at
 * n ms: each edge of the buckets (0,1], (1,2], (2,4] ... from both sides.
 * <li>CPU 1, pct.sys: twenty ISR → DPC pairs, i = 1..20: the ISR ends at 100 + i ms and ran 1 µs (i odd)
 * or 2 µs (i even); its DPC starts 2i µs later and runs i µs.
 * <li>CPU 2, many.sys: two hundred DPCs of 1, 2 ... 200 µs, the i-th starting at 200 + i ms; the last ends
 * at 400.2 ms, the end of the trace.
 * </ul>
 * Percentiles are nearest-rank: pNN of n values is the ceil(NN/100 × n)-th smallest.
 */
class HistogramAndPercentileTest {
    @TempDir
    Path tmp;

    static final String HEADER = """
            BeginHeader
                          Interrupt,  TimeStamp, ElapsedTime, CPU, Vector, MessageIndex,     Status,        ServiceAddr,            Image!Function
                                DPC,  TimeStamp, ElapsedTime, CPU,        ServiceAddr,            Image!Function
            EndHeader
            OS Version: 10.0.19045, Trace Size: 512KB, Events Lost: 0, Buffers lost: 0, Trace Start: 133500000000000000, Trace Length: 1 sec, PointerSize: 8, Trace Name: edges.etl
            """;

    static String trace() {
        TreeMap<Long, String> rows = new TreeMap<>();
        int[] edges = {0, 1, 2, 3, 4, 5, 8, 9, 16, 17, 64, 65};
        for (int n = 0; n < edges.length; n++) {
            long start = 1000L * (n + 1);
            dpc(rows, start + edges[n], edges[n], 0, "0xfffff80050001000", "edge.sys!EdgeDpc");
        }
        for (int i = 1; i <= 20; i++) {
            long isrEnd = 100_000L + 1000L * i;
            int isrDuration = i % 2 == 1 ? 1 : 2;
            rows.put(isrEnd * 10, String.format("              Interrupt, %d, %d, 1, 145, 0, 0x00000001,"
                    + " 0xfffff80051001000, pct.sys!PctIsr", isrEnd, isrDuration));
            long dpcStart = isrEnd + 2L * i;
            dpc(rows, dpcStart + i, i, 1, "0xfffff80051002000", "pct.sys!PctDpc");
        }
        for (int i = 1; i <= 200; i++) {
            long start = 200_000L + 1000L * i;
            dpc(rows, start + i, i, 2, "0xfffff80052001000", "many.sys!ManyDpc");
        }
        return HEADER + String.join("\n", rows.values()) + "\n";
    }

    private static void dpc(TreeMap<Long, String> rows, long end, int duration, int cpu, String addr, String symbol) {
        rows.put(end * 10 + 1, String.format("                    DPC, %d, %d, %d, %s, %s", end, duration, cpu, addr,
                symbol));
    }

    private Database database() throws Exception {
        Database db = TestDatabases.ingestText(tmp, trace(), true);
        ReplayEngine.replay(db, 1, null);
        return db;
    }

    private static List<List<String>> rows(Database db, String report, Map<String, String> params, String... columns)
            throws Exception {
        ReportResult r = ReportTesting.run(db, report, params);
        List<Integer> at = java.util.Arrays.stream(columns).map(c -> r.table().columns().indexOf(c)).toList();
        assertTrue(!at.contains(-1), r.table().columns().toString());
        return r.table().rows().stream().map(row -> at.stream().map(row::get).toList()).toList();
    }

    @Test
    void eachDurationLandsInXperfsBucketOnBothSidesOfEveryEdge() throws Exception {
        try (Database db = database()) {
            assertEquals(List.of(
                    List.of("0", "0", "1", "> 0 usecs AND <= 1 usecs", "2", "16.67"),
                    List.of("1", "1", "2", "> 1 usecs AND <= 2 usecs", "1", "8.33"),
                    List.of("2", "2", "4", "> 2 usecs AND <= 4 usecs", "2", "16.67"),
                    List.of("3", "4", "8", "> 4 usecs AND <= 8 usecs", "2", "16.67"),
                    List.of("4", "8", "16", "> 8 usecs AND <= 16 usecs", "2", "16.67"),
                    List.of("5", "16", "32", "> 16 usecs AND <= 32 usecs", "1", "8.33"),
                    List.of("6", "32", "64", "> 32 usecs AND <= 64 usecs", "1", "8.33"),
                    List.of("7", "64", "128", "> 64 usecs AND <= 128 usecs", "1", "8.33")),
                    rows(db, "dpc_isr_histogram", Map.of("module", "EDGE.SYS"), "bucket", "lower_us", "upper_us", "label",
                            "count", "pct").subList(8, 16), "edge.sys (after its '(all modules)' rows)");

            // All DPCs: edge.sys + pct.sys (1..20 µs) + many.sys (1..200 µs), bucket by bucket.
            List<List<String>> all = rows(db, "dpc_isr_histogram", Map.of(), "class", "module", "total", "count");
            assertEquals(List.of("4", "3", "6", "10", "18", "21", "33", "65", "72"), all.stream()
                    .filter(r -> r.get(0).equals("DPC") && r.get(1).equals("(all modules)")).map(r -> r.get(3)).toList());
            assertEquals(List.of("10", "10"), all.stream()
                    .filter(r -> r.get(0).equals("ISR") && r.get(1).equals("(all modules)")).map(r -> r.get(3)).toList());
            assertTrue(all.stream().allMatch(r -> !r.get(1).equals("(all modules)") || !r.get(0).equals("DPC")
                    || r.get(2).equals("232")), "232 DPCs in all");

            assertEquals(List.of(List.of("DPC", "many.sys", "200", "20100", "100.5", "200", "1.6742",
                    "1:1 2:1 4:2 8:4 16:8 32:16 64:32 128:64 256:72")),
                    rows(db, "dpc_isr_by_module", Map.of("module", "many.sys"), "class", "module", "count", "total_us",
                            "mean_us", "max_us", "usage_pct", "histogram"));
        }
    }

    @Test
    void theXperfLayoutCarriesTheSameNumbers() throws Exception {
        try (Database db = database()) {
            String text = ReportOutput.render(ReportTesting.run(db, "dpc_isr_xperf", Map.of()), OutputFormat.TABLE);
            assertTrue(text.contains("\nTotal = 232\n"), text);
            assertTrue(text.contains("\nTotal = 200 for module many.sys\n"
                    + "Elapsed Time, >        0 usecs AND <=        1 usecs,      1, or   0.50%\n"), text);
            assertTrue(text.contains("Elapsed Time, >      128 usecs AND <=      256 usecs,     72, or  36.00%\n"
                    + "Total,                                                   200\n"), text);
            assertTrue(text.contains("\nAll Module =    232,  Total = 232,   EQUAL\n"), text);
            assertTrue(text.contains("\nAll Module =     20,  Total = 20,   EQUAL\n"), text);
            // many.sys ran 20100 µs on CPU 2 of a 400200 µs trace: 5.02 %.
            assertTrue(text.contains("        0   0.00,         0   0.00,     20100   5.02, many.sys\n"), text);
        }
    }

    @Test
    void percentilesAreNearestRankOfTheObservedValues() throws Exception {
        try (Database db = database()) {
            List<List<String>> latency = rows(db, "dpc_isr_latency", Map.of(), "measure", "module", "cpu", "count",
                    "p50_us", "p90_us", "p99_us", "p999_us", "max_us", "mean_us");
            List<List<String>> allCpus = latency.stream().filter(r -> r.get(2) == null).toList();
            assertEquals(List.of(
                    // 12 values 0 1 2 3 4 5 8 9 16 17 64 65: 6th, 11th, 12th, 12th; mean 194/12.
                    List.of("dpc_duration", "edge.sys", "12", "5", "64", "65", "65", "65", "16.167"),
                    // 1..200: 100th, 180th, 198th, 200th.
                    List.of("dpc_duration", "many.sys", "200", "100", "180", "198", "200", "200", "100.5"),
                    // 1..20: 10th, 18th, 20th, 20th.
                    List.of("dpc_duration", "pct.sys", "20", "10", "18", "20", "20", "20", "10.5"),
                    // ten of 1 µs, ten of 2 µs: the 10th is 1, the 18th 2.
                    List.of("isr_duration", "pct.sys", "20", "1", "2", "2", "2", "2", "1.5"),
                    // waits 2, 4 ... 40 µs.
                    List.of("isr_to_dpc", "pct.sys", "20", "20", "36", "40", "40", "40", "21")),
                    allCpus.stream().map(r -> List.of(r.get(0), r.get(1), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7),
                            r.get(8), r.get(9))).toList());
            // Each module ran on one CPU: its per-CPU row says the same.
            assertEquals(10, latency.size());
            // Ten ISRs share the longest duration, 2 µs: the worst is the first of them, i = 2, which ended at
            // 102,000 µs and so began at 101,998.
            assertEquals(List.of(List.of("isr_duration", "101998")), rows(db, "dpc_isr_latency", Map.of("cpu", "1"),
                    "measure", "cpu", "worst_start_us").stream().filter(r -> r.get(0).equals("isr_duration")
                            && r.get(1) == null).map(r -> List.of(r.get(0), r.get(2))).toList());
        }
    }

    @Test
    void subMicrosecondDurationsFallOnTheRightSideOfAnEdge() throws Exception {
        try (Database db = database()) {
            // xperf text has whole µs; an ETL trace has 100 ns ticks. Spans of 999, 1000, 1001, 2000, 2001 ns.
            long[] ns = {999, 1000, 1001, 2000, 2001};
            for (int i = 0; i < ns.length; i++) {
                db.query("INSERT INTO irql_span (trace_id, span_id, cpu, kind, start_ts, end_ts, duration_ns, module)"
                        + " VALUES (1, ?, 3, 'DPC', ?, ?, ?, 'ns.sys')", 1000 + i, 500_000_000L + i * 10_000L,
                        500_000_000L + i * 10_000L + ns[i], ns[i]);
            }
            assertEquals(List.of(List.of("0", "2"), List.of("1", "2"), List.of("2", "1")),
                    rows(db, "dpc_isr_histogram", Map.of("module", "ns.sys"), "bucket", "count").subList(3, 6));
            // Five values: the median is the 3rd, 1001 ns; one row for all CPUs (cpu NULL), one for CPU 3.
            assertEquals(java.util.Arrays.asList(java.util.Arrays.asList(null, "5", "1.001", "2.001"),
                    List.of("3", "5", "1.001", "2.001")),
                    rows(db, "dpc_isr_latency", Map.of("module", "ns.sys"), "cpu", "count", "p50_us", "max_us"));
            assertEquals(List.of(List.of("1:2 2:2 4:1")),
                    rows(db, "dpc_isr_by_module", Map.of("module", "ns.sys"), "histogram"));
        }
    }
}
