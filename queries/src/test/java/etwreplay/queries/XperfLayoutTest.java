package etwreplay.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.ReplayEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dpc_isr_xperf against a real `xperf -a dpcisr` report (../shared/traces/reports/EXP00_dpcisr_report.txt,
 * 16 CPUs). Every line of that report is one of the line kinds below (which proves the kinds describe
 * xperf's layout), every line dpc_isr_xperf writes is one of them too, the kinds come in the same order,
 * and with 16 CPUs the CPU header lines are byte for byte xperf's.
 *
 * <p>The trace: 16 CPUs, 2.6 s; on CPU c a ndis.sys DPC of c+1 µs at 0.1 s and an ISR of 1 µs, storport.sys
 * DPCs of 40 µs at 1.5 s and 2.5 s on CPU 4 and an ISR on CPU 5 — two modules of each class, three
 * 1-second intervals and two 2000 ms ones.
 */
class XperfLayoutTest {
    private static final String CELL = "[ \\d]{9} [ \\d]{2}\\d\\.\\d\\d";
    /** Line kinds of xperf's dpcisr report: a letter each, for comparing the order. */
    private static final Map<Character, Pattern> KINDS = new java.util.LinkedHashMap<>();

    static {
        kind('0', "");
        kind('-', "-{26}");
        kind('I', "DPC Info|Interrupt Info");
        kind('S', "CPU Usage Summing By Module For the Whole Trace");
        kind('F', "CPU Usage from 0 us to \\d+ us:");
        kind('H', "(     CPU \\d+ Usage, )+");
        kind('U', "(     usec      %, )+Module");
        kind('R', "(" + CELL + ", )+\\S+");
        kind('T', "Total = \\d+");
        kind('E', "Elapsed Time, > [ \\d]{8} usecs AND <= [ \\d]{8} usecs, [ \\d]{6}, or [ \\d]{2}\\d\\.\\d\\d%");
        kind('t', "(?=.{60}$)Total, +\\d+");
        kind('M', "Total = \\d+ for module \\S+");
        kind('A', "All Module = [ \\d]{6,},  Total = \\d+,   EQUAL");
        kind('G', "Usage From 0 ms to \\d+ ms, Summing In 1 second intervals\\. Intervals=\\d+");
        kind('h', " {23},(      CPU \\d+ Usage ,)*      CPU \\d+ Usage ");
        kind('u', "Start \\(ms\\) End \\(ms\\)    ,(    \\(usec\\)      % ,)*    \\(usec\\)      % ");
        kind('r', "[ \\d]{10}-[\\d ]{10}:,(" + CELL.replace("{9}", "{10}") + ",)*" + CELL.replace("{9}", "{10}"));
        kind('D', "Distribution of number of 2000 ms intervals w\\.r\\.t\\. DPC/ISR usage:");
        kind('d', " {16},( {22}CPU \\d+,)* {22}CPU \\d+");
        kind('p', " DPC/ISR Usage %,(      DPC      ISR Combined,)*      DPC      ISR Combined");
        kind('q', "(>= [ \\d]{2} AND <= [ \\d]{3}|>  [ \\d]{2} AND <= [ \\d]{3}),([ \\d]{9},)*[ \\d]{9}");
        kind('=', "---");
        kind('z', "Total:          ,([ \\d]{9},)*[ \\d]{9}");
    }

    @TempDir
    Path tmp;

    private static void kind(char letter, String regex) {
        KINDS.put(letter, Pattern.compile(regex));
    }

    private static char kindOf(String line) {
        for (Map.Entry<Character, Pattern> k : KINDS.entrySet()) {
            if (k.getValue().matcher(line).matches()) {
                return k.getKey();
            }
        }
        throw new AssertionError("a line of no known kind: '" + line + "'");
    }

    /** The kinds in order, runs of one kind and repeated per-module histograms folded. */
    private static String layout(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(kindOf(line));
        }
        return sb.toString().replaceAll("(.)\\1+", "$1").replaceAll("(0MEt)+", "0MEt");
    }

    static String trace() {
        TreeMap<Long, String> rows = new TreeMap<>();
        for (int cpu = 0; cpu < 16; cpu++) {
            long t = 100_000L + 10L * cpu;
            rows.put(t * 100 + cpu, String.format("              Interrupt, %d, 1, %d, 161, 0, 0x00000001,"
                    + " 0xfffff80021001000, ndis.sys!ndisMiniportIsr", t, cpu));
            long end = t + 5 + cpu + 1;
            rows.put(end * 100 + 50 + cpu, String.format("                    DPC, %d, %d, %d, 0xfffff80021002000,"
                    + " ndis.sys!ndisInterruptDpc", end, cpu + 1, cpu));
        }
        rows.put(1_499_990L * 100, "              Interrupt, 1499990, 2, 5, 146, 0, 0x00000001, 0xfffff80020001230,"
                + " storport.sys!RaidpAdapterInterrupt");
        rows.put(1_500_040L * 100, "                    DPC, 1500040, 40, 4, 0xfffff80020105670,"
                + " storport.sys!RaidpAdapterDpcRoutine");
        rows.put(2_600_000L * 100, "                    DPC, 2600000, 40, 4, 0xfffff80020105670,"
                + " storport.sys!RaidpAdapterDpcRoutine");
        return HistogramAndPercentileTest.HEADER.replace("edges.etl", "sixteen.etl") + String.join("\n", rows.values())
                + "\n";
    }

    @Test
    void theRenderingHasXperfsLineKindsInXperfsOrder() throws Exception {
        List<String> real = Files.readAllLines(SharedTraces.trace("reports/EXP00_dpcisr_report.txt"),
                StandardCharsets.UTF_8);
        List<String> ours;
        try (Database db = TestDatabases.ingestText(tmp, trace(), true)) {
            ReplayEngine.replay(db, 1, null);
            ours = ReportOutput.render(ReportTesting.run(db, "dpc_isr_xperf", Map.of()), OutputFormat.TABLE).lines()
                    .toList();
        }
        String expected = layout(real);
        assertEquals("0-I0-S0F0HUR0TEt0MEt0A0-G0hur0-I0-S0F0HUR0TEt0MEt0A0-G0hur0D0dpq=z",
                expected, "xperf's own layout, as these kinds see it");
        assertEquals(expected, layout(ours));

        // With 16 CPUs the header lines are xperf's, byte for byte.
        for (char k : new char[] {'H', 'U', 'h', 'u', 'd', 'p'}) {
            List<String> want = new ArrayList<>(real.stream().filter(l -> kindOf(l) == k).distinct().toList());
            List<String> got = ours.stream().filter(l -> kindOf(l) == k).distinct().toList();
            assertEquals(want, got, "header kind " + k);
        }
        // The same labels of the usage distribution, and the same first bucket lines.
        assertEquals(real.stream().filter(l -> kindOf(l) == 'q').map(l -> l.substring(0, 16)).toList(),
                ours.stream().filter(l -> kindOf(l) == 'q').map(l -> l.substring(0, 16)).toList());
        assertTrue(ours.contains("Total = 16 for module ndis.sys"), String.join("\n", ours));
        assertTrue(ours.contains("Elapsed Time, >        0 usecs AND <=        1 usecs,      1, or   6.25%"),
                String.join("\n", ours));
    }
}
