package etwreplay.ingest.xperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.BadInputException;
import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.DatabaseSnapshot;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never reaches the user as a stack trace: either it is ingested with each anomaly counted,
 * or it is refused with one line naming the file and line or offset, and the database — here already
 * holding one good trace — is left exactly as it was.
 */
class XperfBadInputTest {
    private static final String HEADER = "BeginHeader\n"
            + "DiskRead, TimeStamp, Process Name ( PID), ThreadID, IrpPtr, IOSize\n"
            + "EndHeader\n";

    @TempDir
    Path tmp;
    private Database db;
    private String before;

    @BeforeEach
    void databaseWithOneGoodTrace() throws Exception {
        db = TestDatabases.ingest(tmp, SharedTraces.sample("ioctl-same-context.txt"));
        before = DatabaseSnapshot.of(db);
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        db.close();
    }

    private TraceIngester ingester() {
        return new TraceIngester(db, TestDatabases.TEST_TOOL_VERSION);
    }

    private String refused(byte[] content) throws Exception {
        Path f = tmp.resolve("bad-" + System.nanoTime() + ".txt");
        Files.write(f, content);
        String message = TestDatabases.badInputMessage(db, f);
        assertEquals(before, DatabaseSnapshot.of(db), "database changed by a refused ingest");
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.startsWith(f.toString() + ": "), "names the file: " + message);
        return message.substring(f.toString().length() + 2);
    }

    /** Ingests {@code text} and returns name=count of its anomalies. */
    private List<String> anomalies(String text) throws Exception {
        Path f = TestDatabases.writeText(tmp, text, true);
        int id = ingester().ingest(f, TraceIngester.Options.defaults()).summary().traceId();
        return db.query("SELECT name || '=' || count || ' @' || coalesce(first_location, '') FROM trace_stat"
                + " WHERE trace_id = ? AND name <> 'cpu_count_inferred' ORDER BY name", id).rows().stream()
                .map(r -> r.get(0)).toList();
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertEquals("offset 0: empty file", refused(new byte[0]));
    }

    @Test
    void binaryGarbageIsRefused() throws Exception {
        byte[] garbage = new byte[5000];
        new java.util.Random(42).nextBytes(garbage);
        assertTrue(refused(garbage).startsWith("offset 0: not a trace format etwreplay recognises"));
    }

    @Test
    void aFileThatEndsInsideTheHeaderIsRefused() throws Exception {
        byte[] all = Files.readAllBytes(SharedTraces.sample("disk-read-foreign-context.txt"));
        assertEquals("line 6: the file ends inside the header (BeginHeader at line 1 has no EndHeader):"
                + " truncated export?", refused(Arrays.copyOf(all, 700)));
    }

    @Test
    void textWithoutBeginHeaderIsRefusedWhenForcedToXperf() throws Exception {
        Path f = tmp.resolve("notes.txt");
        Files.writeString(f, "hello,world\n");
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> ingester().ingest(f, new TraceIngester.Options(etwreplay.ingest.format.TraceFormat.XPERF_TEXT,
                        false, null)));
        assertEquals(f + ": line 1: no BeginHeader line: not xperf dumper text (xperf -i trace.etl -o trace.txt)",
                e.getMessage());
        assertEquals(before, DatabaseSnapshot.of(db));
    }

    @Test
    void truncationAtAnyOffsetAfterTheHeaderIsIngestedOrRefusedCleanly() throws Exception {
        byte[] all = Files.readAllBytes(SharedTraces.sample("disk-read-foreign-context.txt"));
        int refusals = 0;
        int ingested = 0;
        for (int cut = 1; cut < all.length; cut += 97) {
            Path f = tmp.resolve("cut-" + cut + ".txt");
            Files.write(f, Arrays.copyOf(all, cut));
            String snapshot = DatabaseSnapshot.of(db);
            try {
                ingester().ingest(f, TraceIngester.Options.defaults());
                ingested++;
            } catch (BadInputException e) {
                refusals++;
                assertTrue(e.getMessage().matches(".*cut-\\d+\\.txt: (line|offset) \\d+: .*"), e.getMessage());
                assertEquals(snapshot, DatabaseSnapshot.of(db), "database changed after refusing a cut at " + cut);
            }
        }
        assertTrue(refusals > 0 && ingested > 0, "both outcomes exercised: " + refusals + "/" + ingested);
    }

    @Test
    void aLineWithFewerOrMoreFieldsThanItsHeaderIsCountedAndKept() throws Exception {
        assertEquals(List.of("field_count_mismatch=2 @line 4"), anomalies(HEADER
                + "DiskRead, 10, a.exe (1), 2, 0x10\n"
                + "DiskRead, 20, a.exe (1), 2, 0x20, 0x1000, surplus\n"));
        assertEquals(List.of("2,", "2,{field6=surplus}"), db.query("SELECT count(*) OVER () || ',' ||"
                + " coalesce(CAST(extra AS VARCHAR), '') FROM disk_io WHERE trace_id = 2 ORDER BY ts").rows().stream()
                .map(r -> r.get(0)).toList());
    }

    @Test
    void anUnknownEventTypeIsKeptInGenericEventAndCounted() throws Exception {
        assertEquals(List.of("unknown_event_type=1 @line 4"), anomalies(HEADER + "Mystery, 10, 1, 2\n"));
        assertEquals("Mystery,{field2=1, field3=2}", db.query("SELECT name || ',' || CAST(fields AS VARCHAR)"
                + " FROM generic_event WHERE trace_id = 2").rows().get(0).get(0));
    }

    @Test
    void aDataLineInsideTheHeaderIsCountedAndSkipped() throws Exception {
        assertEquals(List.of("malformed_header_line=1 @line 2"), anomalies("BeginHeader\n"
                + "DiskRead, 10, a.exe (1), 2, 0x10\n"
                + "DiskRead, TimeStamp, Process Name ( PID), ThreadID, IrpPtr\n"
                + "EndHeader\n"
                + "DiskRead, 10, a.exe (1), 2, 0x10\n"));
    }

    @Test
    void aNonUtf8ByteIsDecodedAsWindows1252AndCounted() throws Exception {
        byte[] text = (HEADER.replace("IOSize", "FileName") + "DiskRead, 10, caf\u00e9.exe (1), 2, 0x10, x\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path f = tmp.resolve("ansi.txt");
        Files.write(f, text);
        int id = ingester().ingest(f, TraceIngester.Options.defaults()).summary().traceId();
        assertEquals("café.exe", db.query("SELECT process_name FROM disk_io WHERE trace_id = ?", id).rows().get(0).get(0));
        assertEquals("non_utf8_line,info,1,line 4", db.query("SELECT name || ',' || severity || ',' || count || ','"
                + " || first_location FROM trace_stat WHERE trace_id = ? AND name = 'non_utf8_line'", id)
                .rows().get(0).get(0));
    }

    @Test
    void utf16InputWithAByteOrderMarkIsRead() throws Exception {
        Path f = tmp.resolve("utf16.txt");
        Files.write(f, ("\uFEFF" + HEADER + "DiskRead, 10, a.exe (1), 2, 0x10, 0x200\r\n")
                .getBytes(StandardCharsets.UTF_16LE));
        int id = ingester().ingest(f, TraceIngester.Options.defaults()).summary().traceId();
        assertEquals("10000,0x10,512", db.query("SELECT ts || ',' || addr(irp) || ',' || transfer_size FROM disk_io"
                + " WHERE trace_id = ?", id).rows().get(0).get(0));
    }

    @Test
    void aRunOfNulBytesIsCountedAsDamagedDataAndTheRestIsRead() throws Exception {
        byte[] good = (HEADER + "DiskRead, 10, a.exe (1), 2, 0x10, 0x1\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[good.length + 300 + good.length];
        System.arraycopy(good, 0, all, 0, good.length);
        byte[] tail = "DiskRead, 20, a.exe (1), 2, 0x20, 0x2\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, all, good.length + 300, tail.length);
        Path f = tmp.resolve("zeros.txt");
        Files.write(f, Arrays.copyOf(all, good.length + 300 + tail.length));
        // Forced: in a file this small the zeros are >5% of it, and detection (rightly) calls it binary.
        int id = ingester().ingest(f, new TraceIngester.Options(etwreplay.ingest.format.TraceFormat.XPERF_TEXT,
                false, null)).summary().traceId();
        assertEquals(List.of("10000", "20000"), db.query("SELECT ts FROM disk_io WHERE trace_id = ? ORDER BY ts", id)
                .rows().stream().map(r -> r.get(0)).toList());
        assertEquals("damaged_data,line 5", db.query("SELECT name || ',' || first_location FROM trace_stat"
                + " WHERE trace_id = ? AND name = 'damaged_data'", id).rows().get(0).get(0));
    }

    @Test
    void anOverlongLineIsSkippedAndCountedWithoutHoldingItInMemory() throws Exception {
        String huge = "DiskRead, 10, " + "x".repeat(LineSource.MAX_LINE + 10) + "\n";
        assertEquals(List.of("unparseable_line=1 @line 4"), anomalies(HEADER + huge + "DiskRead, 20, a.exe (1), 2,"
                + " 0x10, 0x1\n"));
    }

    @Test
    void theSameFileTwiceIsRefusedUnlessReplaced() throws Exception {
        Path sample = SharedTraces.sample("ioctl-same-context.txt");
        TraceIngester.AlreadyIngestedException e = org.junit.jupiter.api.Assertions.assertThrows(
                TraceIngester.AlreadyIngestedException.class, () -> ingester().ingest(sample,
                        TraceIngester.Options.defaults()));
        assertEquals(1, e.traceId());
        assertEquals(before, DatabaseSnapshot.of(db));
        TraceIngester.Result r = ingester().ingest(sample, new TraceIngester.Options(null, true, null));
        assertEquals(1, r.summary().traceId());
        assertEquals(1, r.replacedTraceId());
        assertEquals(before, DatabaseSnapshot.of(db), "replacing with the same content gives the same rows");
    }
}
