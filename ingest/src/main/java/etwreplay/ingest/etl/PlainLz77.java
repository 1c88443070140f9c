package etwreplay.ingest.etl;

/**
 * Decompressor for MS-XCA "Plain LZ77" (XPRESS without Huffman), the codec of compressed ETL buffers
 * (buffer flag 0x40, FORMATS.md §8). Written from the pseudocode of [MS-XCA] §2.4.4 "Processing":
 * a little-endian 32-bit flag word gives, most significant bit first, one flag per item; 0 = a literal
 * byte, 1 = a 16-bit match word (length in the low 3 bits, offset − 1 in the high 13) whose length may
 * continue in a shared half-byte, a byte, a 16-bit and a 32-bit word. Input ends at a match flag with
 * no input left.
 *
 * <p>Every read and write is bounds-checked: malformed input ends in {@link CorruptInputException},
 * never in an array index error, an endless loop or an allocation. Stateless and thread-safe.
 */
final class PlainLz77 {
    private PlainLz77() {
    }

    /** The input is not a valid Plain LZ77 stream for the given output size. */
    static final class CorruptInputException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int inputPosition;
        private final int produced;

        CorruptInputException(String problem, int inputPosition, int produced) {
            super(problem + " at compressed byte " + inputPosition + " (" + produced + " bytes decompressed)");
            this.inputPosition = inputPosition;
            this.produced = produced;
        }

        /** Offset in the compressed input (relative to its start) where decoding failed. */
        int inputPosition() {
            return inputPosition;
        }

        /** Output bytes decoded before the failure; they are valid as far as the stream could tell. */
        int produced() {
            return produced;
        }
    }

    /**
     * Decompresses {@code in[inOff, inOff + inLen)} into {@code out[outOff, outOff + outCapacity)}.
     *
     * @return the number of bytes written
     * @throws CorruptInputException if the stream reads past its input, refers before the start of the
     *                               output, or would write more than {@code outCapacity} bytes
     */
    static int decompress(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outCapacity)
            throws CorruptInputException {
        final int inEnd = inOff + inLen;
        final int outEnd = outOff + outCapacity;
        int ip = inOff;
        int op = outOff;
        int flags = 0;
        int flagCount = 0;
        int halfByte = -1; // position of the shared length half-byte still to be used, or -1
        while (true) {
            if (flagCount == 0) {
                if (inEnd - ip < 4) {
                    throw new CorruptInputException("flag word past the end of the input", ip - inOff, op - outOff);
                }
                flags = LittleEndian.i32(in, ip);
                ip += 4;
                flagCount = 32;
            }
            flagCount--;
            if ((flags & (1 << flagCount)) == 0) {
                if (ip >= inEnd) {
                    throw new CorruptInputException("literal past the end of the input", ip - inOff, op - outOff);
                }
                if (op >= outEnd) {
                    throw new CorruptInputException("output longer than " + outCapacity + " bytes", ip - inOff,
                            op - outOff);
                }
                out[op++] = in[ip++];
                continue;
            }
            if (ip == inEnd) {
                return op - outOff;
            }
            if (inEnd - ip < 2) {
                throw new CorruptInputException("match word past the end of the input", ip - inOff, op - outOff);
            }
            final int item = ip - inOff; // errors of a match are reported at its match word
            int matchWord = LittleEndian.u16(in, ip);
            ip += 2;
            int offset = (matchWord >>> 3) + 1;
            long length = matchWord & 7;
            if (length == 7) {
                if (halfByte < 0) {
                    if (ip >= inEnd) {
                        throw new CorruptInputException("length half-byte past the end of the input", item,
                                op - outOff);
                    }
                    length = in[ip] & 0x0F;
                    halfByte = ip++;
                } else {
                    length = (in[halfByte] & 0xFF) >>> 4;
                    halfByte = -1;
                }
                if (length == 15) {
                    if (ip >= inEnd) {
                        throw new CorruptInputException("length byte past the end of the input", item,
                                op - outOff);
                    }
                    length = in[ip++] & 0xFF;
                    if (length == 255) {
                        if (inEnd - ip < 2) {
                            throw new CorruptInputException("16-bit length past the end of the input", item,
                                    op - outOff);
                        }
                        length = LittleEndian.u16(in, ip);
                        ip += 2;
                        if (length == 0) {
                            if (inEnd - ip < 4) {
                                throw new CorruptInputException("32-bit length past the end of the input",
                                        item, op - outOff);
                            }
                            length = LittleEndian.u32(in, ip);
                            ip += 4;
                        }
                        if (length < 15 + 7) {
                            throw new CorruptInputException("match length " + length + " below its minimum",
                                    item, op - outOff);
                        }
                        length -= 15 + 7;
                    }
                    length += 15;
                }
                length += 7;
            }
            length += 3;
            if (offset > op - outOff) {
                throw new CorruptInputException("match offset " + offset + " before the start of the output",
                        item, op - outOff);
            }
            if (length > outEnd - op) {
                throw new CorruptInputException("output longer than " + outCapacity + " bytes", item,
                        op - outOff);
            }
            int n = (int) length;
            int from = op - offset;
            if (offset >= n) {
                System.arraycopy(out, from, out, op, n);
                op += n;
            } else {
                // Overlapping match (e.g. a run): the spec copies one byte at a time.
                for (int i = 0; i < n; i++) {
                    out[op++] = out[from++];
                }
            }
        }
    }
}
