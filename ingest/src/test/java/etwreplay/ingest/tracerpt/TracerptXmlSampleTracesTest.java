package etwreplay.ingest.tracerpt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.store.ResultTable;
import etwreplay.ingest.testing.Golden;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TableAgreement;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample-traces/ scenarios re-expressed as tracerpt XML (test resources under tracerpt-xml/samples:
 * the same events, in the same order, as tracerpt would print them; disk-read-foreign-context with raw QPC
 * times at 10 MHz and InitialTime payloads, ioctl-same-context with SystemTime). Each must give the same
 * canonical rows as the xperf text: no conflicting value anywhere, and the columns only one format fills
 * are listed in a reviewed golden (xperf computes TmSinceLast, symbols, file names …; tracerpt prints
 * FileKey, Affinity, Win32StartAddr, ExitStatus, CPU of rundown events …).
 */
class TracerptXmlSampleTracesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"disk-read-foreign-context", "ioctl-same-context"})
    void sameCanonicalRowsAsXperf(String sample) throws Exception {
        Path xperfDb;
        try (Database x = TestDatabases.ingest(tmp, SharedTraces.sample(sample + ".txt"))) {
            xperfDb = x.file();
        }
        Path xml = Path.of("src/test/resources/tracerpt-xml/samples/" + sample + ".xml");
        try (Database db = TestDatabases.ingest(tmp, xml)) {
            for (EventTable t : EventTable.values()) {
                Golden.assertCsv(db.query("SELECT * EXCLUDE (trace_id) FROM " + t.tableName() + " ORDER BY seq"),
                        "golden/tracerpt-xml/samples/" + sample + "/" + t.tableName() + ".csv");
            }
            Golden.assertCsv(db.query("SELECT * EXCLUDE (trace_id, description) FROM trace_stat ORDER BY name"),
                    "golden/tracerpt-xml/samples/" + sample + "/trace_stat.csv");
            Golden.assertCsv(db.query("SELECT file_name, format, os_version, os_build, pointer_size, cpu_count, clock,"
                    + " clock_frequency, start_filetime, start_time, duration_ns, event_count, events_lost, buffers_lost,"
                    + " logger_name, recorded_file_name FROM trace"), "golden/tracerpt-xml/samples/" + sample + "/trace.csv");
            ResultTable agreement = TableAgreement.compare(db, xperfDb);
            assertEquals("", TableAgreement.conflicts(agreement), "values that differ between tracerpt XML and xperf");
            Golden.assertCsv(agreement, "golden/tracerpt-xml/samples/" + sample + "/agreement-with-xperf.csv");
            assertEquals(db.query("SELECT start_filetime, duration_ns, event_count, pointer_size, os_build FROM trace")
                    .rows(), db.query("SELECT start_filetime, duration_ns, event_count, pointer_size, os_build"
                    + " FROM other.trace").rows(), "trace rows");
        }
    }
}
