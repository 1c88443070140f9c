package etwreplay.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.Golden;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The summary the command line prints after a replay (sample-traces/README-replay.md for the timelines). */
class ReplaySummaryTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"disk-read-foreign-context", "lost-events", "no-cswitch-samples", "isr-nested-in-dpc"})
    void summaryText(String scenario) throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample(scenario + ".txt"))) {
            Golden.assertText(ReplayEngine.replay(db, 1, null).toText(), "golden/replay/" + scenario + "/summary.txt");
        }
    }

    @Test
    void lostEventsBecomeAWarning() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample("lost-events.txt"))) {
            ReplaySummary s = ReplayEngine.replay(db, 1, null);
            assertEquals(1, s.warnings().size(), s.warnings().toString());
            assertTrue(s.warnings().get(0).startsWith("the recording lost 40 events and 2 buffers"));
            assertEquals(1L, s.anomalies().get("lossy_trace"));
            assertEquals(1L, s.requestsByStatus().get("open_at_end"));
        }
    }

    @Test
    void theForeignCompletionIsCounted() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample("disk-read-foreign-context.txt"))) {
            ReplaySummary s = ReplayEngine.replay(db, 1, null);
            assertEquals(2, s.requests());
            assertEquals(1, s.foreignCompletions());
            assertEquals(1, s.chains());
            assertEquals("cswitch", s.contextSource());
            assertEquals("DPC", s.worstSpans().get(0).kind());
            assertEquals(35_000, s.worstSpans().get(0).durationNs());
            assertTrue(s.warnings().isEmpty(), s.warnings().toString());
        }
    }
}
