package etwreplay.ingest.etl;

/**
 * Event header types: byte 2 of an event's first u32, whose top byte carries the 0xC0 marker flags
 * (FORMATS.md §8). Each type fixes the header length, where size, timestamp and ids sit, and the pointer
 * size of the logging code.
 */
final class HeaderType {
    static final int SYSTEM32 = 1;
    static final int SYSTEM64 = 2;
    static final int COMPACT32 = 3;
    static final int COMPACT64 = 4;
    static final int FULL_HEADER32 = 10;
    static final int PERFINFO32 = 16;
    static final int PERFINFO64 = 17;
    static final int EVENT_HEADER32 = 18;
    static final int EVENT_HEADER64 = 19;
    static final int FULL_HEADER64 = 20;

    /** The 0xC0 flags in the top byte of every event's first u32 (TRACE_HEADER_FLAG | EVENT_TRACE_FLAG). */
    static final int MARKER_FLAGS = 0xC0;

    /** What an event's header looks like. */
    enum Family {
        /** Kernel SYSTEM_TRACE_HEADER: HookId, TID, PID, timestamp, CPU times; 0x20 bytes. */
        SYSTEM(0x20, 0x10),
        /** Kernel compact header: SYSTEM without the CPU times; 0x18 bytes. */
        COMPACT(0x18, 0x10),
        /** Kernel PERFINFO_TRACE_HEADER: HookId and timestamp only; 0x10 bytes. */
        PERFINFO(0x10, 0x08),
        /** EVENT_HEADER (manifest and TraceLogging providers); 0x50 bytes plus extended data items. */
        EVENT_HEADER(0x50, 0x10),
        /** Classic EVENT_TRACE_HEADER with a class GUID (MOF providers); 0x30 bytes. */
        FULL_HEADER(0x30, 0x10);

        final int length;
        final int timestampOffset;

        Family(int length, int timestampOffset) {
            this.length = length;
            this.timestampOffset = timestampOffset;
        }

        /** Kernel headers keep the event size in the second u16; the others in the first. */
        int sizeOffset() {
            return this == SYSTEM || this == COMPACT || this == PERFINFO ? 4 : 0;
        }
    }

    private HeaderType() {
    }

    /** The family of header type {@code t}, or null when the reader does not know it. */
    static Family family(int t) {
        switch (t) {
            case SYSTEM32, SYSTEM64:
                return Family.SYSTEM;
            case COMPACT32, COMPACT64:
                return Family.COMPACT;
            case PERFINFO32, PERFINFO64:
                return Family.PERFINFO;
            case EVENT_HEADER32, EVENT_HEADER64:
                return Family.EVENT_HEADER;
            case FULL_HEADER32, FULL_HEADER64:
                return Family.FULL_HEADER;
            default:
                return null;
        }
    }

    /** Pointer size of the code that logged an event with header type {@code t}. */
    static int pointerSize(int t) {
        return t == SYSTEM32 || t == COMPACT32 || t == PERFINFO32 || t == EVENT_HEADER32 || t == FULL_HEADER32 ? 4 : 8;
    }
}
