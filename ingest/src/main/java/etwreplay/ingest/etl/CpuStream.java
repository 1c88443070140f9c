package etwreplay.ingest.etl;

import etwreplay.ingest.event.Anomaly;
import java.io.IOException;

/**
 * The events one processor logged, in order: its buffers in file order, each walked event by event
 * (8-byte aligned, up to the buffer's valid-data end). {@link #view} describes the current event and is
 * overwritten by {@link #advance}. An event header that does not parse ends its buffer: the rest of the
 * buffer is counted as damage and reading goes on with the next buffer. Not thread-safe.
 */
final class CpuStream {
    /** ETW fills the unused end of a buffer with 0xFF bytes. */
    private static final int PADDING = 0xFFFFFFFF;

    final int cpu;
    final EventView view = new EventView();
    private final BufferIndex.CpuBuffers buffers;
    private final BufferLoader loader;
    private final AnomalyTally tally;
    private final BufferLoader.Loaded loaded = new BufferLoader.Loaded();
    private int nextBuffer;
    private int pos;
    private int limit;
    private long bufferOffset;

    CpuStream(BufferIndex.CpuBuffers buffers, BufferLoader loader, AnomalyTally tally) {
        this.cpu = buffers.cpu;
        this.buffers = buffers;
        this.loader = loader;
        this.tally = tally;
        this.loaded.data = new byte[0];
    }

    /** File offset of the buffer holding the current event: orders equal timestamps across processors. */
    long bufferOffset() {
        return bufferOffset;
    }

    /** Moves to the next event. Returns false when this processor has no more. */
    boolean advance() throws IOException {
        while (true) {
            if (limit - pos >= 4) {
                byte[] d = loaded.data;
                if (LittleEndian.i32(d, pos) == PADDING) {
                    pos = limit;
                    continue;
                }
                String problem = view.parse(d, pos, limit);
                if (problem == null) {
                    view.cpu = cpu;
                    view.bufferFileOffset = bufferOffset;
                    view.bufferCompressed = loaded.compressed;
                    pos += (view.size + 7) & ~7;
                    return true;
                }
                tally.add(Anomaly.DAMAGED_DATA, EventView.location(bufferOffset, loaded.compressed, pos), problem
                        + "; the rest of the buffer (" + (limit - pos) + " bytes) skipped");
                pos = limit;
                continue;
            }
            if (limit > pos) {
                tally.add(Anomaly.DAMAGED_DATA, EventView.location(bufferOffset, loaded.compressed, pos),
                        (limit - pos) + " bytes at the end of the buffer's data are too few for an event");
                pos = limit;
            }
            if (nextBuffer >= buffers.count) {
                return false;
            }
            bufferOffset = buffers.offsets[nextBuffer];
            loader.load(bufferOffset, buffers.lengths[nextBuffer], loaded);
            nextBuffer++;
            pos = WmiBufferHeader.SIZE;
            limit = loaded.limit;
        }
    }
}
