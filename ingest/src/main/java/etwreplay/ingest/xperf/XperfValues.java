package etwreplay.ingest.xperf;

import etwreplay.ingest.text.IntegerText;

/** Parsers for the way xperf prints values. Stateless. */
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
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '-')) {
            return null;
        }
        if (s.length() > 1 && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            return null;
        }
        Long us = parseNumber(s);
        if (us == null || Math.abs(us) > Long.MAX_VALUE / 1000) {
            return null;
        }
        return us * 1000L;
    }

    /** Microseconds as printed ({@code 283}, {@code 5.909}) → nanoseconds, rounded; null if not a number. */
    static Long parseMicrosAsNanos(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            Long us = parseNumber(s);
            return us == null ? null : us * 1000L;
        }
        try {
            return new java.math.BigDecimal(s).movePointRight(3)
                    .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** {@code csrss.exe ( 628)} → {@code csrss.exe}; a cell without a pid part is the name itself. */
    static String processName(String cell) {
        int open = cell.lastIndexOf('(');
        if (open < 0 || !cell.endsWith(")")) {
            return cell;
        }
        return cell.substring(0, open).trim();
    }

    /** {@code Idle (   0)} → 0; null when the cell has no {@code ( pid)} part. */
    static Long processId(String cell) {
        int open = cell.lastIndexOf('(');
        if (open < 0 || !cell.endsWith(")")) {
            return null;
        }
        return parseNumber(cell.substring(open + 1, cell.length() - 1).trim());
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
