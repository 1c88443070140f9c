package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.Golden;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Diff tests: every table of every bundled sample trace (sample-traces/, timelines in its README)
 * against hand-checked CSV under src/test/resources/golden/samples/.
 */
class XperfSampleTracesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"disk-read-foreign-context", "ioctl-same-context", "messy-export"})
    void everyTableOfEverySample(String sample) throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample(sample + ".txt"))) {
            for (EventTable t : EventTable.values()) {
                Golden.assertCsv(db.query("SELECT * EXCLUDE (trace_id) FROM " + t.tableName() + " ORDER BY seq"),
                        "golden/samples/" + sample + "/" + t.tableName() + ".csv");
            }
            Golden.assertCsv(db.query("SELECT * EXCLUDE (trace_id, description) FROM trace_stat ORDER BY name"),
                    "golden/samples/" + sample + "/trace_stat.csv");
            Golden.assertCsv(db.query("SELECT file_name, file_size, format, os_version, os_build, pointer_size,"
                    + " cpu_count, clock, clock_frequency, start_filetime, start_time, duration_ns, event_count,"
                    + " events_lost, buffers_lost, first_reliable_ts, first_reliable_cswitch_ts, recorded_file_name"
                    + " FROM trace"), "golden/samples/" + sample + "/trace.csv");
        }
    }
}
