package etwreplay.ingest.etl;

/**
 * Converts raw timestamps of the session clock (QPC ticks, FILETIME units or CPU cycles; SCHEMAS.md
 * §2.1) to nanoseconds since the trace start, the timestamp of the EventTrace header event (which the
 * wnode-header.md conversion pins to TRACE_LOGFILE_HEADER.StartTime). Exact integer arithmetic,
 * saturating instead of overflowing on absurd values. Immutable.
 */
final class TimeScale {
    private static final long NS_PER_S = 1_000_000_000L;

    final long origin;
    final long ticksPerSecond;

    TimeScale(long origin, long ticksPerSecond) {
        if (ticksPerSecond <= 0) {
            throw new IllegalArgumentException("clock frequency must be positive: " + ticksPerSecond);
        }
        this.origin = origin;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Nanoseconds since the trace start of raw timestamp {@code raw} (floor). */
    long toNs(long raw) {
        return ticksToNs(raw - origin);
    }

    /** A tick count of the session clock (e.g. DiskIo HighResResponseTime) in nanoseconds (floor). */
    long ticksToNs(long ticks) {
        long seconds = Math.floorDiv(ticks, ticksPerSecond);
        long rest = Math.floorMod(ticks, ticksPerSecond);
        if (seconds > Long.MAX_VALUE / NS_PER_S - 1) {
            return Long.MAX_VALUE;
        }
        if (seconds < Long.MIN_VALUE / NS_PER_S + 1) {
            return Long.MIN_VALUE;
        }
        // rest < ticksPerSecond; the product fits for any frequency below 9.2 GHz, and is split otherwise.
        long fraction = rest < Long.MAX_VALUE / NS_PER_S ? rest * NS_PER_S / ticksPerSecond
                : (long) ((double) rest * NS_PER_S / ticksPerSecond);
        return seconds * NS_PER_S + fraction;
    }
}
