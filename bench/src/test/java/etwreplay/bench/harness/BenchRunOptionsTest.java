package etwreplay.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bench/run's command line: what it accepts, and the one-line reason for what it refuses. */
class BenchRunOptionsTest {
    private static String refused(String... args) {
        return assertThrows(BenchRun.UsageException.class, () -> BenchRun.parse(args)).getMessage();
    }

    @Test
    void theDefaultsAreThreeSizesEveryStageThreeRepetitions() throws Exception {
        BenchRun.Options o = BenchRun.parse(new String[0]);
        assertEquals(List.of(100L << 20, 1L << 30, 10L << 30), o.sizes);
        assertEquals(BenchRun.STAGES, o.stages);
        assertEquals(3, o.reps);
        assertEquals("1g", o.heap);
    }

    @Test
    void optionsAreRead() throws Exception {
        BenchRun.Options o = BenchRun.parse(new String[] {"--sizes", "100M,1.5G", "--stages", "etl,replay", "--reps",
            "5", "--heap", "2g", "--work", "/tmp/w", "--xml-max", "8G", "--keep"});
        assertEquals(List.of(100L << 20, 3L << 29), o.sizes);
        assertEquals(List.of("etl", "replay"), o.stages);
        assertEquals(5, o.reps);
        assertEquals("2g", o.heap);
        assertEquals(Path.of("/tmp/w"), o.work);
        assertEquals(8L << 30, o.xmlMax);
        assertTrue(o.keep);
        BenchRun.Options quick = BenchRun.parse(new String[] {"--quick"});
        assertEquals(List.of(20L << 20), quick.sizes);
        assertEquals(1, quick.reps);
    }

    @Test
    void badCommandLinesAreRefusedWithTheReason() {
        assertEquals("unknown option '--size'", refused("--size", "1G"));
        assertEquals("option --reps needs a value", refused("--reps"));
        assertEquals("--sizes: '1X' is not a size (e.g. 100M, 1G, 1.5G)", refused("--sizes", "100M,1X"));
        assertEquals("--sizes: '-1G' is not a size (e.g. 100M, 1G, 1.5G)", refused("--sizes", "-1G"));
        assertEquals("--reps: '0' is not a count of 1 or more", refused("--reps", "0"));
        assertEquals("--stages: unknown stage 'etw' (stages: etl, net, xperf, xml, replay, reports)",
                refused("--stages", "etl,etw"));
        assertEquals("--heap: '1 GB' is not a JVM heap size (e.g. 1g, 512m)", refused("--heap", "1 GB"));
        assertEquals("--before-jar: no such file /nonexistent/old.jar", refused("--before-jar", "/nonexistent/old.jar"));
    }

    @Test
    void theUsageNamesEveryOption() {
        for (String option : List.of("--quick", "--sizes", "--reps", "--reps-large", "--stages", "--heap", "--work",
                "--net-source", "--xml-max", "--keep", "--jfr", "--before-jar", "--before-label", "--help")) {
            assertTrue(BenchRun.USAGE.contains(option), option);
        }
    }
}
