package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.TraceHeader;
import java.math.BigInteger;

/**
 * Turns tracerpt's event times into {@code ts}, nanoseconds since the trace start, and converts the
 * payload times and tick counts that events carry (DPC/ISR/HardFault {@code InitialTime}, DiskIo
 * {@code HighResResponseTime}). Rules (SCHEMAS.md §2.1, wnode-header.md):
 * <ul>
 * <li>times printed as wall-clock ({@code SystemTime}, or a FILETIME) count from the header's
 *     {@code StartTime}; without a header event, from the first event;</li>
 * <li>raw times ({@code tracerpt -rts}) are in the session clock ({@code ReservedFlags}: 1 QPC at
 *     {@code PerfFreq}, 2 system time = FILETIME, 3 CPU cycles at {@code CPUSpeed} MHz) and count from the
 *     first event's raw time, which ETW itself takes to be {@code StartTime};</li>
 * <li>{@code InitialTime} is in the session clock; it converts exactly when the session clock is the
 *     system time or when event times are raw. With wall-clock event times over a QPC session the
 *     export holds no QPC origin, so it cannot be converted (the caller counts that).</li>
 * </ul>
 * Tick scaling truncates toward the past. One reader's state; not thread-safe.
 */
final class EventClock {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** A FILETIME within this many 100 ns units of StartTime is taken for a FILETIME, not raw ticks. */
    private static final long FILETIME_WINDOW = 10L * 366 * 24 * 3600 * 10_000_000L;
    /** Lowest plausible FILETIME (1990) when no StartTime is known. */
    private static final long MIN_PLAUSIBLE_FILETIME = 125_000_000_000_000_000L;

    private TraceHeader.Clock clock = TraceHeader.Clock.UNKNOWN;
    /** Ticks per second of the session clock, when known. */
    private Long clockFrequency;
    /** QPC ticks per second (PerfFreq), for HighResResponseTime. */
    private Long perfFrequency;
    private Long startFiletime;
    /** Epoch ns of ts = 0, once known. */
    private Long startEpochNanos;
    /** Raw session-clock value of ts = 0, once known. */
    private Long rawOrigin;

    /** What the header event says about the session clock. */
    void header(TraceHeader.Clock sessionClock, Long frequency, Long perfFreq, Long start) {
        clock = sessionClock;
        clockFrequency = frequency;
        perfFrequency = perfFreq;
        startFiletime = start;
        if (start != null && startEpochNanos == null) {
            startEpochNanos = TracerptValues.filetimeToEpochNanos(start);
        }
    }

    /** FILETIME of ts = 0 (StartTime, else the first event's wall-clock time); null if unknown. */
    Long startFiletime() {
        if (startFiletime != null) {
            return startFiletime;
        }
        return startEpochNanos == null ? null : TracerptValues.epochNanosToFiletime(startEpochNanos);
    }

    /**
     * Interprets a CSV "Clock-Time": a FILETIME when the session clock is the system time or the value
     * lies near StartTime (tracerpt converts to FILETIME unless -rts), else a raw session-clock value.
     */
    void csvClockTime(RenderedEvent e, long value) {
        boolean filetime;
        if (clock == TraceHeader.Clock.SYSTEM_TIME) {
            filetime = true;
        } else if (startFiletime != null) {
            filetime = Math.abs(value - startFiletime) < FILETIME_WINDOW;
        } else {
            filetime = value >= MIN_PLAUSIBLE_FILETIME;
        }
        if (filetime) {
            e.epochNanos = TracerptValues.filetimeToEpochNanos(value);
        } else {
            e.rawTime = value;
        }
    }

    /** ts of {@code e}, or null when it has no time this clock can place. */
    Long ts(RenderedEvent e) {
        if (e.rawTime != null) {
            if (clock == TraceHeader.Clock.SYSTEM_TIME) {
                return fromEpoch(TracerptValues.filetimeToEpochNanos(e.rawTime));
            }
            if (clockFrequency == null) {
                return null;
            }
            if (rawOrigin == null) {
                rawOrigin = e.rawTime;
            }
            Long ticks = minus(e.rawTime, rawOrigin);
            return ticks == null ? null : scale(ticks, clockFrequency);
        }
        if (e.epochNanos != null) {
            return fromEpoch(e.epochNanos);
        }
        return null;
    }

    private Long fromEpoch(Long epochNanos) {
        if (epochNanos == null) {
            return null;
        }
        if (startEpochNanos == null) {
            startEpochNanos = epochNanos;
        }
        return minus(epochNanos, startEpochNanos);
    }

    /** {@code a - b}, or null when a damaged value makes it overflow. */
    private static Long minus(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /**
     * A payload time in the session clock ({@code InitialTime}, {@code EventTimeStamp}) as ts; an ISO time
     * is taken as is. Null when it cannot be converted (see the class comment).
     */
    Long payloadTime(String text) {
        Long iso = TracerptValues.isoTimeEpochNanos(text);
        if (iso != null) {
            return startEpochNanos == null ? null : minus(iso, startEpochNanos);
        }
        Long v = TracerptValues.number(text);
        if (v == null) {
            return null;
        }
        if (clock == TraceHeader.Clock.SYSTEM_TIME) {
            Long epoch = TracerptValues.filetimeToEpochNanos(v);
            return startEpochNanos == null || epoch == null ? null : minus(epoch, startEpochNanos);
        }
        if (rawOrigin != null && clockFrequency != null) {
            Long ticks = minus(v, rawOrigin);
            return ticks == null ? null : scale(ticks, clockFrequency);
        }
        return null;
    }

    /** A QPC tick count (HighResResponseTime) in ns; null when PerfFreq is unknown. */
    Long qpcTicksToNanos(long ticks) {
        return perfFrequency == null ? null : scale(ticks, perfFrequency);
    }

    /**
     * {@code ticks · 1e9 / frequency}, truncated toward the past; null when a damaged value makes the result
     * overflow nanoseconds (the caller counts the event as having no placeable time).
     */
    static Long scale(long ticks, long frequency) {
        try {
            if (NANOS_PER_SECOND % frequency == 0) {
                return Math.multiplyExact(ticks, NANOS_PER_SECOND / frequency);
            }
            long whole = Math.floorDiv(ticks, frequency);
            long rest = Math.floorMod(ticks, frequency);
            if (rest < Long.MAX_VALUE / NANOS_PER_SECOND) {
                return Math.addExact(Math.multiplyExact(whole, NANOS_PER_SECOND), rest * NANOS_PER_SECOND / frequency);
            }
            return BigInteger.valueOf(ticks).multiply(BigInteger.valueOf(NANOS_PER_SECOND))
                    .divide(BigInteger.valueOf(frequency)).longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
