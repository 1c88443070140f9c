package etwreplay.ingest.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import etwreplay.ingest.BadInputException;
import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.TraceHeader;
import etwreplay.ingest.format.ProgressListener;
import etwreplay.ingest.format.TraceFormat;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never escapes as anything but a one-line {@link BadInputException} naming file and offset
 * (nothing written), and damage after the header is stepped over and counted in trace_stat with its
 * offset: truncation at every byte, buffer sizes of 0 or past the end of the file, an event running past
 * its buffer, corrupt compressed streams, short payloads, absurd sizes that must not size an allocation,
 * and files that are not ETL at all. Timeouts catch endless loops.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EtlBadInputTest {
    private static final int PERF_INFO = 0x0F;
    private static final int DISK_IO = 0x01;

    @TempDir
    Path tmp;

    /** Reads {@code bytes} as an ETL file without a database: the reader's own behaviour. */
    private CountingSink read(byte[] bytes) throws Exception {
        Path p = tmp.resolve("input-" + System.nanoTime() + ".etl");
        Files.write(p, bytes);
        try {
            CountingSink sink = new CountingSink();
            new EtlReader().read(p, sink, new TraceHeader(), ProgressListener.NONE);
            return sink;
        } finally {
            Files.delete(p);
        }
    }

    /** A small uncompressed or compressed fixture with three data buffers of DPC events. */
    private static byte[] fixture(boolean compressed) {
        EtlFixture f = new EtlFixture(8);
        f.compress = compressed;
        f.bufferSize = 0x400;
        for (int cpu = 0; cpu < 3; cpu++) {
            EtlFixture.Buffer b = f.buffer(cpu);
            for (int i = 0; i < 20; i++) {
                long t = 1_000_100 + cpu * 1000 + i * 10;
                b.perfInfo(PERF_INFO, 68, 2, t, f.payload().u64(t - 5).ptr(0xFFFFF80000001000L + i));
            }
        }
        return f.build();
    }

    @Test
    void truncationAtEveryByteOfUncompressedAndCompressedFiles() throws Exception {
        for (boolean compressed : new boolean[] {false, true}) {
            byte[] whole = fixture(compressed);
            long all = read(whole).events;
            assertEquals(61, all, "header + 60 DPCs");
            for (int cut = 0; cut < whole.length; cut++) {
                byte[] part = Arrays.copyOf(whole, cut);
                try {
                    CountingSink s = read(part);
                    assertTrue(s.events <= all, "cut " + cut);
                    if (s.events < all) {
                        assertTrue(s.count(Anomaly.DAMAGED_DATA) > 0, "cut " + cut + " lost events silently");
                        assertTrue(s.locations.get(Anomaly.DAMAGED_DATA).startsWith("offset 0x"),
                                s.locations.get(Anomaly.DAMAGED_DATA));
                    }
                } catch (BadInputException e) {
                    // Only while the header buffer itself is incomplete.
                    assertTrue(cut < 0x48 + 0x20 + 400 || compressed && cut < 0x400, "cut " + cut + ": " + e);
                    assertOneLine(e);
                }
            }
        }
    }

    @Test
    void truncatedRealCompressedFileKeepsEverythingBeforeTheCut() throws Exception {
        byte[] whole = Files.readAllBytes(SharedTraces.trace("etl/net.4.5.2.x64.etl"));
        long previous = -1;
        for (int cut : new int[] {0x200 + 0x48 + 100, 0x3ca8 + 7, 1_000_003, 2_500_000, whole.length - 1}) {
            CountingSink s = read(Arrays.copyOf(whole, cut));
            assertTrue(s.events > previous, "cut " + cut + " read " + s.events);
            assertTrue(s.count(Anomaly.DAMAGED_DATA) >= 1, "cut " + cut);
            previous = s.events;
        }
        assertTrue(previous > 170_000, "all but the last buffer's events: " + previous);
    }

    @Test
    void zeroAndOversizedBufferSizesAreSkippedToTheNextBuffer() throws Exception {
        byte[] whole = fixture(false);
        long all = read(whole).events;
        int second = 0x400; // the header buffer is 0x400 bytes too
        for (long bad : new long[] {0, 0x47, 0xFFFFFFFFL, whole.length * 2L}) {
            byte[] b = whole.clone();
            putU32(b, second, bad);
            CountingSink s = read(b);
            assertEquals(all - 20, s.events, "BufferSize " + bad + ": the damaged buffer's 20 events lost, no more");
            assertEquals(1, s.count(Anomaly.DAMAGED_DATA), "BufferSize " + bad);
            assertEquals("offset 0x400", s.locations.get(Anomaly.DAMAGED_DATA));
            assertTrue(s.examples.get(Anomaly.DAMAGED_DATA).contains("skipped to the next buffer header at offset 0x800"),
                    s.examples.get(Anomaly.DAMAGED_DATA));
        }
    }

    @Test
    void anEventRunningPastItsBufferEndsThatBufferOnly() throws Exception {
        byte[] whole = fixture(false);
        long all = read(whole).events;
        byte[] b = whole.clone();
        int firstEvent = 0x400 + 0x48;
        int thirdEvent = firstEvent + 2 * 0x20; // DPC events are 0x10 + 16 bytes
        b[thirdEvent + 4] = (byte) 0xF0; // size u16 low byte
        b[thirdEvent + 5] = (byte) 0x7F;
        CountingSink s = read(b);
        assertEquals(all - 18, s.events, "the two events before it are kept, the other buffers too");
        assertEquals(String.format("offset 0x%x", thirdEvent), s.locations.get(Anomaly.DAMAGED_DATA));
        assertTrue(s.examples.get(Anomaly.DAMAGED_DATA).contains("runs past the buffer"),
                s.examples.get(Anomaly.DAMAGED_DATA));
    }

    @Test
    void corruptCompressedStreamsLoseOnlyTheirBuffer() throws Exception {
        byte[] whole = Files.readAllBytes(SharedTraces.trace("etl/net.4.5.2.x64.etl"));
        long all = read(whole).events;
        // Second buffer (compressed, at 0x200): its first item becomes a match reaching before the output.
        byte[] b = whole.clone();
        putU32(b, 0x200 + 0x48, 0xFFFFFFFFL);
        b[0x200 + 0x48 + 4] = (byte) 0xFF;
        b[0x200 + 0x48 + 5] = (byte) 0xFF;
        CountingSink s = read(b);
        long inThatBuffer = all - s.events;
        assertEquals(1, s.count(Anomaly.DAMAGED_DATA), s.anomalies.toString());
        assertEquals("offset 0x24c", s.locations.get(Anomaly.DAMAGED_DATA), "the corrupt match word");
        assertTrue(inThatBuffer > 100 && inThatBuffer < 2000, "events lost: " + inThatBuffer);
        // Garbage from the middle of the stream on: counted, never thrown (what decodes before detection is kept).
        byte[] g = whole.clone();
        for (int i = 0x200 + 0x48 + 0x1000; i < 0x200 + 0x3aa8; i++) {
            g[i] = (byte) (i * 31);
        }
        CountingSink sg = read(g);
        assertTrue(sg.count(Anomaly.DAMAGED_DATA) >= 1, sg.anomalies.toString());
        // And a compressed buffer that announces an absurd decompressed size is refused, not allocated.
        byte[] c = whole.clone();
        putU32(c, 0x200 + WmiBufferHeader.OFFSET, 0x7FFFFFF0L);
        CountingSink s2 = read(c);
        assertTrue(s2.examples.get(Anomaly.DAMAGED_DATA).contains("more than the session's buffer size"),
                s2.examples.get(Anomaly.DAMAGED_DATA));
    }

    @Test
    void shortPayloadsUnknownVersionsAndTrailingBytesAreCountedNotThrown() throws Exception {
        EtlFixture f = new EtlFixture(8);
        EtlFixture.Buffer b = f.buffer(0);
        // DiskIo Read V3 (52 bytes on x64, SCHEMAS.md §1.8) cut to 20 bytes: TransferSize present, Irp missing.
        b.perfInfo(DISK_IO, 10, 3, 1_000_010, f.payload().u32(1).u32(0x43).u32(4096).u32(0).u32(0));
        // A DPC of version 9: decoded with the nearest layout (V2).
        b.perfInfo(PERF_INFO, 68, 9, 1_000_020, f.payload().u64(1_000_000).ptr(0x1234));
        // A DPC with 8 bytes more than its layout.
        b.perfInfo(PERF_INFO, 68, 2, 1_000_030, f.payload().u64(1_000_000).ptr(0x1234).u64(0));
        // An unknown kernel hook: kept raw in generic_event.
        b.perfInfo(0x1A, 99, 2, 1_000_040, f.payload().u32(7));
        try (Database db = TestDatabases.ingest(tmp, f.write(tmp, "short.etl"))) {
            assertEquals("[[Read, 4096, null, null]]", db.query("SELECT kind, transfer_size, irp, elapsed_ns FROM disk_io")
                    .rows().toString());
            assertEquals("[[2]]", db.query("SELECT count(*) FROM dpc").rows().toString());
            assertEquals("[[Group(26)/Opcode(99), 4]]", db.query("SELECT name, octet_length(payload) FROM generic_event"
                    + " WHERE name LIKE 'Group%'").rows().toString());
            assertEquals("[[trailing_bytes, 1], [truncated_payload, 1], [unknown_version, 1]]",
                    db.query("SELECT name, count FROM trace_stat WHERE name IN ('trailing_bytes', 'truncated_payload',"
                            + " 'unknown_version') ORDER BY name").rows().toString());
        }
    }

    @Test
    void filesThatAreNotEtlAreRefusedInOneLineAndLeaveTheDatabaseUnchanged() throws Exception {
        byte[] text = "BeginHeader\nEndHeader\nthis is not an ETL file at all, but long enough to hold a header........"
                .repeat(20).getBytes(StandardCharsets.UTF_8);
        byte[] zeros = new byte[4096];
        byte[] tiny = {1, 2, 3};
        byte[] headerOnlyGarbage = fixture(false);
        headerOnlyGarbage[0x48 + 3] = 0; // first event's marker flags gone
        try (Database db = TestDatabases.create(tmp)) {
            for (byte[] bad : new byte[][] {text, zeros, tiny, headerOnlyGarbage}) {
                Path p = tmp.resolve("bad-" + System.nanoTime() + ".etl");
                Files.write(p, bad);
                BadInputException e = assertThrows(BadInputException.class, () -> new TraceIngester(db, "test")
                        .ingest(p, new TraceIngester.Options(TraceFormat.ETL, false, null)));
                assertOneLine(e);
                assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
                assertTrue(e.getMessage().contains("offset 0x"), e.getMessage());
            }
            assertEquals("[[0]]", db.query("SELECT count(*) FROM trace").rows().toString());
            assertEquals("[[0]]", db.query("SELECT count(*) FROM generic_event").rows().toString());
        }
    }

    @Test
    void garbageAfterTheHeaderIsSkippedByteByByteWithoutLoopingForever() throws Exception {
        byte[] whole = fixture(false);
        byte[] b = Arrays.copyOf(whole, whole.length + 100_000);
        for (int i = 0x400; i < b.length; i++) {
            b[i] = (byte) (i * 7 + (i >> 5));
        }
        CountingSink s = read(b);
        assertEquals(1, s.events, "only the header event survives");
        assertTrue(s.count(Anomaly.DAMAGED_DATA) >= 1);
        assertFalse(s.examples.get(Anomaly.DAMAGED_DATA).isEmpty());
    }

    @Test
    void everyRealFileTruncatedInItsFirstBuffersNeverThrowsAnythingElse() throws Exception {
        byte[] whole = Files.readAllBytes(SharedTraces.trace("etl/lxcore_kernel.etl"));
        for (int cut = 0; cut <= whole.length; cut += 7) {
            try {
                read(Arrays.copyOf(whole, cut));
            } catch (BadInputException e) {
                assertOneLine(e);
            } catch (RuntimeException e) {
                fail("cut " + cut + ": " + e);
            }
        }
    }

    private static void assertOneLine(BadInputException e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static void putU32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    /**
     * Seeded fuzzing: random bytes flipped in real files (kernel rundowns, manifest and TraceLogging
     * events with extended data) and in a fixture of every decoded family. Whatever the damage, the
     * reader ends normally or with a one-line BadInputException.
     */
    @Test
    void randomlyCorruptedFilesNeverEscapeAsAnotherException() throws Exception {
        java.util.Random r = new java.util.Random(20260101);
        byte[] shutdown = Arrays.copyOf(Files.readAllBytes(SharedTraces.trace("etl/ShutdownPerfDiagLogger.etl")),
                5 * 0x10000);
        byte[][] inputs = {shutdown, Files.readAllBytes(SharedTraces.trace("etl/lxcore_kernel.etl")),
            Files.readAllBytes(SharedTraces.trace("etl/AMSITrace.etl")), everyFamily(4), everyFamily(8)};
        for (byte[] input : inputs) {
            for (int round = 0; round < 150; round++) {
                byte[] b = input.clone();
                int flips = 1 + r.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    // Mostly in the first buffers, where headers and the logfile header live.
                    int at = r.nextInt(4) == 0 ? r.nextInt(b.length) : r.nextInt(Math.min(b.length, 0x2000));
                    b[at] = (byte) r.nextInt();
                }
                try {
                    read(b);
                } catch (BadInputException e) {
                    assertOneLine(e);
                } catch (RuntimeException e) {
                    throw new AssertionError("round " + round + " of a " + input.length + "-byte input", e);
                }
            }
        }
    }

    /** One event of each decoded kernel family, in {@code pointerSize}. */
    private static byte[] everyFamily(int pointerSize) {
        EtlFixture f = new EtlFixture(pointerSize);
        f.bufferSize = 0x800;
        EtlFixture.Buffer b = f.buffer(1);
        long t = 1_000_100;
        b.perfInfo(0x05, 3, 3, t++, f.payload().u32(4).u32(8).ptr(1).ptr(2).ptr(3).ptr(4).ptr(5).ptr(6).ptr(7).u32(0)
                .u8(8).u8(5).u8(2).u8(0).utf16("worker"));
        b.perfInfo(0x03, 3, 4, t++, f.payload().ptr(1).u32(4).u32(0).u32(0).u32(259).ptr(0x1000).u32(0)
                .u32(0).ansi("System").utf16("").utf16("").utf16(""));
        b.system(0x14, 3, 3, t++, 0, 0, f.payload().ptr(0x1000).ptr(0x2000).u32(4).u32(1).u32(2).u32(0).ptr(0).u32(0)
                .u32(0).u32(0).u32(0).utf16("\\SystemRoot\\ntoskrnl.exe"));
        b.perfInfo(0x05, 36, 2, t++, f.payload().u32(8).u32(0).u8(1).u8(2).u8(0).u8(0).u8(5).u8(1).u8(5).u8(0).u32(3)
                .u32(0));
        b.perfInfo(PERF_INFO, 67, 2, t++, f.payload().u64(t - 3).ptr(0x1234).u8(1).u8(0x80).u16(0));
        b.perfInfo(PERF_INFO, 46, 2, t++, f.payload().ptr(0x1234).u32(8).u16(1).u8(0x70).u8(0));
        b.perfInfo(DISK_IO, 10, 3, t++, f.payload().u32(0).u32(0x43).u32(4096).u32(0).u64(0).ptr(1).ptr(2).u64(10)
                .u32(8));
        b.system(DISK_IO, 34, 2, t++, 8, 4, f.payload().u32(3).u32(0).ptr(0x1234).ptr(1).ptr(2).u32(5));
        b.perfInfo(0x04, 64, 3, t++, f.payload().ptr(2).ptr(1).u32(8).u32(0).u32(0).u32(0).utf16("C:\\x"));
        b.perfInfo(0x02, 32, 2, t++, f.payload().u64(t - 9).u64(0).ptr(0x1000).ptr(1).u32(8).u32(4096));
        b.perfInfo(0x18, 32, 2, t++, f.payload().u64(t - 1).u32(4).u32(8).ptr(0x1234).ptr(0x5678));
        b.perfInfo(0x06, 26, 2, t++, f.payload().u32(4).u32(100).bytes(new byte[32]).u16(0x1bd).u16(0x50).u32(0).u32(0)
                .u32(0).ptr(0));
        return f.build();
    }
}
