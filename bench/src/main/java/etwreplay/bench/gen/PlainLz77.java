package etwreplay.bench.gen;

/**
 * MS-XCA "Plain LZ77" decompression ([MS-XCA] §2.4, the algorithm's pseudocode), for the compressed
 * buffers of merged PerfView traces (FORMATS.md §8). Written here from the specification so that the
 * generator depends on no reader code.
 */
final class PlainLz77 {
    private PlainLz77() {
    }

    /** Inflates {@code in[from, to)} into {@code out}; returns the number of bytes produced. */
    static int decompress(byte[] in, int from, int to, byte[] out) {
        int ip = from;
        int op = 0;
        long flags = 0;
        int flagCount = 0;
        int lastLengthHalfByte = -1;
        while (true) {
            if (flagCount == 0) {
                if (ip + 4 > to) {
                    return op;
                }
                flags = u32(in, ip);
                ip += 4;
                flagCount = 32;
            }
            flagCount--;
            if ((flags & (1L << flagCount)) == 0) {
                if (ip >= to) {
                    return op;
                }
                out[op++] = in[ip++];
                continue;
            }
            if (ip + 2 > to) {
                return op;
            }
            int matchBytes = u16(in, ip);
            ip += 2;
            int length = matchBytes & 7;
            int offset = (matchBytes >>> 3) + 1;
            if (length == 7) {
                if (lastLengthHalfByte < 0) {
                    length = in[ip] & 0xF;
                    lastLengthHalfByte = ip;
                    ip++;
                } else {
                    length = (in[lastLengthHalfByte] & 0xFF) >>> 4;
                    lastLengthHalfByte = -1;
                }
                if (length == 15) {
                    length = in[ip++] & 0xFF;
                    if (length == 255) {
                        length = u16(in, ip);
                        ip += 2;
                        if (length == 0) {
                            length = (int) u32(in, ip);
                            ip += 4;
                        }
                        length -= 15 + 7;
                    }
                    length += 15;
                }
                length += 7;
            }
            length += 3;
            for (int i = 0; i < length; i++) {
                out[op] = out[op - offset];
                op++;
            }
        }
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }
}
