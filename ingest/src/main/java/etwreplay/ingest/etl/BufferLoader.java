package etwreplay.ingest.etl;

import etwreplay.ingest.event.Anomaly;
import java.io.IOException;

/**
 * Reads one buffer into a processor stream's array, inflating it when compressed, and works out where
 * its valid data ends ({@link WmiBufferHeader#OFFSET}). Damage (a valid-data end past the buffer, a
 * corrupt or short compressed stream) is counted with the buffer's file offset and the readable part
 * is kept. Shares one scratch array for compressed input among all streams. Not thread-safe.
 */
final class BufferLoader {
    private final EtlFile file;
    private final AnomalyTally tally;
    private byte[] compressed = new byte[0];
    /** Largest decompressed buffer accepted (the session's buffer size when the header gives a sane one). */
    private int maxDecompressed = WmiBufferHeader.MAX_BUFFER_SIZE;

    BufferLoader(EtlFile file, AnomalyTally tally) {
        this.file = file;
        this.tally = tally;
    }

    void limitDecompressedSize(long sessionBufferSize) {
        if (sessionBufferSize >= WmiBufferHeader.SIZE && sessionBufferSize <= WmiBufferHeader.MAX_BUFFER_SIZE) {
            maxDecompressed = (int) sessionBufferSize;
        }
    }

    /** What a load produced: the array (possibly reallocated) and the end of its valid data. */
    static final class Loaded {
        byte[] data;
        int limit;
        boolean compressed;
    }

    /**
     * Loads the {@code length} bytes present of the buffer at {@code offset} into {@code into.data}
     * (growing it when needed) and sets {@code into.limit}; a buffer with nothing readable gets
     * {@code limit = 0}.
     */
    void load(long offset, int length, Loaded into) throws IOException {
        byte[] data = into.data;
        if (data.length < WmiBufferHeader.SIZE) {
            data = new byte[Math.max(WmiBufferHeader.SIZE, length)];
        }
        file.read(offset, data, 0, WmiBufferHeader.SIZE);
        long validEnd = LittleEndian.u32(data, WmiBufferHeader.OFFSET);
        int flags = LittleEndian.u16(data, WmiBufferHeader.BUFFER_FLAG);
        into.compressed = (flags & WmiBufferHeader.FLAG_COMPRESSED) != 0;
        if (!into.compressed) {
            if (data.length < length) {
                data = grow(data, length);
            }
            file.read(offset + WmiBufferHeader.SIZE, data, WmiBufferHeader.SIZE, length - WmiBufferHeader.SIZE);
            into.data = data;
            if (validEnd > length) {
                tally.add(Anomaly.DAMAGED_DATA, String.format("offset 0x%x", offset), "buffer valid-data end 0x"
                        + Long.toHexString(validEnd) + " lies past the " + length + " bytes of the buffer present;"
                        + " events after that are lost");
                validEnd = length;
            }
            into.limit = (int) validEnd;
            return;
        }
        long inflated = validEnd - WmiBufferHeader.SIZE;
        if (inflated > maxDecompressed - WmiBufferHeader.SIZE) {
            tally.add(Anomaly.DAMAGED_DATA, String.format("offset 0x%x", offset), "compressed buffer claims "
                    + inflated + " decompressed bytes, more than the session's buffer size " + maxDecompressed
                    + "; buffer skipped");
            into.data = data;
            into.limit = 0;
            return;
        }
        int in = length - WmiBufferHeader.SIZE;
        if (compressed.length < in) {
            compressed = new byte[Math.max(in, 1 << 16)];
        }
        file.read(offset + WmiBufferHeader.SIZE, compressed, 0, in);
        int needed = (int) validEnd;
        if (data.length < needed) {
            data = grow(data, needed);
        }
        int produced;
        try {
            produced = PlainLz77.decompress(compressed, 0, in, data, WmiBufferHeader.SIZE, (int) inflated);
            if (produced < inflated) {
                tally.add(Anomaly.DAMAGED_DATA, String.format("offset 0x%x", offset), "compressed buffer inflates to "
                        + produced + " bytes, not the " + inflated + " its header announces; the rest is lost");
            }
        } catch (PlainLz77.CorruptInputException e) {
            tally.add(Anomaly.DAMAGED_DATA, String.format("offset 0x%x", offset + WmiBufferHeader.SIZE
                    + e.inputPosition()), "corrupt compressed buffer at offset 0x" + Long.toHexString(offset) + ": "
                    + e.getMessage() + "; events after the first " + e.produced() + " bytes lost");
            produced = e.produced();
        }
        into.data = data;
        into.limit = WmiBufferHeader.SIZE + produced;
    }

    /** A larger array holding the buffer header already read. */
    private static byte[] grow(byte[] data, int needed) {
        byte[] bigger = new byte[Math.max(needed, Math.min(2 * data.length, WmiBufferHeader.MAX_BUFFER_SIZE))];
        System.arraycopy(data, 0, bigger, 0, WmiBufferHeader.SIZE);
        return bigger;
    }
}
