package etwreplay.ingest.tracerpt;

/**
 * Reads {@code TimeCreated/@SystemTime} as {@link TracerptValues#isoTimeEpochNanos} does, but quickly for
 * the form tracerpt writes ({@code 2024-01-17T21:20:00.0000032Z}, FORMATS.md §6): the epoch value of the
 * date, hour and minute is remembered, so an event in the same minute as the last one costs a few digit
 * reads instead of a {@code java.time} parse (a tenth of the XML reader's time, issue #7). Anything
 * else — another form, another minute, a year outside 1900–2199 (where no arithmetic can overflow) —
 * goes to the general parser, which also fills the memory. One reader; not thread-safe.
 */
final class SystemTimes {
    /** {@code yyyy-MM-ddTHH:mm}: the part whose epoch value is remembered. */
    private static final int MINUTE_LENGTH = 16;
    /** {@code yyyy-MM-ddTHH:mm:ssZ}. */
    private static final int SHORTEST = 20;
    /** Nine fraction digits: nanoseconds. */
    private static final int LONGEST = SHORTEST + 1 + 9;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private String minute;
    private long minuteEpochNanos;

    /** Nanoseconds since 1970 of an ISO-8601 time; null when the text is not one. */
    Long epochNanos(String text) {
        long withinMinute = withinMinute(text);
        if (withinMinute < 0) {
            return TracerptValues.isoTimeEpochNanos(text);
        }
        if (minute != null && text.startsWith(minute)) {
            return minuteEpochNanos + withinMinute;
        }
        Long full = TracerptValues.isoTimeEpochNanos(text);
        if (full != null) {
            minute = text.substring(0, MINUTE_LENGTH);
            minuteEpochNanos = full - withinMinute;
        }
        return full;
    }

    /**
     * Seconds and fraction of {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} as nanoseconds, year 1900–2199; -1 when the
     * text is not exactly that (then only the general parser decides).
     */
    private static long withinMinute(String s) {
        int n = s.length();
        if (n < SHORTEST || n > LONGEST || n == SHORTEST + 1 || s.charAt(n - 1) != 'Z') {
            return -1;
        }
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return -1;
        }
        int century = digits(s, 0, 2);
        if (century != 19 && century != 20 && century != 21 || digits(s, 2, 4) < 0 || digits(s, 5, 7) < 0
                || digits(s, 8, 10) < 0 || digits(s, 11, 13) < 0 || digits(s, 14, 16) < 0) {
            return -1;
        }
        int seconds = digits(s, 17, 19);
        if (seconds < 0 || seconds > 59) {
            return -1;
        }
        long nanos = 0;
        if (n > SHORTEST) {
            if (s.charAt(19) != '.') {
                return -1;
            }
            int fraction = digits(s, 20, n - 1);
            if (fraction < 0) {
                return -1;
            }
            nanos = fraction;
            for (int i = n - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        return seconds * NANOS_PER_SECOND + nanos;
    }

    /** The decimal value of {@code s[from, to)} (at most 9 digits), or -1 when it has a non-digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
