package etwreplay.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.machine.MachineSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * x86-user-address.txt (sample-traces/README-replay.md): a DPC faults on 0x90001000, a kernel address
 * under the default 2 GB split and a user address under /3GB. The same database is replayed twice, and
 * the second replay replaces the first.
 */
class MachineSplitScenarioTest {
    private static final String SCENARIO = "x86-user-address";

    @TempDir
    Path tmp;

    @Test
    void theSameAddressIsJudgedByTheMachine() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample(SCENARIO + ".txt"))) {
            ReplaySummary inferred = ReplayEngine.replay(db, 1, null);
            assertEquals("x86", inferred.machine().spec().name());
            assertEquals(0, inferred.hazards());
            ScenarioReplayTest.assertDerived(db, SCENARIO + "/default");

            ReplaySummary given = ReplayEngine.replay(db, 1, MachineSpec.parse("x86-3gb"));
            assertEquals("given", given.machine().source());
            assertEquals(1, given.hazardsByKind().get("user_page_fault_in_dpc_isr"));
            ScenarioReplayTest.assertDerived(db, SCENARIO + "/3gb");
        }
    }
}
