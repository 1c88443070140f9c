package etwreplay.ingest.tracerpt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.store.ResultTable;
import etwreplay.ingest.testing.Golden;
import etwreplay.ingest.testing.TableAgreement;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Diff tests for every mapped kernel event type, for both pointer sizes, through both tracerpt formats.
 * kernel-x64 (Win10 19045, system-time clock, SystemTime / FILETIME Clock-Time, current event versions,
 * plus an unmodelled TcpIp event and a manifest event) and kernel-x86 (Win7 7601, PointerSize 4, QPC at
 * 3.579545 MHz with raw times, V2/V3 layouts: TTID pointer-sized, no IssuingThreadId, 32-bit addresses).
 * The XML gives the expected rows; the CSV of the same events must agree with it column by column.
 */
class TracerptKernelEventsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"kernel-x64", "kernel-x86"})
    void xmlRowsAndCsvAgreement(String trace) throws Exception {
        Path csvDb;
        try (Database csv = TestDatabases.ingest(tmp, Path.of("src/test/resources/tracerpt-csv/" + trace + ".csv"))) {
            csvDb = csv.file();
            Golden.assertCsv(csv.query("SELECT * EXCLUDE (trace_id, description) FROM trace_stat ORDER BY name"),
                    "golden/tracerpt-csv/" + trace + "/trace_stat.csv");
            Golden.assertCsv(csv.query("SELECT * EXCLUDE (trace_id) FROM generic_event ORDER BY seq"),
                    "golden/tracerpt-csv/" + trace + "/generic_event.csv");
        }
        try (Database db = TestDatabases.ingest(tmp, Path.of("src/test/resources/tracerpt-xml/" + trace + ".xml"))) {
            for (EventTable t : EventTable.values()) {
                Golden.assertCsv(db.query("SELECT * EXCLUDE (trace_id) FROM " + t.tableName() + " ORDER BY seq"),
                        "golden/tracerpt-xml/" + trace + "/" + t.tableName() + ".csv");
            }
            Golden.assertCsv(db.query("SELECT * EXCLUDE (trace_id, description) FROM trace_stat ORDER BY name"),
                    "golden/tracerpt-xml/" + trace + "/trace_stat.csv");
            String traceRow = "SELECT format, os_version, os_build, pointer_size, cpu_count, clock, clock_frequency,"
                    + " start_filetime, start_time, duration_ns, event_count, events_lost, buffers_lost, logger_name,"
                    + " recorded_file_name FROM ";
            Golden.assertCsv(db.query(traceRow + "trace"), "golden/tracerpt-xml/" + trace + "/trace.csv");
            ResultTable agreement = TableAgreement.compare(db, csvDb);
            assertEquals("", TableAgreement.conflicts(agreement), "values that differ between tracerpt XML and CSV");
            assertEquals(0, agreement.rows().size(), "columns one format fills and the other not: " + agreement.toCsv());
            assertEquals(db.query(traceRow.replace("format, ", "") + "trace").rows(),
                    db.query(traceRow.replace("format, ", "") + "other.trace").rows(), "trace rows");
        }
    }

    /** tracerpt -en Unicode writes UTF-16LE with a BOM: the same rows as the UTF-8 file. */
    @Test
    void utf16CsvGivesTheSameRows() throws Exception {
        Path utf8 = Path.of("src/test/resources/tracerpt-csv/kernel-x86.csv");
        Path utf16 = tmp.resolve("kernel-x86-utf16.csv");
        byte[] body = Files.readString(utf8).getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(utf16, withBom);
        String all = "SELECT * EXCLUDE (trace_id) FROM file_io ORDER BY seq";
        try (Database a = TestDatabases.ingest(tmp, utf8); Database b = TestDatabases.ingest(tmp, utf16)) {
            assertEquals(a.query(all).toCsv(), b.query(all).toCsv());
            assertEquals(3, b.query(all).rows().size());
        }
    }
}
