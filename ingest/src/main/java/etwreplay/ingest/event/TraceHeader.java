package etwreplay.ingest.event;

/**
 * Facts about the recording a reader learns from the trace's header (all optional): they become the
 * {@code trace} row. Filled by one reader on one thread; not thread-safe.
 */
public final class TraceHeader {
    /** Clock of the recording session (WNODE_HEADER.ClientContext; SCHEMAS.md §2.1). */
    public enum Clock { QPC, SYSTEM_TIME, CPU_CYCLES, MICROSECONDS_TEXT, UNKNOWN }

    public String osVersion;
    public Integer osBuild;
    public Integer pointerSize;
    public Integer cpuCount;
    public Clock clock = Clock.UNKNOWN;
    /** Ticks per second of {@link #clock}; e.g. the QPC frequency. */
    public Long clockFrequency;
    /** Wall-clock start of the trace as a Windows FILETIME (100 ns since 1601-01-01 UTC). */
    public Long startFiletime;
    public Long eventsLost;
    public Long buffersLost;
    /** ns since start from which events are complete (xperf FirstReliableEventTimeStamp). */
    public Long firstReliableTs;
    /** ns since start from which the per-CPU current thread is known (FirstReliableCSwitchEventTimeStamp). */
    public Long firstReliableCSwitchTs;
    public String loggerName;
    /** The name the recording had on its machine (e.g. "Trace Name:" of xperf). */
    public String recordedFileName;
}
