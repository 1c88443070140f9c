package etwreplay.ingest.etl;

import etwreplay.ingest.event.Anomaly;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The buffers of an ETL file, found by walking the WMI_BUFFER_HEADERs (each buffer's on-disk size
 * leads to the next; sizes vary in compressed files, FORMATS.md §8), grouped per processor in file
 * order. Only offsets and lengths are kept: memory grows with the number of buffers, never with a size
 * field read from the file.
 *
 * <p>Damage is stepped over: a header whose size is 0, larger than the rest of the file or otherwise
 * implausible makes the scan search forward, byte by byte, for the next plausible buffer header; the
 * bytes skipped are counted as {@link Anomaly#DAMAGED_DATA} with their offset. A last buffer cut short
 * by the end of the file is kept with the bytes that are there.
 */
final class BufferIndex {
    /** The buffers one processor filled, in file order. */
    static final class CpuBuffers {
        final int cpu;
        long[] offsets = new long[16];
        int[] lengths = new int[16];
        int count;

        CpuBuffers(int cpu) {
            this.cpu = cpu;
        }

        void add(long offset, int length) {
            if (count == offsets.length) {
                offsets = java.util.Arrays.copyOf(offsets, count * 2);
                lengths = java.util.Arrays.copyOf(lengths, count * 2);
            }
            offsets[count] = offset;
            lengths[count] = length;
            count++;
        }
    }

    private static final int RESYNC_CHUNK = 1 << 20;

    private final CpuBuffers[] byCpu = new CpuBuffers[256];
    private int bufferCount;
    private long firstBufferLength = -1;

    private BufferIndex() {
    }

    /** Processors that filled at least one buffer, in processor order. */
    List<CpuBuffers> cpus() {
        List<CpuBuffers> out = new ArrayList<>();
        for (CpuBuffers c : byCpu) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    int bufferCount() {
        return bufferCount;
    }

    /** Bytes present of the buffer at offset 0, or -1 when the file does not start with a buffer. */
    long firstBufferLength() {
        return firstBufferLength;
    }

    static BufferIndex scan(EtlFile file, AnomalyTally tally) throws IOException {
        BufferIndex index = new BufferIndex();
        Scanner scan = new Scanner(file);
        long size = file.size();
        long pos = 0;
        while (pos < size) {
            long left = size - pos;
            if (left < WmiBufferHeader.SIZE) {
                tally.add(Anomaly.DAMAGED_DATA, String.format("offset 0x%x", pos),
                        left + " bytes at the end of the file are too few for a buffer header; ignored");
                break;
            }
            byte[] h = scan.header(pos);
            long bufferSize = LittleEndian.u32(h, WmiBufferHeader.BUFFER_SIZE);
            int cpu = h[WmiBufferHeader.PROCESSOR_NUMBER] & 0xFF;
            if (pos == 0) {
                scan.loggerId = LittleEndian.u16(h, WmiBufferHeader.LOGGER_ID);
            }
            boolean sizeSane = bufferSize >= WmiBufferHeader.SIZE && bufferSize <= WmiBufferHeader.MAX_BUFFER_SIZE;
            // Decided before the chain check and the resync below reuse the header array.
            boolean selfPlausible = plausible(h, 0, Long.MAX_VALUE);
            // A buffer is taken on its size when its header is plausible, or when the next buffer header is
            // where the size says (or the file ends there): odd other fields are then the loader's business.
            if (sizeSane && bufferSize <= left && (selfPlausible || bufferSize == left
                    || scan.plausibleAt(pos + bufferSize))) {
                index.add(pos, cpu, (int) bufferSize);
                pos += bufferSize;
                continue;
            }
            long next = scan.resync(pos + 1);
            if (sizeSane && bufferSize > left && selfPlausible && next < 0) {
                // The last buffer, cut by the end of the file: keep what is there.
                index.add(pos, cpu, (int) left);
                tally.add(Anomaly.DAMAGED_DATA, String.format("offset 0x%x", pos), "the last buffer is cut short by the"
                        + " end of the file: " + left + " of its " + bufferSize + " bytes present (truncated file)");
                break;
            }
            String skipped = next < 0 ? "the rest of the file (" + left + " bytes) skipped"
                    : (next - pos) + " bytes skipped to the next buffer header at offset 0x" + Long.toHexString(next);
            tally.add(Anomaly.DAMAGED_DATA, String.format("offset 0x%x", pos), "invalid buffer header (BufferSize "
                    + bufferSize + ", file has " + left + " bytes left): " + skipped);
            if (next < 0) {
                break;
            }
            pos = next;
        }
        return index;
    }

    /** Header reads with a one-entry cache (the chain check reads each header once more), and resync. */
    private static final class Scanner {
        private final EtlFile file;
        private final byte[] header = new byte[WmiBufferHeader.SIZE];
        private long cached = -1;
        /** LoggerId of the first buffer: every buffer of a session carries it; -1 when unknown. */
        int loggerId = -1;

        Scanner(EtlFile file) {
            this.file = file;
        }

        byte[] header(long pos) throws IOException {
            if (cached != pos) {
                file.read(pos, header, 0, header.length);
                cached = pos;
            }
            return header;
        }

        boolean plausibleAt(long pos) throws IOException {
            if (file.size() - pos < WmiBufferHeader.SIZE) {
                return false;
            }
            byte[] h = header(pos);
            return plausible(h, 0, file.size() - pos + Integer.MAX_VALUE) && sameLogger(h, 0);
        }

        private boolean sameLogger(byte[] b, int at) {
            return loggerId < 0 || LittleEndian.u16(b, at + WmiBufferHeader.LOGGER_ID) == loggerId;
        }

        /**
         * The offset of the next buffer at or after {@code from}: a plausible header of this session's
         * logger whose first event (when uncompressed) carries the event marker, followed by another
         * plausible header or the end of the file. -1 when there is none.
         */
        long resync(long from) throws IOException {
            long size = file.size();
            int overlap = WmiBufferHeader.SIZE + 8;
            byte[] chunk = null;
            for (long base = from; size - base >= overlap; base += RESYNC_CHUNK) {
                int len = (int) Math.min(RESYNC_CHUNK + overlap, size - base);
                if (chunk == null) {
                    chunk = new byte[(int) Math.min(RESYNC_CHUNK + overlap, size - from)];
                }
                file.read(base, chunk, 0, len);
                for (int i = 0; i + overlap <= len && i < RESYNC_CHUNK; i++) {
                    long at = base + i;
                    if (plausible(chunk, i, size - at) && sameLogger(chunk, i) && firstEventPlausible(chunk, i)) {
                        long end = at + LittleEndian.u32(chunk, i + WmiBufferHeader.BUFFER_SIZE);
                        if (end == size || plausibleAt(end)) {
                            return at;
                        }
                    }
                }
            }
            return -1;
        }
    }

    private void add(long offset, int cpu, int length) {
        if (offset == 0) {
            firstBufferLength = length;
        }
        CpuBuffers c = byCpu[cpu];
        if (c == null) {
            c = byCpu[cpu] = new CpuBuffers(cpu);
        }
        c.add(offset, length);
        bufferCount++;
    }

    /**
     * Whether {@code b[at…]} looks like a WMI_BUFFER_HEADER of a buffer that fits in {@code room} bytes:
     * a size from 0x48 to {@link WmiBufferHeader#MAX_BUFFER_SIZE}, known flag bits, a small buffer type, and
     * a valid-data end inside the buffer (or, compressed, inside the decompressed maximum).
     */
    static boolean plausible(byte[] b, int at, long room) {
        long size = LittleEndian.u32(b, at + WmiBufferHeader.BUFFER_SIZE);
        long validEnd = LittleEndian.u32(b, at + WmiBufferHeader.OFFSET);
        int flags = LittleEndian.u16(b, at + WmiBufferHeader.BUFFER_FLAG);
        int type = LittleEndian.u16(b, at + WmiBufferHeader.BUFFER_TYPE);
        if (size < WmiBufferHeader.SIZE || size > WmiBufferHeader.MAX_BUFFER_SIZE || size > room) {
            return false;
        }
        if (flags >= 0x80 || type >= 0x10 || validEnd < WmiBufferHeader.SIZE) {
            return false;
        }
        if ((flags & WmiBufferHeader.FLAG_COMPRESSED) != 0) {
            return validEnd <= WmiBufferHeader.MAX_BUFFER_SIZE && size >= WmiBufferHeader.SIZE + 4;
        }
        return validEnd <= size;
    }

    private static boolean firstEventPlausible(byte[] b, int at) {
        int flags = LittleEndian.u16(b, at + WmiBufferHeader.BUFFER_FLAG);
        long validEnd = LittleEndian.u32(b, at + WmiBufferHeader.OFFSET);
        if ((flags & WmiBufferHeader.FLAG_COMPRESSED) != 0 || validEnd == WmiBufferHeader.SIZE) {
            return true;
        }
        int marker = LittleEndian.i32(b, at + WmiBufferHeader.SIZE);
        return (marker >>> 24 & HeaderType.MARKER_FLAGS) == HeaderType.MARKER_FLAGS
                && HeaderType.family((marker >>> 16) & 0xFF) != null;
    }
}
