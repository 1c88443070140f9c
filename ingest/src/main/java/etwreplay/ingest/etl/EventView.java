package etwreplay.ingest.etl;

import java.util.UUID;

/**
 * The event under the cursor of a {@link CpuStream}: its header fields, decoded in place from the
 * buffer, and where its payload lies. One instance per stream, overwritten for every event (a view, not
 * a value). Header layouts: FORMATS.md §8.
 */
final class EventView {
    /** The decompressed buffer holding the event (shared with the stream; valid until it advances). */
    byte[] data;
    /** Offset of the event in {@link #data}. */
    int start;
    /** Event size from its header (not rounded up to the 8-byte alignment). */
    int size;
    int headerType;
    HeaderType.Family family;
    int pointerSize;
    /** Raw timestamp in the session clock. */
    long timestamp;
    /** Header thread and process ids as logged (0xFFFFFFFF = -1 = not recorded); -1 for PERFINFO headers. */
    int threadId;
    int processId;
    /** Kernel events: HookId = group << 8 | opcode. Classic and manifest events: the opcode only. */
    int group;
    int opcode;
    int version;
    /** EVENT_HEADER and FULL_HEADER: the provider or event-class GUID. */
    long guidHigh;
    long guidLow;
    /** EVENT_HEADER: descriptor fields and header flags. */
    int eventId;
    int channel;
    int level;
    int task;
    long keyword;
    int eventFlags;
    /** EVENT_HEADER: extended data items lie in [extStart, extEnd). */
    int extStart;
    int extEnd;
    int payloadStart;
    int payloadLength;
    /** Where the event sits in the file, for anomaly locations. */
    int cpu;
    long bufferFileOffset;
    boolean bufferCompressed;

    /** EVENT_HEADER extended data item flag: another item follows (bit 0 of its third u16). */
    private static final int EXT_LINKAGE = 0x1;
    /** EVENT_HEADER flag: extended data items follow the header (EVENT_HEADER_FLAG_EXTENDED_INFO). */
    static final int FLAG_EXTENDED_INFO = 0x1;

    /**
     * Decodes the event header at {@code d[pos]}, which must end by {@code limit}.
     *
     * @return null when the header is sound, else what is wrong with it (the caller stops reading the
     *         buffer there)
     */
    String parse(byte[] d, int pos, int limit) {
        data = d;
        start = pos;
        if (limit - pos < 8) {
            return "event header cut by the end of the buffer's data";
        }
        int marker = LittleEndian.i32(d, pos);
        headerType = (marker >>> 16) & 0xFF;
        if ((marker >>> 24 & HeaderType.MARKER_FLAGS) != HeaderType.MARKER_FLAGS) {
            return String.format("no event marker (0x%08x)", marker);
        }
        family = HeaderType.family(headerType);
        if (family == null) {
            return "unknown event header type " + headerType;
        }
        pointerSize = HeaderType.pointerSize(headerType);
        size = LittleEndian.u16(d, pos + family.sizeOffset());
        if (size < family.length) {
            return "event size " + size + " shorter than its " + family + " header (" + family.length + ")";
        }
        if (size > limit - pos) {
            return "event of " + size + " bytes runs past the buffer's data (" + (limit - pos) + " bytes left)";
        }
        timestamp = LittleEndian.i64(d, pos + family.timestampOffset);
        payloadStart = pos + family.length;
        payloadLength = size - family.length;
        switch (family) {
            case SYSTEM, COMPACT, PERFINFO -> {
                version = marker & 0xFFFF;
                int hook = LittleEndian.u16(d, pos + 6);
                group = hook >>> 8;
                opcode = hook & 0xFF;
                if (family == HeaderType.Family.PERFINFO) {
                    threadId = -1;
                    processId = -1;
                } else {
                    threadId = LittleEndian.i32(d, pos + 8);
                    processId = LittleEndian.i32(d, pos + 12);
                }
            }
            case FULL_HEADER -> {
                opcode = d[pos + 4] & 0xFF;
                level = d[pos + 5] & 0xFF;
                version = LittleEndian.u16(d, pos + 6);
                threadId = LittleEndian.i32(d, pos + 8);
                processId = LittleEndian.i32(d, pos + 12);
                readGuid(d, pos + 0x18);
            }
            case EVENT_HEADER -> {
                eventFlags = LittleEndian.u16(d, pos + 4);
                threadId = LittleEndian.i32(d, pos + 8);
                processId = LittleEndian.i32(d, pos + 12);
                readGuid(d, pos + 0x18);
                eventId = LittleEndian.u16(d, pos + 0x28);
                version = d[pos + 0x2A] & 0xFF;
                channel = d[pos + 0x2B] & 0xFF;
                level = d[pos + 0x2C] & 0xFF;
                opcode = d[pos + 0x2D] & 0xFF;
                task = LittleEndian.u16(d, pos + 0x2E);
                keyword = LittleEndian.i64(d, pos + 0x30);
                extStart = payloadStart;
                extEnd = payloadStart;
                if ((eventFlags & FLAG_EXTENDED_INFO) != 0) {
                    String problem = skipExtendedData(d, pos + size);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            default -> throw new IllegalStateException(family.name());
        }
        return null;
    }

    /**
     * Steps over the extended data items after an EVENT_HEADER: each is {u16 reserved, u16 type, u16
     * linkage, u16 size} plus its data, 8-byte aligned, until one without the linkage bit (layout as
     * parsed by airbus-cert/etl-parser, verified on the collected files).
     */
    private String skipExtendedData(byte[] d, int eventEnd) {
        int p = payloadStart;
        while (true) {
            if (eventEnd - p < 8) {
                return "extended data item header past the end of the event";
            }
            int linkage = LittleEndian.u16(d, p + 4);
            int dataSize = LittleEndian.u16(d, p + 6);
            int next = p + ((8 + dataSize + 7) & ~7);
            if (p + 8 + dataSize > eventEnd) {
                return "extended data item of " + dataSize + " bytes past the end of the event";
            }
            p = Math.min(next, eventEnd);
            if ((linkage & EXT_LINKAGE) == 0) {
                break;
            }
        }
        extEnd = p;
        payloadLength = eventEnd - p;
        payloadStart = p;
        return null;
    }

    private void readGuid(byte[] d, int off) {
        guidHigh = Payload.guidHigh(d, off);
        guidLow = Payload.guidLow(d, off);
    }

    UUID guid() {
        return new UUID(guidHigh, guidLow);
    }

    boolean isKernel() {
        return family == HeaderType.Family.SYSTEM || family == HeaderType.Family.COMPACT
                || family == HeaderType.Family.PERFINFO;
    }

    /** HookId of a kernel event. */
    int hookId() {
        return group << 8 | opcode;
    }

    /** "offset 0x…" of the event in the file (for a compressed buffer: the buffer's offset and the event's). */
    String location() {
        return location(bufferFileOffset, bufferCompressed, start);
    }

    static String location(long bufferFileOffset, boolean compressed, int posInBuffer) {
        if (compressed) {
            return String.format("offset 0x%x (compressed buffer) + 0x%x decompressed", bufferFileOffset, posInBuffer);
        }
        return String.format("offset 0x%x", bufferFileOffset + posInBuffer);
    }
}
