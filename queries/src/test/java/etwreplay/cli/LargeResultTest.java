package etwreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.testing.SharedTraces;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result far larger than the Java heap prints whole: {@code sql} and {@code report} stream rows instead of
 * holding them (cpu_timeline of a 61.5 M-event trace is 32.9 M rows). Run in a child JVM with a 64 MB heap; the
 * 1.5 M rows below are ~130 MB as cell strings, so holding them would fail with OutOfMemoryError.
 */
class LargeResultTest {
    private static final int ROWS = 1_500_000;

    @TempDir
    Path tmp;

    @Test
    void aResultLargerThanTheHeapIsPrintedWholeInEachFormat() throws Exception {
        Path db = tmp.resolve("t.duckdb");
        CliRun ingest = CliRun.of("ingest", SharedTraces.sample("disk-read-foreign-context.txt").toString(), "--db",
                db.toString());
        assertEquals(0, ingest.exitCode(), ingest.err());
        String sql = "SELECT i, 'row ' || i AS label, i::UBIGINT * 4096 AS addr FROM range(" + ROWS + ") t(i) ORDER BY i";
        for (String format : List.of("csv", "table")) {
            Path out = tmp.resolve("out." + format);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sql", "--db",
                    db.toString(), "-f", format, sql)
                    .redirectOutput(out.toFile()).redirectError(tmp.resolve("err." + format).toFile()).start();
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child finished");
            assertEquals(0, child.exitValue(), Files.readString(tmp.resolve("err." + format)));
            List<String> firstAndLast = firstAndLast(out);
            if (format.equals("csv")) {
                assertEquals(List.of("i,label,addr", "0,row 0,0x0", (ROWS - 1) + ",row " + (ROWS - 1) + ","
                        + "0x" + Long.toHexString((ROWS - 1) * 4096L), String.valueOf(ROWS + 1)), firstAndLast);
            } else {
                assertEquals("i     label     addr", firstAndLast.get(0)); // widths of the first 10,000 rows
                assertEquals("(" + ROWS + " rows)", firstAndLast.get(2));
                assertEquals(String.valueOf(ROWS + 3), firstAndLast.get(3));
            }
        }
    }

    /** The first line, the first row's line (CSV) or the rule (table), the last line, and the line count. */
    private static List<String> firstAndLast(Path file) throws Exception {
        List<String> picked = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            String last = null;
            long n = 0;
            while ((line = r.readLine()) != null) {
                if (n < 2) {
                    picked.add(line);
                }
                last = line;
                n++;
            }
            picked.add(last);
            picked.add(String.valueOf(n));
        }
        return picked;
    }
}
