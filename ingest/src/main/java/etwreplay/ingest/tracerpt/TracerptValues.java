package etwreplay.ingest.tracerpt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parsers for the way tracerpt prints values: integers in decimal padded with spaces ({@code "   65536"})
 * or in hex ({@code 0x10EC}, Format("x") fields), {@code 4294967295} for an id that is "none", and
 * ISO-8601 UTC times with up to 9 fractional digits (SCHEMAS.md §2.3, FORMATS.md §6). Stateless.
 */
final class TracerptValues {
    /** FILETIME of 1970-01-01T00:00:00Z: 100 ns intervals from 1601 to the Unix epoch. */
    static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;

    private TracerptValues() {
    }

    /**
     * {@code 0x1f} (unsigned, up to 64 bits), {@code -12}, or an unsigned decimal up to 2^64-1 (kept as
     * its 64 bits); surrounding spaces ignored. Null when not an integer.
     */
    static Long number(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        int n = s.length();
        if (n > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            if (n - 2 > 16) {
                return null;
            }
            long v = 0;
            for (int i = 2; i < n; i++) {
                int d = Character.digit(s.charAt(i), 16);
                if (d < 0) {
                    return null;
                }
                v = (v << 4) | d;
            }
            return v;
        }
        if (n == 0 || n > 20) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && !(i == 0 && (c == '-' || c == '+') && n > 1)) {
                return null;
            }
        }
        try {
            return s.charAt(0) == '-' ? Long.parseLong(s) : Long.parseUnsignedLong(s.charAt(0) == '+' ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A process or thread id; {@code 4294967295} / {@code 0xFFFFFFFF} / {@code -1} ("none") is null. */
    static Integer id(Long value) {
        return value == null || value == 0xFFFFFFFFL || value == -1L ? null : Integer.valueOf(value.intValue());
    }

    /**
     * {@code 2006-12-18T12:26:27.887309500Z} (or with an offset, or zone-less = UTC) as nanoseconds since
     * the Unix epoch; null when not such a time.
     */
    static Long isoTimeEpochNanos(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.length() < 19 || s.charAt(4) != '-' || s.charAt(10) != 'T') {
            return null;
        }
        Instant i;
        try {
            i = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                i = LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        try {
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (ArithmeticException e) {
            return null; // beyond ±292 years of 1970: a damaged value, not a time
        }
    }

    /** Epoch nanoseconds of a FILETIME; null when a damaged value lies beyond what they can hold. */
    static Long filetimeToEpochNanos(long filetime) {
        try {
            return Math.multiplyExact(Math.subtractExact(filetime, FILETIME_UNIX_EPOCH), 100L);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** FILETIME (100 ns units) of an epoch-nanosecond time, truncated toward the past. */
    static long epochNanosToFiletime(long epochNanos) {
        return Math.floorDiv(epochNanos, 100L) + FILETIME_UNIX_EPOCH;
    }
}
