package etwreplay.ingest.etl;

import etwreplay.ingest.event.TraceHeader;

/**
 * The TRACE_LOGFILE_HEADER carried by the first event of every ETL file (EventTrace/Header, HookId 0;
 * FORMATS.md §8, SCHEMAS.md §2.1), and what it says about the recording. Field order: the
 * EventTrace_Header class (SCHEMAS.md §2.1). The TIME_ZONE_INFORMATION (172 bytes) after the two name
 * pointers is followed by 4 bytes of padding in both pointer sizes (BootTime is 8-byte aligned at
 * 0xF0 / 0xF8); checked against the 332-byte header of net.4.5.2.x64.etl that TraceEvent decodes.
 */
final class LogfileHeader {
    static final String LAYOUT = "BufferSize:u32 Version:u32 ProviderVersion:u32 NumberOfProcessors:u32 EndTime:u64"
            + " TimerResolution:u32 MaximumFileSize:u32 LogFileMode:u32 BuffersWritten:u32 StartBuffers:u32"
            + " PointerSize:u32 EventsLost:u32 CpuSpeedInMHz:u32 LoggerNamePointer:ptr LogFileNamePointer:ptr"
            + " Bias:i32 StandardName:wchars[32] StandardDate:bytes[16] StandardBias:i32 DaylightName:wchars[32]"
            + " DaylightDate:bytes[16] DaylightBias:i32 Padding:u32 BootTime:u64 PerfFreq:u64 StartTime:u64"
            + " ReservedFlags:u32 BuffersLost:u32 LoggerName:utf16? LogFileName:utf16?";

    /** WNODE_HEADER.ClientContext / ReservedFlags: the session clock (wnode-header.md; SCHEMAS.md §2.1). */
    static final int CLOCK_QPC = 1;
    static final int CLOCK_SYSTEM_TIME = 2;
    static final int CLOCK_CPU_CYCLES = 3;
    /** System time ticks (FILETIME units) per second. */
    static final long FILETIME_PER_SECOND = 10_000_000L;

    /** LogFileMode bit EVENT_TRACE_FILE_MODE_CIRCULAR: old buffers are overwritten, so fewer stay in the file. */
    static final long MODE_CIRCULAR = 0x2;

    private static final int BUFFER_SIZE = Fields.id("BufferSize");
    private static final int BUFFERS_WRITTEN = Fields.id("BuffersWritten");
    private static final int LOG_FILE_MODE = Fields.id("LogFileMode");
    private static final int VERSION = Fields.id("Version");
    private static final int PROVIDER_VERSION = Fields.id("ProviderVersion");
    private static final int PROCESSORS = Fields.id("NumberOfProcessors");
    private static final int POINTER_SIZE = Fields.id("PointerSize");
    private static final int EVENTS_LOST = Fields.id("EventsLost");
    private static final int CPU_MHZ = Fields.id("CpuSpeedInMHz");
    private static final int PERF_FREQ = Fields.id("PerfFreq");
    private static final int START_TIME = Fields.id("StartTime");
    private static final int RESERVED_FLAGS = Fields.id("ReservedFlags");
    private static final int BUFFERS_LOST = Fields.id("BuffersLost");
    private static final int LOGGER_NAME = Fields.id("LoggerName");
    private static final int LOG_FILE_NAME = Fields.id("LogFileName");

    /** The session's buffer size (the largest a decompressed buffer may be), or -1. */
    long bufferSize = -1;
    /** Buffers the file should hold (BuffersWritten), or -1 when unknown or the log is circular. */
    long expectedBuffers = -1;
    /** Ticks per second of the session clock, or -1 when the header gives none usable. */
    long clockFrequency = -1;
    TraceHeader.Clock clock = TraceHeader.Clock.UNKNOWN;

    /** Reads the header from {@code p} (bound to {@link #LAYOUT}) into {@code h}. */
    void read(Payload p, TraceHeader h) {
        Long size = p.number(BUFFER_SIZE);
        bufferSize = size == null ? -1 : size;
        Long written = p.number(BUFFERS_WRITTEN);
        Long mode = p.number(LOG_FILE_MODE);
        expectedBuffers = written == null || mode == null || (mode & MODE_CIRCULAR) != 0 ? -1 : written;
        Long version = p.number(VERSION);
        Long build = p.number(PROVIDER_VERSION);
        if (version != null) {
            // Version bytes: Major, Minor, Sub, SubMinor (FORMATS.md §8).
            String os = (version & 0xFF) + "." + (version >> 8 & 0xFF);
            h.osVersion = build != null ? os + "." + build : os;
        }
        h.osBuild = build == null ? null : (int) build.longValue();
        h.cpuCount = positive(p.int32(PROCESSORS));
        h.pointerSize = p.int32(POINTER_SIZE);
        h.eventsLost = p.number(EVENTS_LOST);
        h.buffersLost = p.number(BUFFERS_LOST);
        h.startFiletime = p.number(START_TIME);
        h.loggerName = emptyToNull(p.string(LOGGER_NAME));
        h.recordedFileName = emptyToNull(p.string(LOG_FILE_NAME));
        Long flags = p.number(RESERVED_FLAGS);
        Long perfFreq = p.number(PERF_FREQ);
        Long mhz = p.number(CPU_MHZ);
        int clockType = flags == null ? 0 : (int) (flags & 0xFFFF_FFFFL);
        switch (clockType) {
            case CLOCK_QPC -> setClock(TraceHeader.Clock.QPC, perfFreq);
            case CLOCK_SYSTEM_TIME -> setClock(TraceHeader.Clock.SYSTEM_TIME, FILETIME_PER_SECOND);
            case CLOCK_CPU_CYCLES -> setClock(TraceHeader.Clock.CPU_CYCLES, mhz == null ? null : mhz * 1_000_000L);
            default -> {
                clock = TraceHeader.Clock.UNKNOWN;
                clockFrequency = -1;
            }
        }
        h.clock = clock;
        h.clockFrequency = clockFrequency > 0 ? clockFrequency : null;
    }

    private void setClock(TraceHeader.Clock c, Long frequency) {
        clock = c;
        clockFrequency = frequency == null || frequency <= 0 ? -1 : frequency;
    }

    private static Integer positive(Integer v) {
        return v == null || v <= 0 ? null : v;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
