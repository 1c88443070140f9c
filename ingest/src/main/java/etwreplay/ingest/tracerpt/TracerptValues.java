package etwreplay.ingest.tracerpt;

import etwreplay.ingest.text.IntegerText;
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

    /** A number as tracerpt prints it (padded decimal or hex); see {@link IntegerText#parse}. */
    static Long number(String text) {
        return IntegerText.parse(text);
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
