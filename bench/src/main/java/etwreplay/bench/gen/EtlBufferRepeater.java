package etwreplay.bench.gen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A realistic ETL at any size: the data buffers of a real trace repeated, each repetition's timestamps
 * shifted past the previous one's, so that the event mix is the real one. Compressed buffers (flag 0x40,
 * Plain LZ77) are inflated and written uncompressed (flag cleared), padded with 0xFF to the session's
 * buffer size. Shifted: the buffer header TimeStamp, every event header's timestamp (SYSTEM/COMPACT at
 * +0x10, PERFINFO at +8, EVENT_HEADER and FULL_HEADER at +0x10; FORMATS.md §8) and the payload times
 * that refer to other events (StackWalk EventTimeStamp, HardFault and DPC/ISR InitialTime). The header
 * buffer is kept once, its BuffersWritten patched.
 */
final class EtlBufferRepeater {
    private static final int HEADER = 0x48;

    /** One buffer of the source, inflated: data[0, validEnd) are header and events. */
    private record Buffer(byte[] data, int validEnd, int flags, int type) {
    }

    private EtlBufferRepeater() {
    }

    /** Writes {@code target} holding the source's header buffer, then its data buffers {@code repeats} times. */
    static long write(Path source, Path target, int repeats) throws IOException {
        byte[] src = Files.readAllBytes(source);
        List<Buffer> buffers = new ArrayList<>();
        int bufferSize = 0;
        byte[] scratch = new byte[0x400000];
        for (int off = 0; off + HEADER <= src.length;) {
            ByteBuffer h = ByteBuffer.wrap(src, off, HEADER).order(ByteOrder.LITTLE_ENDIAN);
            int onDisk = h.getInt(off);
            int validEnd = h.getInt(off + 0x30);
            int flags = h.getShort(off + 0x34) & 0xFFFF;
            int type = h.getShort(off + 0x36) & 0xFFFF;
            if (onDisk < HEADER || off + onDisk > src.length) {
                throw new IOException(source + ": buffer at offset " + off + " has size " + onDisk);
            }
            byte[] data = new byte[Math.max(validEnd, HEADER)];
            System.arraycopy(src, off, data, 0, HEADER);
            if ((flags & 0x40) != 0) {
                int n = PlainLz77.decompress(src, off + HEADER, off + onDisk, scratch);
                System.arraycopy(scratch, 0, data, HEADER, Math.min(n, validEnd - HEADER));
            } else {
                System.arraycopy(src, off + HEADER, data, HEADER, validEnd - HEADER);
            }
            bufferSize = Math.max(bufferSize, Math.max(validEnd, flags == 0x40 ? 0 : onDisk));
            buffers.add(new Buffer(data, validEnd, flags & ~0x40, type));
            off += onDisk;
        }
        bufferSize = Math.max(0x10000, (bufferSize + 0xFFFF) & ~0xFFFF);
        Buffer first = buffers.get(0);
        long minTs = Long.MAX_VALUE;
        long maxTs = Long.MIN_VALUE;
        for (Buffer b : buffers.subList(1, buffers.size())) {
            for (int pos = HEADER; pos + 4 <= b.validEnd();) {
                int size = eventSize(b.data(), pos);
                if (size <= 0) {
                    break;
                }
                long ts = timestamp(b.data(), pos);
                minTs = Math.min(minTs, ts);
                maxTs = Math.max(maxTs, ts);
                pos += (size + 7) & ~7;
            }
        }
        long span = maxTs - minTs + 1_000_000;
        long written = 0;
        byte[] out = new byte[bufferSize];
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long total = 1 + (long) (buffers.size() - 1) * repeats;
            writeBuffer(ch, out, first, 0, total);
            for (int r = 0; r < repeats; r++) {
                for (Buffer b : buffers.subList(1, buffers.size())) {
                    writeBuffer(ch, out, b, r * span, -1);
                }
            }
            written = ch.size();
        }
        return written;
    }

    private static void writeBuffer(FileChannel ch, byte[] out, Buffer b, long shift, long buffersWritten)
            throws IOException {
        Arrays.fill(out, (byte) 0xFF);
        System.arraycopy(b.data(), 0, out, 0, b.validEnd());
        ByteBuffer w = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        w.putInt(0, out.length).putShort(0x34, (short) b.flags());
        if (shift != 0) {
            w.putLong(0x10, w.getLong(0x10) + shift);
            for (int pos = HEADER; pos + 4 <= b.validEnd();) {
                int size = eventSize(out, pos);
                if (size <= 0) {
                    break;
                }
                shiftEvent(w, pos, size, shift);
                pos += (size + 7) & ~7;
            }
        }
        if (buffersWritten >= 0) {
            // The EventTrace header's payload starts after a SYSTEM header (0x20): BuffersWritten at +36.
            w.putInt(HEADER + 0x20 + 36, (int) buffersWritten);
        }
        ByteBuffer bb = ByteBuffer.wrap(out);
        while (bb.hasRemaining()) {
            ch.write(bb);
        }
    }

    private static int headerType(byte[] d, int pos) {
        return d[pos + 2] & 0xFF;
    }

    /** The event's size, or -1 at padding / an unknown header. */
    private static int eventSize(byte[] d, int pos) {
        if ((d[pos + 3] & 0xC0) != 0xC0) {
            return -1;
        }
        int type = headerType(d, pos);
        return switch (type) {
            case 1, 2, 3, 4, 16, 17 -> (d[pos + 4] & 0xFF) | (d[pos + 5] & 0xFF) << 8;
            case 10, 20, 18, 19 -> (d[pos] & 0xFF) | (d[pos + 1] & 0xFF) << 8;
            default -> -1;
        };
    }

    private static int timestampOffset(int type) {
        return type == 16 || type == 17 ? 8 : 0x10;
    }

    private static long timestamp(byte[] d, int pos) {
        return ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).getLong(pos + timestampOffset(headerType(d, pos)));
    }

    private static void shiftEvent(ByteBuffer w, int pos, int size, long shift) {
        int type = w.get(pos + 2) & 0xFF;
        int tsAt = pos + timestampOffset(type);
        w.putLong(tsAt, w.getLong(tsAt) + shift);
        if (type == 1 || type == 2 || type == 3 || type == 4 || type == 16 || type == 17) {
            int hook = w.getShort(pos + 6) & 0xFFFF;
            int payload = pos + (type == 16 || type == 17 ? 0x10 : type == 3 || type == 4 ? 0x18 : 0x20);
            // Payload times (SCHEMAS.md §1.7, §1.10): StackWalk EventTimeStamp (0x1820), HardFault (0x0220),
            // InitialTime of ThreadedDPC/ISR/DPC/TimerDPC/IOTimer (PerfInfo 66-70) and ISR-MSI (50).
            boolean firstFieldIsTime = hook == 0x1820 || hook == 0x0220 || (hook >= 0x0F42 && hook <= 0x0F46)
                    || hook == 0x0F32;
            if (firstFieldIsTime && payload + 8 <= pos + size) {
                w.putLong(payload, w.getLong(payload) + shift);
            }
        }
    }
}
