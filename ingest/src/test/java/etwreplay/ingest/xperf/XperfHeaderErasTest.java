package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.Golden;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One data line of every event type in both header eras: {@code era-2008.txt} uses the real Windows
 * Server 2008 header block of FORMATS.md §1a verbatim (DriverCall…, FileIo* with CPU, no CPU on Disk*);
 * {@code era-win10.txt} uses the Win10 headers of FORMATS.md §1b/§1c and SCHEMAS.md (full CSwitch with
 * BAM QoS, DiskRead with CPU, FileIo with Logging* columns, DrvMjFnCall…). Its DiskRead line is the
 * real oppat sample with an earlier timestamp than its neighbours: a counted time inversion.
 */
class XperfHeaderErasTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"era-2008", "era-win10"})
    void everyEventTypeLandsInItsCanonicalTable(String era) throws Exception {
        Path trace = Path.of("src/test/resources/xperf/" + era + ".txt");
        try (Database db = TestDatabases.ingest(tmp, trace)) {
            for (EventTable t : EventTable.values()) {
                Golden.assertCsv(db.query("SELECT * EXCLUDE (trace_id) FROM " + t.tableName() + " ORDER BY seq"),
                        "golden/eras/" + era + "/" + t.tableName() + ".csv");
            }
            Golden.assertCsv(db.query("SELECT * EXCLUDE (trace_id, description) FROM trace_stat ORDER BY name"),
                    "golden/eras/" + era + "/trace_stat.csv");
        }
    }
}
