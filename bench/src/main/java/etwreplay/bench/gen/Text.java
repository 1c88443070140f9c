package etwreplay.bench.gen;

/** Allocation-light number formatting for the text writers (String.format is too slow for 10 GB). */
final class Text {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private Text() {
    }

    /** {@code 0x} and {@code digits} lower-case hex digits, zero-padded (more when the value needs them). */
    static StringBuilder hex(StringBuilder sb, long v, int digits) {
        sb.append("0x");
        int n = Math.max(digits, (64 - Long.numberOfLeadingZeros(v) + 3) / 4);
        for (int i = n - 1; i >= 0; i--) {
            sb.append(HEX[(int) (v >>> (4 * i)) & 0xF]);
        }
        return sb;
    }

    /** {@code 0x} and upper-case hex without leading zeros, as tracerpt prints pointers. */
    static StringBuilder hexUpper(StringBuilder sb, long v) {
        sb.append("0x");
        int n = Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 3) / 4);
        for (int i = n - 1; i >= 0; i--) {
            sb.append(HEX_UPPER[(int) (v >>> (4 * i)) & 0xF]);
        }
        return sb;
    }

    /** {@code v} right-aligned in {@code width} characters. */
    static StringBuilder pad(StringBuilder sb, long v, int width) {
        int len = sb.length();
        sb.append(v);
        int w = sb.length() - len;
        if (w < width) {
            sb.insert(len, "                                ", 0, width - w);
        }
        return sb;
    }

    /** {@code s} right-aligned in {@code width} characters. */
    static StringBuilder pad(StringBuilder sb, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb.append(s);
    }
}
