package etwreplay.ingest.tracerpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.Golden;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile inputs for the tracerpt and WPA readers. Refusals are one line naming the file and
 * the line (and column), leave the database as it was (a trace ingested before stays, nothing of the
 * refused file is added), and never read what a DTD points at. Damage the reader can step over is
 * ingested and counted.
 */
class BadInputsTest {
    private static final String SAMPLE_XML = "src/test/resources/tracerpt-xml/samples/ioctl-same-context.xml";

    @TempDir
    Path tmp;
    private Database db;
    private List<List<String>> before;

    @BeforeEach
    void oneGoodTraceFirst() throws Exception {
        db = TestDatabases.ingest(tmp, Path.of(SAMPLE_XML));
        before = counts();
    }

    private List<List<String>> counts() throws Exception {
        return db.query("SELECT (SELECT count(*) FROM trace), (SELECT count(*) FROM cswitch),"
                + " (SELECT count(*) FROM generic_event), (SELECT count(*) FROM trace_stat)").rows();
    }

    private String refused(String name, byte[] content) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, content);
        String message = TestDatabases.badInputMessage(db, f);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.startsWith(f.toString()), "names the file: " + message);
        assertEquals(before, counts(), "database unchanged after refusing " + name);
        return message.substring(f.toString().length());
    }

    private static String sample() throws Exception {
        return Files.readString(Path.of(SAMPLE_XML), StandardCharsets.UTF_8);
    }

    @Test
    void unclosedElementIsRefusedWithLineAndColumn() throws Exception {
        String xml = sample().replaceFirst("</Opcode>\n\t\t<Keywords>", "\n\t\t<Keywords>");
        // The parser notices at </System>, where the still-open <Opcode> should have closed.
        assertEquals(": line 17, column 9: not well-formed XML: Unexpected close tag </System>; expected </Opcode>.",
                refused("unclosed.xml", xml.getBytes(StandardCharsets.UTF_8)).replaceAll("at \\[.*$", ""));
    }

    @Test
    void wrongEncodingIsRefusedWithItsPosition() throws Exception {
        byte[] utf8 = sample().replace("NT Kernel Logger", "NT Kernel Logger caf\u00e9").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
        String m = refused("latin1.xml", latin1);
        int offset = new String(latin1, StandardCharsets.ISO_8859_1).indexOf('\u00e9');
        assertEquals(": line 39, byte offset " + offset + ": not UTF-8 as the XML declaration says (a file re-saved"
                + " in another code page?)", m);
    }

    @Test
    void externalEntityIsNeverResolved() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Events [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<Events><Event><System><Provider Name=\"x\"/><TimeCreated SystemTime=\"2024-01-01T00:00:00Z\"/></System>"
                + "<EventData><Data Name=\"a\">&xxe;</Data></EventData></Event></Events>\n";
        String m = refused("xxe.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertTrue(m.startsWith(": line 2, column "), m);
        assertTrue(m.contains("refused: the document has a document type declaration"), m);
        assertEquals(List.of(List.of("0")), db.query("SELECT count(*) FROM generic_event WHERE"
                + " CAST(fields AS VARCHAR) LIKE '%TOP-SECRET%'").rows());
    }

    @Test
    void billionLaughsIsRefusedBeforeExpanding() throws Exception {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Events [" + dtd + "]>\n<Events><Event><EventData>"
                + "<Data Name=\"a\">&lol9;</Data></EventData></Event></Events>\n";
        assertTrue(refused("laughs.xml", xml.getBytes(StandardCharsets.UTF_8)).contains("document type declaration"));
    }

    @Test
    void externalDtdIsNeverFetched() throws Exception {
        Path dtd = tmp.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY secret \"FROM-EXTERNAL-DTD\">");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Events SYSTEM \"" + dtd.toUri() + "\">\n"
                + "<Events><Event><EventData><Data Name=\"a\">&secret;</Data></EventData></Event></Events>\n";
        String m = refused("external-dtd.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertTrue(m.startsWith(": line 2, column ") && m.contains("document type declaration"), m);
        assertEquals(List.of(List.of("0")), db.query("SELECT count(*) FROM generic_event WHERE"
                + " CAST(fields AS VARCHAR) LIKE '%FROM-EXTERNAL-DTD%'").rows());
    }

    @Test
    void parameterEntitiesAreRefused() throws Exception {
        Path dtd = tmp.resolve("param.dtd");
        Files.writeString(dtd, "<!ENTITY leak \"FROM-PARAMETER-ENTITY\">");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Events [ <!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p; ]>\n"
                + "<Events><Event><EventData><Data Name=\"a\">&leak;</Data></EventData></Event></Events>\n";
        String m = refused("param-entity.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertTrue(m.startsWith(": line 2, column ") && m.contains("document type declaration"), m);
        assertEquals(List.of(List.of("0")), db.query("SELECT count(*) FROM generic_event WHERE"
                + " CAST(fields AS VARCHAR) LIKE '%FROM-PARAMETER-ENTITY%'").rows());
    }

    @Test
    void undeclaredEntityIsRefused() throws Exception {
        String xml = sample().replace("NT Kernel Logger", "NT &kernel; Logger");
        String m = refused("entity.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertTrue(m.matches(": line 39, column \\d+: .*kernel.*"), m);
    }

    @Test
    void fileCutBeforeItsFirstEventIsRefused() throws Exception {
        String xml = sample();
        String m = refused("cut-early.xml", xml.substring(0, xml.indexOf("</Event>")).getBytes(StandardCharsets.UTF_8));
        assertTrue(m.contains("ends before its first complete <Event>"), m);
    }

    @Test
    void fileCutInsideAnEventKeepsTheEventsBeforeIt() throws Exception {
        String xml = sample();
        int cut = xml.indexOf("DrvComplReq");
        Path f = tmp.resolve("cut.xml");
        Files.writeString(f, xml.substring(0, cut), StandardCharsets.UTF_8);
        try (Database cutDb = TestDatabases.ingest(tmp, f)) {
            Golden.assertCsv(cutDb.query("SELECT * EXCLUDE (trace_id, description) FROM trace_stat ORDER BY name"),
                    "golden/bad-inputs/cut-xml-trace_stat.csv");
            // The ten events before the cut one are kept: the last is the DrvMjFnCall.
            assertEquals(List.of(List.of("10", "DrvMjFnCall")), cutDb.query("SELECT event_count, (SELECT kind FROM"
                    + " driver_irp ORDER BY seq DESC LIMIT 1) FROM trace").rows());
        }
    }

    @Test
    void wpaRowWithAnUnclosedQuoteIsRefusedNamingItsLine() throws Exception {
        String csv = "Disk,Process,Thread ID,Path Name,IO Type,Priority,Disk Service Time (µs),IO Time (µs),Size (B),"
                + "Complete Time (s)\n"
                + "0,System (4),4,,Flush,Normal,5.909,5.909,0,1.176567818\n"
                + "0,\"System (4),4,,Flush,Normal,7.5,7.5,0,2.5\n"
                + "0,System (4),4,,Flush,Normal,5.598,5.598,0,2.301684773\n";
        String m = refused("stray.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertTrue(m.startsWith(": line 3: unreadable CSV ("), m);
    }

    @Test
    void tracerptCsvRowWithAnUnclosedQuoteIsRefusedNamingItsLine() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/tracerpt-csv/kernel-x86.csv"));
        lines.set(2, lines.get(2).replace("legacy.exe /s", "\"legacy.exe /s"));
        String m = refused("stray-tracerpt.csv", String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
        assertTrue(m.startsWith(": line 3: unreadable CSV ("), m);
    }
}
