package etwreplay.ingest.text;

/**
 * Integers as the exporting tools print them: {@code 0x1f} (unsigned, up to 64 bits — addresses), signed
 * decimal ({@code -12}), or unsigned decimal up to 2^64-1 (kept as its 64 bits); surrounding spaces are
 * ignored (tracerpt pads numbers, FORMATS.md §6). Shared by every text reader. Stateless.
 */
public final class IntegerText {
    /** Longest decimal: 2^64-1 has 20 digits. */
    private static final int MAX_DECIMAL_DIGITS = 20;
    /** Longest hex: 64 bits. */
    private static final int MAX_HEX_DIGITS = 16;
    /** 2^64-1 = {@value #UNSIGNED_MAX_DIV_10} · 10 + {@value #UNSIGNED_MAX_MOD_10}. */
    private static final long UNSIGNED_MAX_DIV_10 = 1844674407370955161L;
    private static final int UNSIGNED_MAX_MOD_10 = 5;

    private IntegerText() {
    }

    /** The value, or null when the text is not an integer that fits in 64 bits. */
    public static Long parse(String text) {
        return text == null ? null : parse(text, 0, text.length());
    }

    /**
     * The value of {@code text[from, to)}, or null when it is not an integer that fits in 64 bits. Reads
     * the characters in place: the text readers call this for most fields of every event, and a
     * substring per field was a large share of their time (issue #7).
     */
    public static Long parse(String text, int from, int to) {
        int b = from;
        int e = to;
        while (b < e && Character.isWhitespace(text.charAt(b))) {
            b++;
        }
        while (e > b && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        int n = e - b;
        if (n > 2 && text.charAt(b) == '0' && (text.charAt(b + 1) == 'x' || text.charAt(b + 1) == 'X')) {
            return n - 2 > MAX_HEX_DIGITS ? null : hex(text, b + 2, e);
        }
        if (n == 0 || n > MAX_DECIMAL_DIGITS + 1) {
            return null;
        }
        char sign = text.charAt(b);
        if (sign == '-' || sign == '+') {
            if (n == 1) {
                return null;
            }
            return sign == '-' ? negative(text, b + 1, e) : unsigned(text, b + 1, e);
        }
        return unsigned(text, b, e);
    }

    private static Long hex(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return null;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /** Decimal digits up to 2^64-1, kept as their 64 bits (what {@link Long#parseUnsignedLong} accepts). */
    private static Long unsigned(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            if (Long.compareUnsigned(v, UNSIGNED_MAX_DIV_10) > 0 || v == UNSIGNED_MAX_DIV_10 && d > UNSIGNED_MAX_MOD_10) {
                return null; // beyond 64 bits
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** The digits after a minus sign, down to Long.MIN_VALUE (accumulated negatively, as Long.parseLong does). */
    private static Long negative(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            if (v < Long.MIN_VALUE / 10 || v * 10 < Long.MIN_VALUE + d) {
                return null; // below Long.MIN_VALUE
            }
            v = v * 10 - d;
        }
        return v;
    }
}
