package etwreplay.ingest.tracerpt;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.Golden;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported event XML that is not kernel tracerpt output (Event Viewer "Save as XML" style, single quotes,
 * unnamed {@code <Data>}, a {@code <UserData>} tree, no header event): kept whole in generic_event, with
 * ts counted from the first event.
 */
class EventLogXmlTest {
    @TempDir
    Path tmp;

    @Test
    void nonKernelEventsAreKeptWhole() throws Exception {
        String xml = "<?xml version='1.0' encoding='utf-8'?>\n<Events>\n"
                + "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider Name='Service Control Manager' Guid='{555908d1-a6d7-4695-8e1e-26931d2012f4}'/>"
                + "<EventID Qualifiers='16384'>7036</EventID><Version>0</Version><Level>4</Level><Task>0</Task>"
                + "<Opcode>0</Opcode><Keywords>0x8080000000000000</Keywords>"
                + "<TimeCreated SystemTime='2024-03-01T10:00:00.1234567Z'/><EventRecordID>991</EventRecordID>"
                + "<Execution ProcessID='712' ThreadID='4040'/><Channel>System</Channel><Computer>pc</Computer>"
                + "</System><EventData><Data>Windows Update</Data><Data>running</Data><Binary>7700</Binary>"
                + "</EventData></Event>\n"
                + "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider Name='Microsoft-Windows-Eventlog'/><EventID>104</EventID>"
                + "<TimeCreated SystemTime='2024-03-01T10:00:01.5Z'/><Execution ProcessID='1' ThreadID='2' ProcessorID='3'/>"
                + "</System><UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'>"
                + "<SubjectUserName>admin</SubjectUserName><Channel>Application</Channel></LogFileCleared></UserData>"
                + "</Event>\n</Events>\n";
        Path f = tmp.resolve("eventlog.xml");
        Files.writeString(f, xml, StandardCharsets.UTF_8);
        try (Database db = TestDatabases.ingest(tmp, f)) {
            Golden.assertText(db.query("SELECT * EXCLUDE (trace_id) FROM generic_event ORDER BY seq").toCsv()
                    + db.query("SELECT format, start_filetime, start_time, duration_ns, event_count FROM trace").toCsv()
                    + db.query("SELECT * EXCLUDE (trace_id, description) FROM trace_stat ORDER BY name").toCsv(),
                    "golden/tracerpt-xml/eventlog.txt");
        }
    }
}
