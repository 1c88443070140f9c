package etwreplay.ingest.xperf;

/** Parsers for the way xperf prints values. Stateless. */
final class XperfValues {
    private XperfValues() {
    }

    /** {@code 0x1f} (unsigned, up to 64 bits) or {@code -12}; null when neither. */
    static Long parseNumber(String s) {
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
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i == n || n - i > 19) {
            return null;
        }
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
            if (v < 0) {
                return null; // overflow
            }
        }
        return negative ? -v : v;
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
