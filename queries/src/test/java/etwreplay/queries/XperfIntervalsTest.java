package etwreplay.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.store.ReplaySchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dpc_isr_xperf sums most spans per interval number in one pass and matches only the rest to the intervals
 * they overlap. Its usage tables must still be exactly the definition: each interval's time is the sum, over
 * the spans that overlap it, of the part inside it. The spans here are the ones the shortcut must not get
 * wrong, in two traces (the second without a CPU count):
 * <ul>
 * <li>trace 1, 3.4567 s, 2 CPUs: spans inside one second; crossing the 1 s edge; 1.7 s long across two edges;
 * one that began before the trace; one that ends after it; one wholly after it; zero-length at the 2 s edge;
 * one that ends before it starts (an anomaly); one on CPU 5 (beyond the CPU count); one at the start of the
 * last, partial second; one ending exactly at the trace end; one crossing the 2 s edge by 1 ns;
 * <li>trace 2, 1 ms, CPUs 0 and 3 seen: a span inside, one past its end.
 * </ul>
 * Expected: the per-span clipping written out directly (the report's former query), compared with the numbers
 * in the report's lines: the 1-second usage rows, the 2000 ms usage distribution and the module x CPU table.
 */
class XperfIntervalsTest {
    private static final long S = 1_000_000_000L;

    @TempDir
    Path tmp;

    private record Span(int trace, int cpu, String kind, String module, long start, long end) {
    }

    private static final List<Span> SPANS = List.of(
            new Span(1, 0, "DPC", "a.sys", 100_000_000, 100_050_000),
            new Span(1, 1, "DPC", "a.sys", 400_000_000, 400_070_000),
            new Span(1, 0, "DPC", "a.sys", 999_990_000, 1_000_020_000),
            new Span(1, 1, "ISR", "b.sys", 1_500_000_000, 3_200_000_000L),
            new Span(1, 0, "DPC", null, -5_000, 20_000),
            new Span(1, 1, "DPC", "a.sys", 3_456_600_000L, 3_456_900_000L),
            new Span(1, 0, "ISR", "b.sys", 3_500_000_000L, 3_500_010_000L),
            new Span(1, 1, "TimerDPC", "a.sys", 2 * S, 2 * S),
            new Span(1, 0, "DPC", "a.sys", 2_500_000_000L, 2_499_999_000L),
            new Span(1, 5, "DPC", "c.sys", 1_000_000, 2_000_000),
            new Span(1, 0, "DPC", "a.sys", 3 * S, 3_000_500_000L),
            new Span(1, 0, "ISR-MSI", "b.sys", 3_456_000_000L, 3_456_700_000L),
            new Span(1, 1, "ISR", "b.sys", 1_999_999_999, 2_000_000_001),
            new Span(1, 0, "ISR", "b.sys", 1_200_000_000, 1_200_004_000),
            new Span(2, 0, "DPC", "a.sys", 100_000, 300_000),
            new Span(2, 3, "ISR", "b.sys", 900_000, 1_200_000));

    @Test
    void theUsageTablesAreEachIntervalsSumOfTheSpansPartsInsideIt() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            ReplaySchema.ensure(db.connection());
            db.query("INSERT INTO trace (trace_id, file_name, duration_ns, cpu_count) VALUES (1, 'one.etl', 3456700000, 2),"
                    + " (2, 'two.etl', 1000000, NULL)");
            db.query("INSERT INTO machine (trace_id, name) VALUES (1, 'x64'), (2, 'x64')");
            long id = 0;
            for (Span s : SPANS) {
                db.query("INSERT INTO irql_span (trace_id, span_id, cpu, kind, start_ts, end_ts, duration_ns, module)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s.trace(), ++id, s.cpu(), s.kind(), s.start(), s.end(),
                        s.end() - s.start(), s.module());
            }
            List<String> lines = ReportTesting.run(db, "dpc_isr_xperf", Map.of()).table().rows().stream()
                    .map(r -> r.get(0)).toList();

            Map<String, String> seconds = new TreeMap<>();
            Map<String, String> distribution = new TreeMap<>();
            Map<String, String> modules = new TreeMap<>();
            Pattern trace = Pattern.compile("==== trace (\\d+): .*");
            Pattern second = Pattern.compile(" *(\\d+)- *\\d+ *:,(.*)");
            Pattern bucket = Pattern.compile("(>= +\\d+ AND <= +\\d+|> +\\d+ AND <= +\\d+),(.*)");
            Pattern module = Pattern.compile("((?: *-?\\d+ +-?\\d+\\.\\d\\d, )+)(\\S+)");
            String t = null;
            String section = null;
            for (String line : lines) {
                Matcher m;
                if ((m = trace.matcher(line)).matches()) {
                    t = m.group(1);
                } else if (line.equals("DPC Info") || line.equals("Interrupt Info")) {
                    section = line.startsWith("DPC") ? "DPC" : "ISR";
                } else if ((m = second.matcher(line)).matches()) {
                    seconds.put(t + " " + section + " " + m.group(1), usecs(m.group(2)));
                } else if ((m = bucket.matcher(line)).matches()) {
                    distribution.put(t + " " + m.group(1).replaceAll(" +", " "), m.group(2).replaceAll(" +", ""));
                } else if ((m = module.matcher(line)).matches()) {
                    modules.put(t + " " + section + " " + m.group(2), usecs(m.group(1)));
                }
            }
            assertEquals(expected(db, SECONDS), seconds, "1-second usage (usec per CPU)");
            assertEquals(expected(db, DISTRIBUTION), distribution, "2000 ms intervals per usage bucket");
            assertEquals(expected(db, MODULES), modules, "module x CPU usage (usec per CPU)");
            assertEquals(2 * 4 + 2 * 1, seconds.size(), "four 1-second intervals in trace 1, one in trace 2, per class");
            assertTrue(seconds.values().stream().anyMatch(v -> !v.matches("[0 ]+")), seconds.toString());
        }
    }

    /** The usec column of a row of 'usec pct' cells, space-separated. */
    private static String usecs(String cells) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(" *(-?\\d+) +-?\\d+\\.\\d\\d").matcher(cells);
        while (m.find()) {
            out.add(m.group(1));
        }
        return String.join(" ", out);
    }

    private static Map<String, String> expected(Database db, String sql) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (List<String> row : db.query(DEFINITIONS + sql).rows()) {
            out.put(row.get(0), row.get(1));
        }
        return out;
    }

    /** The traces, their CPUs, the spans by class, and the intervals, as the report defines them. */
    private static final String DEFINITIONS = """
            WITH t AS (
                SELECT trace_id, greatest(coalesce(duration_ns, 0), 0) AS d, round(coalesce(duration_ns, 0) / 1e6)::BIGINT AS d_ms,
                       coalesce(cpu_count, (SELECT max(s.cpu) + 1 FROM irql_span s WHERE s.trace_id = trace.trace_id), 1) AS cpus
                FROM trace
            ),
            cpus AS (SELECT t.trace_id, c.cpu FROM t, range(0, t.cpus) c(cpu)),
            sp AS (
                SELECT trace_id, CASE WHEN kind LIKE 'ISR%' THEN 'ISR' ELSE 'DPC' END AS class, coalesce(module, '(unknown)') AS module,
                       cpu, start_ts, end_ts, greatest(duration_ns, 0) AS duration_ns
                FROM irql_span
            ),
            sec AS (
                SELECT t.trace_id, i.i * 1000 AS start_ms, i.i * 1000000000 AS s, least((i.i + 1) * 1000000000, t.d) AS e
                FROM t, range(0, greatest(1, ceil(t.d_ms / 1000)::BIGINT)) i(i)
            ),
            two AS (
                SELECT t.trace_id, j.j, j.j * 2000000000 AS s, least((j.j + 1) * 2000000000, t.d) AS e
                FROM t, range(0, greatest(1, ceil(t.d / 2e9)::BIGINT)) j(j)
            ),
            """;

    private static final String SECONDS = """
            busy AS (
                SELECT sec.trace_id, cl.class, sec.start_ms, c.cpu,
                       -- least/greatest skip NULLs: the FILTER keeps a CPU without spans at 0
                       round(coalesce(sum(least(sp.end_ts, sec.e) - greatest(sp.start_ts, sec.s))
                                      FILTER (sp.cpu IS NOT NULL), 0) / 1000)::BIGINT AS usec
                FROM sec CROSS JOIN (VALUES ('DPC'), ('ISR')) cl(class) JOIN cpus c ON c.trace_id = sec.trace_id
                LEFT JOIN sp ON sp.trace_id = sec.trace_id AND sp.class = cl.class AND sp.cpu = c.cpu
                            AND sp.start_ts < sec.e AND sp.end_ts > sec.s
                GROUP BY ALL
            )
            SELECT trace_id || ' ' || class || ' ' || start_ms, string_agg(usec::VARCHAR, ' ' ORDER BY cpu)
            FROM busy GROUP BY trace_id, class, start_ms
            """.replace("SELECT trace_id || ' '", "SELECT CASE WHEN (SELECT count(*) FROM trace) > 1 THEN trace_id::VARCHAR END || ' '");

    private static final String DISTRIBUTION = """
            u AS (
                SELECT w.trace_id, w.j, c.cpu, w.e - w.s AS len,
                       coalesce(sum(least(sp.end_ts, w.e) - greatest(sp.start_ts, w.s)) FILTER (sp.class = 'DPC'), 0) AS dpc,
                       coalesce(sum(least(sp.end_ts, w.e) - greatest(sp.start_ts, w.s)) FILTER (sp.class = 'ISR'), 0) AS isr
                FROM two w JOIN cpus c ON c.trace_id = w.trace_id
                LEFT JOIN sp ON sp.trace_id = w.trace_id AND sp.cpu = c.cpu AND sp.start_ts < w.e AND sp.end_ts > w.s
                GROUP BY ALL
            ),
            pct AS (
                SELECT trace_id, cpu, m, CASE WHEN len = 0 THEN 0.0 ELSE 100.0 * busy / len END AS pct
                FROM u, LATERAL (VALUES (1, dpc), (2, isr), (3, dpc + isr)) v(m, busy)
            ),
            b AS (
                SELECT * FROM (VALUES (0, 0, 1), (1, 1, 5), (2, 5, 10), (3, 10, 20), (4, 20, 40), (5, 40, 60), (6, 60, 80),
                                      (7, 80, 100)) v(b, lo, hi)
            ),
            counts AS (
                SELECT c.trace_id, b.b, b.lo, b.hi, c.cpu, m.m,
                       count(p.pct) FILTER ((p.pct > b.lo OR b.b = 0) AND p.pct <= b.hi) AS n
                FROM cpus c CROSS JOIN b CROSS JOIN (VALUES (1), (2), (3)) m(m)
                LEFT JOIN pct p ON p.trace_id = c.trace_id AND p.cpu = c.cpu AND p.m = m.m
                GROUP BY ALL
            )
            SELECT CASE WHEN (SELECT count(*) FROM trace) > 1 THEN trace_id::VARCHAR END || ' '
                   || CASE WHEN b = 0 THEN '>= ' ELSE '> ' END || lo || ' AND <= ' || hi,
                   string_agg(n::VARCHAR, ',' ORDER BY cpu, m)
            FROM counts GROUP BY trace_id, b, lo, hi
            """;

    private static final String MODULES = """
            m AS (SELECT DISTINCT trace_id, class, module FROM sp),
            usage AS (
                SELECT m.trace_id, m.class, m.module, c.cpu, round(coalesce(sum(sp.duration_ns), 0) / 1000)::BIGINT AS usec
                FROM m JOIN cpus c ON c.trace_id = m.trace_id
                LEFT JOIN sp ON sp.trace_id = m.trace_id AND sp.class = m.class AND sp.module = m.module AND sp.cpu = c.cpu
                GROUP BY ALL
            )
            SELECT CASE WHEN (SELECT count(*) FROM trace) > 1 THEN trace_id::VARCHAR END || ' ' || class || ' ' || module,
                   string_agg(usec::VARCHAR, ' ' ORDER BY cpu)
            FROM usage GROUP BY trace_id, class, module
            """;
}
