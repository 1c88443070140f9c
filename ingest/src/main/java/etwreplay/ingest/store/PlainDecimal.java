package etwreplay.ingest.store;

/**
 * A double as plain decimal text: the text of {@code new BigDecimal(Double.toString(d)).stripTrailingZeros()
 * .toPlainString()} (no exponent, no trailing zeros, {@code 0} for either zero), built by moving the decimal
 * point in {@link Double#toString}'s digits instead of through a BigDecimal and its BigInteger. A
 * whole-trace report prints tens of millions of µs values (three per row of cpu_timeline), and the
 * BigDecimal round trip was a third of their cost. Non-finite values, which a BigDecimal cannot hold, are
 * {@link Double#toString}'s text.
 */
final class PlainDecimal {
    private PlainDecimal() {
    }

    static String of(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        if (d == 0) {
            return "0";
        }
        String s = Double.toString(d); // [-]digits.digits[E[-]exponent], at least one digit each side
        boolean negative = s.charAt(0) == '-';
        int e = s.indexOf('E');
        if (e < 0) {
            // 10^-3 <= |d| < 10^7: already plain; only trailing zeros (and then the point) go.
            int last = s.length() - 1;
            while (s.charAt(last) == '0') {
                last--;
            }
            return s.substring(0, s.charAt(last) == '.' ? last : last + 1);
        }
        int end = e;
        int exponent = Integer.parseInt(s, e + 1, s.length(), 10);
        int dot = s.indexOf('.');
        int from = negative ? 1 : 0;
        // The significant digits without the point; the value is digits × 10^-scale.
        StringBuilder digits = new StringBuilder(end - from).append(s, from, dot).append(s, dot + 1, end);
        int scale = (end - dot - 1) - exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits.delete(0, lead);
        while (digits.length() > 1 && digits.charAt(digits.length() - 1) == '0') {
            digits.setLength(digits.length() - 1);
            scale--;
        }
        StringBuilder out = new StringBuilder(digits.length() + Math.abs(scale) + 3);
        if (negative) {
            out.append('-');
        }
        int n = digits.length();
        if (scale <= 0) {
            out.append(digits);
            out.append("0".repeat(-scale));
        } else if (scale >= n) {
            out.append("0.").append("0".repeat(scale - n)).append(digits);
        } else {
            out.append(digits, 0, n - scale).append('.').append(digits, n - scale, n);
        }
        return out.toString();
    }
}
