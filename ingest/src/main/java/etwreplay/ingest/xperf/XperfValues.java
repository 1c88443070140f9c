package etwreplay.ingest.xperf;

import etwreplay.ingest.text.IntegerText;

/**
 * Parsers for the way xperf prints values. Each reads either a whole string or, without copying, the
 * range {@code [from, to)} of a line (the reader's per-field path). Stateless.
 */
final class XperfValues {
    private XperfValues() {
    }

    /** A number as xperf prints it (hex or decimal); see {@link IntegerText#parse}. */
    static Long parseNumber(String s) {
        return IntegerText.parse(s);
    }

    /**
     * The TimeStamp column: decimal microseconds since the trace start (SCHEMAS.md §2.2), as nanoseconds;
     * null when not a decimal integer or beyond what nanoseconds in a BIGINT can hold (±106 days).
     */
    static Long parseTimestampNanos(String s) {
        return parseTimestampNanos(s, 0, s.length());
    }

    static Long parseTimestampNanos(String line, int from, int to) {
        if (from == to || !(Character.isDigit(line.charAt(from)) || line.charAt(from) == '-')) {
            return null;
        }
        if (to - from > 1 && (line.charAt(from + 1) == 'x' || line.charAt(from + 1) == 'X')) {
            return null;
        }
        Long us = IntegerText.parse(line, from, to);
        if (us == null || Math.abs(us) > Long.MAX_VALUE / 1000) {
            return null;
        }
        return us * 1000L;
    }

    /** Microseconds as printed ({@code 283}, {@code 5.909}) → nanoseconds, rounded; null if not a number. */
    static Long parseMicrosAsNanos(String s) {
        return parseMicrosAsNanos(s, 0, s.length());
    }

    static Long parseMicrosAsNanos(String line, int from, int to) {
        if (!contains(line, from, to, '.')) {
            Long us = IntegerText.parse(line, from, to);
            return us == null ? null : us * 1000L;
        }
        try {
            return new java.math.BigDecimal(line.substring(from, to)).movePointRight(3)
                    .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean contains(String line, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (line.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    /** {@code csrss.exe ( 628)} → {@code csrss.exe}; a cell without a pid part is the name itself. */
    static String processName(String cell) {
        return processName(cell, 0, cell.length());
    }

    static String processName(String line, int from, int to) {
        int open = pidOpen(line, from, to);
        if (open < 0) {
            return line.substring(from, to);
        }
        int end = open;
        while (end > from && line.charAt(end - 1) <= ' ') {
            end--; // String.trim's rule
        }
        int start = from;
        while (start < end && line.charAt(start) <= ' ') {
            start++;
        }
        return line.substring(start, end);
    }

    /** {@code Idle (   0)} → 0; null when the cell has no {@code ( pid)} part. */
    static Long processId(String cell) {
        return processId(cell, 0, cell.length());
    }

    static Long processId(String line, int from, int to) {
        int open = pidOpen(line, from, to);
        if (open < 0) {
            return null;
        }
        int start = open + 1;
        int end = to - 1;
        while (start < end && line.charAt(start) <= ' ') {
            start++; // String.trim's rule
        }
        while (end > start && line.charAt(end - 1) <= ' ') {
            end--;
        }
        return IntegerText.parse(line, start, end);
    }

    /** Index of the {@code (} of a cell's trailing {@code ( pid)} part, or -1 when it has none. */
    private static int pidOpen(String line, int from, int to) {
        if (to == from || line.charAt(to - 1) != ')') {
            return -1;
        }
        int open = line.lastIndexOf('(', to - 1);
        return open < from ? -1 : open;
    }

    static Boolean parseBoolean(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "y":
                return Boolean.TRUE;
            case "false", "no", "0", "n":
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
