package etwreplay.ingest.etl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import etwreplay.ingest.testing.SharedTraces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The MS-XCA Plain LZ77 decoder on its own: hand-assembled streams for each length form of [MS-XCA]
 * §2.4.4, round trips through a test encoder written from §2.3, a real compressed buffer of
 * net.4.5.2.x64.etl, and malformed input — every truncation, corrupted bytes, offsets before the start,
 * output overflow — which must end in {@link PlainLz77.CorruptInputException}, never another exception.
 */
class PlainLz77Test {

    private static byte[] decode(byte[] in, int capacity) throws PlainLz77.CorruptInputException {
        byte[] out = new byte[capacity];
        int n = PlainLz77.decompress(in, 0, in.length, out, 0, capacity);
        return Arrays.copyOf(out, n);
    }

    /** Flag word (LE), then items. */
    private static byte[] stream(int flagWord, int... bytes) {
        byte[] b = new byte[4 + bytes.length];
        b[0] = (byte) flagWord;
        b[1] = (byte) (flagWord >>> 8);
        b[2] = (byte) (flagWord >>> 16);
        b[3] = (byte) (flagWord >>> 24);
        for (int i = 0; i < bytes.length; i++) {
            b[4 + i] = (byte) bytes[i];
        }
        return b;
    }

    @Test
    void literalsThenEndOfStream() throws Exception {
        // Flags 0,0,0 then 1 with no input left: "abc".
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), decode(stream(0x1FFFFFFF, 'a', 'b', 'c'), 16));
    }

    @Test
    void overlappingMatchCopiesByteByByte() throws Exception {
        // The spec's example: "aaaaaa" = literal 'a' + match(offset 1, length 5): word (0 << 3) | (5 - 3).
        assertArrayEquals("aaaaaa".getBytes(StandardCharsets.US_ASCII), decode(stream(0x7FFFFFFF, 'a', 0x02, 0x00), 16));
    }

    @Test
    void sharedHalfByteLengths() throws Exception {
        // Literal 'x', then two long matches sharing one length byte: low nibble 2 → 3 + 7 + 2 = 12,
        // high nibble 4 → 3 + 7 + 4 = 14. Flags 0,1,1 then end.
        byte[] got = decode(stream(0x7FFFFFFF, 'x', 0x07, 0x00, 0x42, 0x07, 0x00), 64);
        assertEquals(1 + 12 + 14, got.length);
        for (byte b : got) {
            assertEquals('x', b);
        }
    }

    @Test
    void byteSixteenAndThirtyTwoBitLengths() throws Exception {
        // nibble 15 + byte 10 → 3 + 7 + 15 + 10 = 35
        assertEquals(1 + 35, decode(stream(0x7FFFFFFF, 'y', 0x07, 0x00, 0x0F, 10), 100).length);
        // nibble 15 + byte 255 + u16 300 → 300 - 22 + 15 + 7 + 3 = 303
        assertEquals(1 + 303, decode(stream(0x7FFFFFFF, 'y', 0x07, 0x00, 0x0F, 255, 300 & 0xFF, 300 >> 8), 400).length);
        // nibble 15 + byte 255 + u16 0 + u32 70000 → 70000 - 22 + 25 = 70003
        assertEquals(1 + 70003, decode(stream(0x7FFFFFFF, 'y', 0x07, 0x00, 0x0F, 255, 0, 0, 0x70, 0x11, 0x01, 0x00),
                80000).length);
    }

    @Test
    void roundTripsThroughTheEncoder() throws Exception {
        Random r = new Random(42);
        for (int size : new int[] {0, 1, 2, 3, 31, 32, 33, 100, 4096, 65536 - 0x48}) {
            for (int kind = 0; kind < 4; kind++) {
                byte[] data = new byte[size];
                switch (kind) {
                    case 0 -> r.nextBytes(data);
                    case 1 -> Arrays.fill(data, (byte) 7);
                    case 2 -> {
                        for (int i = 0; i < size; i++) {
                            data[i] = (byte) "kernel event payload ".charAt(i % 21);
                        }
                    }
                    default -> {
                        for (int i = 0; i < size; i++) {
                            data[i] = (byte) (r.nextInt(4) == 0 ? r.nextInt() : i / 97);
                        }
                    }
                }
                for (int maxMatch : new int[] {Integer.MAX_VALUE, 9, 30}) {
                    byte[] packed = PlainLz77Encoder.compress(data, maxMatch);
                    assertArrayEquals(data, decode(packed, size), "size " + size + " kind " + kind);
                }
            }
        }
    }

    @Test
    void inflatesARealCompressedBufferOfTheSharedTrace() throws Exception {
        // The second buffer of net.4.5.2.x64.etl: BufferSize 0x3aa8 on disk, valid data up to 0xffb0 (FORMATS.md §8).
        byte[] file = Files.readAllBytes(SharedTraces.trace("etl/net.4.5.2.x64.etl"));
        int at = 0x200;
        int onDisk = LittleEndian.i32(file, at);
        int end = LittleEndian.i32(file, at + WmiBufferHeader.OFFSET);
        assertEquals(0x3aa8, onDisk);
        byte[] out = new byte[end - WmiBufferHeader.SIZE];
        int n = PlainLz77.decompress(file, at + WmiBufferHeader.SIZE, onDisk - WmiBufferHeader.SIZE, out, 0, out.length);
        assertEquals(end - WmiBufferHeader.SIZE, n);
        // The inflated bytes are 8-byte aligned events, each starting with the 0xC0 marker flags.
        int events = 0;
        for (int p = 0; p < n; ) {
            int marker = LittleEndian.i32(out, p);
            assertEquals(0xC0, marker >>> 24 & 0xC0, "marker at " + p);
            HeaderType.Family f = HeaderType.family(marker >>> 16 & 0xFF);
            int size = LittleEndian.u16(out, p + f.sizeOffset());
            p += (size + 7) & ~7;
            events++;
        }
        assertTrue(events > 100, events + " events");
    }

    @Test
    void everyTruncationFailsCleanly() {
        byte[] data = new byte[3000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251 == 0 ? i : i / 13);
        }
        byte[] packed = PlainLz77Encoder.compress(data);
        for (int cut = 0; cut < packed.length; cut++) {
            byte[] in = Arrays.copyOf(packed, cut);
            try {
                byte[] got = decode(in, data.length);
                // A cut that happens to land on a flag-1 boundary is a (shorter) valid stream: it must be a prefix.
                assertArrayEquals(Arrays.copyOf(data, got.length), got, "cut " + cut);
                assertTrue(got.length < data.length, "cut " + cut);
            } catch (PlainLz77.CorruptInputException e) {
                assertTrue(e.produced() <= data.length && e.inputPosition() <= cut, e.getMessage());
            }
        }
    }

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() {
        Random r = new Random(7);
        byte[] data = new byte[8192];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i / 40);
        }
        byte[] packed = PlainLz77Encoder.compress(data);
        for (int round = 0; round < 3000; round++) {
            byte[] in = packed.clone();
            for (int k = 0; k < 1 + r.nextInt(4); k++) {
                in[r.nextInt(in.length)] = (byte) r.nextInt();
            }
            try {
                decode(in, data.length);
            } catch (PlainLz77.CorruptInputException expected) {
                // fine: reported, not thrown as an index error
            } catch (RuntimeException e) {
                fail("round " + round + ": " + e);
            }
        }
        for (int round = 0; round < 300; round++) {
            byte[] noise = new byte[r.nextInt(600)];
            r.nextBytes(noise);
            try {
                decode(noise, 1 << 16);
            } catch (PlainLz77.CorruptInputException expected) {
                // fine
            } catch (RuntimeException e) {
                fail("noise round " + round + ": " + e);
            }
        }
    }

    @Test
    void matchBeforeTheStartOfTheOutput() {
        // First item a match of offset 1: nothing to copy from.
        PlainLz77.CorruptInputException e = assertThrows(PlainLz77.CorruptInputException.class,
                () -> decode(stream(0xFFFFFFFF, 0x00, 0x00), 16));
        assertTrue(e.getMessage().contains("before the start"), e.getMessage());
        assertEquals(0, e.produced());
    }

    @Test
    void outputLongerThanAnnounced() {
        PlainLz77.CorruptInputException e = assertThrows(PlainLz77.CorruptInputException.class,
                () -> decode(stream(0x7FFFFFFF, 'a', 0x02, 0x00), 4));
        assertTrue(e.getMessage().contains("longer than 4"), e.getMessage());
    }

    @Test
    void escapedLengthBelowItsMinimum() {
        // u16 length 5 after the 255 escape: below 15 + 7.
        assertThrows(PlainLz77.CorruptInputException.class,
                () -> decode(stream(0x7FFFFFFF, 'y', 0x07, 0x00, 0x0F, 255, 5, 0), 400));
    }

    @Test
    void hugeThirtyTwoBitLengthIsRefusedNotAllocated() {
        // A 4 GiB match from 12 bytes of input: refused against the output capacity, nothing allocated.
        assertThrows(PlainLz77.CorruptInputException.class,
                () -> decode(stream(0x7FFFFFFF, 'y', 0x07, 0x00, 0x0F, 255, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF), 1 << 16));
    }
}
