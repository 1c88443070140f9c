package etwreplay.ingest.wpa;

import java.math.BigDecimal;

/**
 * Reads numbers written in the exporting machine's locale (FORMATS.md §5): {@code 15,184.553} (en-US),
 * {@code 16.384} and {@code 1,079943800} (pt-BR), {@code 1 234,5} (fr-FR, with a no-break space),
 * {@code 1'234.5} (de-CH). The file's decimal separator is learned from cells that can only be read one
 * way — a cell with both {@code .} and {@code ,} (the last is the decimal), a separator repeated (it is
 * the grouping one), a separator not followed by exactly three digits or following a lone {@code 0} or
 * more than three digits (it is the decimal one), a separator in a whole-number column such as bytes or
 * counts (it groups). A cell like {@code 1.234} is read only once the file has shown which separator is
 * which; until then, or when the file contradicts itself, it is {@link Problem#AMBIGUOUS}, never guessed.
 * One file's state; not thread-safe.
 */
final class WpaNumbers {
    /** Why a cell did not give a number. */
    enum Problem { NONE, AMBIGUOUS, INVALID }

    /** A parse result: the value, or the problem. */
    record Result(BigDecimal value, Problem problem) {
        static final Result INVALID = new Result(null, Problem.INVALID);
        static final Result AMBIGUOUS = new Result(null, Problem.AMBIGUOUS);
    }

    /** '.' or ',' once learned, else 0. */
    private char decimal;
    private boolean contradicted;

    /** The decimal separator learned so far, or 0. */
    char decimalSeparator() {
        return contradicted ? 0 : decimal;
    }

    /** Learns from one cell of a numeric column; {@code whole} for columns that cannot hold fractions. */
    void learn(String cell, boolean whole) {
        char d = evidence(normalize(cell), whole);
        if (d == 0) {
            return;
        }
        if (decimal == 0) {
            decimal = d;
        } else if (decimal != d) {
            contradicted = true;
        }
    }

    /** The decimal separator {@code s} proves on its own, or 0. */
    private static char evidence(String s, boolean whole) {
        if (s == null) {
            return 0;
        }
        int dot = s.indexOf('.');
        int comma = s.indexOf(',');
        if (dot >= 0 && comma >= 0) {
            return Math.max(s.lastIndexOf('.'), s.lastIndexOf(',')) == s.lastIndexOf('.') ? '.' : ',';
        }
        if (dot < 0 && comma < 0) {
            return 0;
        }
        char sep = dot >= 0 ? '.' : ',';
        char other = sep == '.' ? ',' : '.';
        int first = s.indexOf(sep);
        if (first != s.lastIndexOf(sep)) {
            return other;
        }
        int after = s.length() - first - 1;
        String before = s.charAt(0) == '-' || s.charAt(0) == '+' ? s.substring(1, first) : s.substring(0, first);
        if (after != 3 || before.length() > 3 || before.equals("0") || before.isEmpty()) {
            return sep;
        }
        return whole ? other : 0;
    }

    /**
     * The value of {@code cell}; {@code whole} for whole-number columns. Null cells and empty cells give
     * a null value with {@link Problem#NONE}.
     */
    Result parse(String cell, boolean whole) {
        String s = normalize(cell);
        if (s == null) {
            return new Result(null, Problem.NONE);
        }
        if (!s.matches("[+-]?[0-9][0-9.,]*")) {
            return Result.INVALID;
        }
        char d = decimalSeparator();
        char own = evidence(s, whole);
        if (own != 0 && d != 0 && own != d) {
            return Result.INVALID;
        }
        if (d == 0) {
            d = own;
        }
        boolean hasSeparator = s.indexOf('.') >= 0 || s.indexOf(',') >= 0;
        if (d == 0 && hasSeparator) {
            return Result.AMBIGUOUS;
        }
        char g = d == '.' ? ',' : '.';
        String plain = s.replace(String.valueOf(g), "");
        if (!checkGroups(s, g, d)) {
            return Result.INVALID;
        }
        plain = plain.replace(d, '.');
        try {
            BigDecimal v = new BigDecimal(plain);
            if (whole && v.stripTrailingZeros().scale() > 0) {
                return Result.INVALID;
            }
            return new Result(v, Problem.NONE);
        } catch (NumberFormatException e) {
            return Result.INVALID;
        }
    }

    /** Grouping separators, if any, must fall every three digits of the whole part. */
    private static boolean checkGroups(String s, char g, char d) {
        int end = s.indexOf(d) >= 0 ? s.indexOf(d) : s.length();
        if (s.indexOf(g, end) >= 0) {
            return false;
        }
        int digits = 0;
        boolean grouped = false;
        for (int i = end - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == g) {
                if (digits != 3) {
                    return false;
                }
                grouped = true;
                digits = 0;
            } else if (Character.isDigit(c)) {
                digits++;
            }
        }
        return !grouped || (digits >= 1 && digits <= 3);
    }

    /** Strips the cell and the grouping-only characters (spaces, no-break spaces, apostrophe); null if empty. */
    private static String normalize(String cell) {
        if (cell == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c != ' ' && c != '\u00A0' && c != '\u202F' && c != '\'' && c != '\u2019') {
                sb.append(c);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
