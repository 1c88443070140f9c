package etwreplay.ingest.etl;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A test-only MS-XCA Plain LZ77 compressor, written from [MS-XCA] §2.3 "Plain LZ77 Compression"
 * (flag words MSB-first, 16-bit match words, the shared length half-byte, the byte / 16-bit / 32-bit
 * length escapes, and the end of stream as a 1 flag with no input left). Used to build compressed ETL
 * buffers and to round-trip the decoder; greedy matching over a 3-byte hash chain.
 */
final class PlainLz77Encoder {
    private static final int MAX_OFFSET = 8192;
    private static final int CHAIN = 32;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private byte[] buf = new byte[0];
    private int len;
    private int flags;
    private int flagCount;
    private int flagPos;
    private int halfByte = -1;

    private PlainLz77Encoder() {
    }

    static byte[] compress(byte[] in) {
        return new PlainLz77Encoder().run(in, Integer.MAX_VALUE);
    }

    /** As {@link #compress} with matches no longer than {@code maxMatch} (to force literals or short forms). */
    static byte[] compress(byte[] in, int maxMatch) {
        return new PlainLz77Encoder().run(in, maxMatch);
    }

    private byte[] run(byte[] in, int maxMatch) {
        int[] head = new int[1 << 14];
        Arrays.fill(head, -1);
        int[] prev = new int[in.length];
        flagPos = reserve(4);
        int i = 0;
        while (i < in.length) {
            int bestLen = 0;
            int bestOff = 0;
            if (i + 3 <= in.length) {
                int h = hash(in, i);
                int candidates = 0;
                for (int j = head[h]; j >= 0 && i - j <= MAX_OFFSET && candidates < CHAIN; j = prev[j]) {
                    candidates++;
                    int l = 0;
                    while (i + l < in.length && in[j + l] == in[i + l] && l < maxMatch) {
                        l++;
                    }
                    if (l > bestLen) {
                        bestLen = l;
                        bestOff = i - j;
                    }
                }
            }
            int step = bestLen >= 3 ? bestLen : 1;
            if (bestLen >= 3) {
                match(bestOff, bestLen);
            } else {
                flag(0);
                write(in[i]);
            }
            for (int k = i; k < i + step && k + 3 <= in.length; k++) {
                int h = hash(in, k);
                prev[k] = head[h];
                head[h] = k;
            }
            i += step;
        }
        // End of stream: the remaining flags are 1s; a 1 flag with no input left ends decoding.
        flushFullWord();
        int fill = 32 - flagCount;
        int word = fill == 32 ? -1 : (flags << fill) | ((1 << fill) - 1);
        putInt(flagPos, word);
        return Arrays.copyOf(buf, len);
    }

    private void match(int offset, int length) {
        flag(1);
        int m = length - 3;
        int off = (offset - 1) << 3;
        if (m < 7) {
            write16(off | m);
            return;
        }
        write16(off | 7);
        m -= 7;
        if (halfByte < 0) {
            halfByte = len;
            write((byte) Math.min(m, 15));
        } else {
            buf[halfByte] |= (byte) (Math.min(m, 15) << 4);
            halfByte = -1;
        }
        if (m >= 15) {
            m -= 15;
            if (m < 255) {
                write((byte) m);
            } else {
                write((byte) 255);
                m += 7 + 15;
                if (m < (1 << 16)) {
                    write16(m);
                } else {
                    write16(0);
                    write16(m & 0xFFFF);
                    write16(m >>> 16);
                }
            }
        }
    }

    /** Adds one flag; a full flag word is written first, so the next word sits right before its item. */
    private void flag(int bit) {
        flushFullWord();
        flags = (flags << 1) | bit;
        flagCount++;
    }

    private void flushFullWord() {
        if (flagCount == 32) {
            putInt(flagPos, flags);
            flagPos = reserve(4);
            flags = 0;
            flagCount = 0;
        }
    }

    private static int hash(byte[] b, int i) {
        int v = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
        return (v * 0x9E3779B1) >>> 18;
    }

    private int reserve(int n) {
        int at = len;
        for (int k = 0; k < n; k++) {
            write((byte) 0);
        }
        return at;
    }

    private void write(byte b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, Math.max(64, len * 2));
        }
        buf[len++] = b;
    }

    private void write16(int v) {
        write((byte) v);
        write((byte) (v >>> 8));
    }

    private void putInt(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }
}
