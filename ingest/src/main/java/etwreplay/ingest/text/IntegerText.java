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

    private IntegerText() {
    }

    /** The value, or null when the text is not an integer that fits in 64 bits. */
    public static Long parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        int n = s.length();
        if (n > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            if (n - 2 > MAX_HEX_DIGITS) {
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
        if (n == 0 || n > MAX_DECIMAL_DIGITS + 1) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && !(i == 0 && (c == '-' || c == '+') && n > 1)) {
                return null;
            }
        }
        try {
            if (s.charAt(0) == '-') {
                return Long.parseLong(s);
            }
            return Long.parseUnsignedLong(s.charAt(0) == '+' ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null; // beyond 64 bits
        }
    }
}
