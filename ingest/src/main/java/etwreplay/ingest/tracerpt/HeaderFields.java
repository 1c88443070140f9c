package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.TraceHeader;

/**
 * The EventTrace header event (class {@code 68fdd900-…}, opcode 0): the TRACE_LOGFILE_HEADER fields
 * tracerpt prints (FORMATS.md §6, SCHEMAS.md §2.1) become the {@code trace} row and set the clock.
 * {@code Version} packs Major, Minor, Sub, SubMinor little-endian (83951626 = 0x0501000A → 10.0);
 * {@code ProviderVersion} is the build. {@code ReservedFlags} is the session clock: 1 QPC at
 * {@code PerfFreq}, 2 system time (FILETIME), 3 CPU cycles at {@code CPUSpeed} MHz (wnode-header.md).
 */
final class HeaderFields {
    private HeaderFields() {
    }

    static boolean isHeader(RenderedEvent e) {
        return KernelClasses.EVENT_TRACE.equals(e.classGuid) && (e.opcode != null ? e.opcode == 0
                : "Header".equals(e.opcodeName));
    }

    /** Reads the header into {@code c}'s TraceHeader and clock. Reads fields quietly: the event is kept whole. */
    static void read(RenderedEvent e, MappingContext c) {
        TraceHeader h = c.header();
        Long version = quiet(e, "Version");
        Long build = quiet(e, "ProviderVersion");
        if (version != null) {
            h.osVersion = (version & 0xFF) + "." + ((version >>> 8) & 0xFF) + (build == null ? "" : "." + build);
        }
        h.osBuild = build == null ? null : build.intValue();
        h.pointerSize = toInt(quiet(e, "PointerSize"));
        h.cpuCount = toInt(quiet(e, "NumberOfProcessors"));
        h.eventsLost = quiet(e, "EventsLost");
        h.buffersLost = quiet(e, "BuffersLost");
        h.startFiletime = quiet(e, "StartTime");
        String session = e.fields.get("SessionNameString");
        h.loggerName = session == null || session.isBlank() ? null : session.strip();
        String logFile = e.fields.get("LogFileNameString");
        h.recordedFileName = logFile == null || logFile.isBlank() ? null : logFile.strip();
        Long perfFreq = quiet(e, "PerfFreq");
        Long mhz = quiet(e, "CPUSpeed");
        Long clockType = quiet(e, "ReservedFlags");
        TraceHeader.Clock clock = TraceHeader.Clock.UNKNOWN;
        Long frequency = null;
        if (clockType != null && clockType == 1) {
            clock = TraceHeader.Clock.QPC;
            frequency = perfFreq;
        } else if (clockType != null && clockType == 2) {
            clock = TraceHeader.Clock.SYSTEM_TIME;
            frequency = 10_000_000L;
        } else if (clockType != null && clockType == 3) {
            clock = TraceHeader.Clock.CPU_CYCLES;
            frequency = mhz == null ? null : mhz * 1_000_000L;
        }
        h.clock = clock;
        h.clockFrequency = frequency;
        c.clock().header(clock, frequency == null || frequency <= 0 ? null : frequency,
                perfFreq == null || perfFreq <= 0 ? null : perfFreq, h.startFiletime);
    }

    private static Long quiet(RenderedEvent e, String name) {
        return TracerptValues.number(e.fields.get(name));
    }

    private static Integer toInt(Long v) {
        return v == null ? null : v.intValue();
    }
}
