package etwreplay.replay;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.Golden;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.store.DerivedTable;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Diff tests: every derived table of every scenario trace (sample-traces/, timelines told in
 * sample-traces/README-replay.md) against hand-checked CSV under src/test/resources/golden/replay/.
 */
class ScenarioReplayTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"disk-read-foreign-context", "ioctl-same-context", "isr-nested-in-dpc",
        "timer-dpc-completion", "threaded-dpc", "irp-reuse", "completion-without-start", "mid-dpc-mid-request",
        "dpc-user-page-fault", "no-cswitch-samples", "lost-events", "messy-export"})
    void everyDerivedTable(String scenario) throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample(scenario + ".txt"))) {
            ReplayEngine.replay(db, 1, null);
            assertDerived(db, scenario);
        }
    }

    static void assertDerived(Database db, String scenario) throws Exception {
        for (DerivedTable t : DerivedTable.values()) {
            Golden.assertCsv(db.query("SELECT * EXCLUDE (trace_id) FROM " + t.tableName() + " ORDER BY ALL"),
                    "golden/replay/" + scenario + "/" + t.tableName() + ".csv");
        }
        Golden.assertCsv(db.query("SELECT name, severity, count, first_location, example FROM trace_stat"
                + " ORDER BY name"), "golden/replay/" + scenario + "/trace_stat.csv");
    }
}
