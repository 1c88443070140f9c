package etwreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.DatabaseSnapshot;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.robustness.XperfTraceWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest killed with SIGKILL (the machine or the user pulling the plug) leaves a database that opens,
 * holds every earlier trace unchanged, and shows no part of the killed trace: one transaction per trace,
 * and DuckDB's write-ahead log replays only what was committed.
 */
class CrashSafetyTest {
    /** Large enough that ingest runs for several seconds on a 2-core machine. */
    private static final int EVENTS = 3_000_000;

    @TempDir
    Path tmp;

    @Test
    void killedIngestsLeaveNoTraceAndHarmNothing() throws Exception {
        Path big = tmp.resolve("big.txt");
        XperfTraceWriter.write(big, EVENTS, 7);
        Path db = tmp.resolve("crash.duckdb");
        assertEquals(0, CliRun.of("ingest", SharedTraces.sample("disk-read-foreign-context.txt").toString(), "--db",
                db.toString()).exitCode());
        String before = snapshot(db);
        int killedMidway = 0;
        for (long killAfterMillis : new long[] {700, 1500, 2500}) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "ingest", big.toString(),
                    "--db", db.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile())
                    .start();
            boolean finished = child.waitFor(killAfterMillis, TimeUnit.MILLISECONDS);
            if (!finished) {
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback
                child.waitFor();
                killedMidway++;
                assertEquals(before, snapshot(db), "database after SIGKILL at " + killAfterMillis + " ms");
            }
        }
        assertTrue(killedMidway >= 2, "the ingest finished too fast to be killed midway: make the trace larger");
        CliRun complete = CliRun.of("ingest", big.toString(), "--db", db.toString());
        assertEquals(0, complete.exitCode(), "ingest after the crashes: " + complete.err());
        assertTrue(complete.out().startsWith("Ingested trace 2 (xperf)"), complete.out());
    }

    private static String snapshot(Path db) throws Exception {
        try (Database d = Database.openForWrite(db)) {
            return DatabaseSnapshot.of(d);
        }
    }
}
