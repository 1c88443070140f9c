package etwreplay.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.ReplayEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * analyze shows the first rows of each telling report, never the whole of a report that returns millions of
 * rows, and says how to see the rest. The headline sample's apc_delivery has 2 rows (all threads of
 * reader.exe, then thread 1204); cut to 1 it keeps the first, in report order, and notes the command.
 */
class TellingReportsRowsTest {
    @TempDir
    Path tmp;

    @Test
    void aReportWithMoreRowsThanShownIsCutAndSaysHowToSeeAll() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sampleTraces().resolve("disk-read-foreign-context.txt"))) {
            ReplayEngine.replay(db, 1, null);
            Report apc = ReportCatalog.shipped().find("apc_delivery").orElseThrow();
            ReportRunner runner = new ReportRunner(db);
            ReportResult all = runner.run(apc, Map.of("trace", "1"));
            assertEquals(2, all.table().rows().size());
            assertFalse(all.table().truncated());

            ReportResult first = runner.run(apc, Map.of("trace", "1"), 1);
            assertEquals(List.of(all.table().rows().get(0)), first.table().rows());
            assertTrue(first.table().truncated());
            assertEquals(List.of("note: the first 1 rows; all of them (or a window: --param from_us=... --param"
                    + " to_us=..., where the report takes them): etwreplay report apc_delivery --db " + db.file()
                    + " --param trace=1"), first.notes());

            ReportResult exact = runner.run(apc, Map.of("trace", "1"), 2);
            assertEquals(all.table().rows(), exact.table().rows());
            assertFalse(exact.table().truncated(), "exactly as many rows as allowed is not a cut");
            assertTrue(exact.notes().isEmpty());
        }
    }

    @Test
    void analyzeShowsAtMostTwentyRowsOfEach() throws Exception {
        assertEquals(20, TellingReports.ROWS_SHOWN);
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sampleTraces().resolve("disk-read-foreign-context.txt"))) {
            ReplayEngine.replay(db, 1, null);
            for (ReportResult r : TellingReports.forTrace(db, 1, 1)) {
                assertEquals(1, r.table().rows().size(), r.report().name());
            }
        }
    }
}
