package etwreplay.ingest.wpa;

import java.util.Locale;

/**
 * One column title of a WPA table export, split into its name and the unit WPA writes in parentheses:
 * {@code Disk Service Time (µs)} → name {@code Disk Service Time}, {@link Unit#MICROSECONDS}. A
 * parenthesised suffix that is not a unit stays part of the name ({@code Process (Name)}). Immutable.
 */
record WpaColumn(String title, String name, Unit unit) {
    /** Units WPA names in column titles, with their factor to nanoseconds (time) or bytes (size). */
    enum Unit {
        NONE(0), SECONDS(1_000_000_000L), MILLISECONDS(1_000_000L), MICROSECONDS(1_000L), NANOSECONDS(1L), BYTES(1);

        final long factor;

        Unit(long factor) {
            this.factor = factor;
        }

        boolean isTime() {
            return this == SECONDS || this == MILLISECONDS || this == MICROSECONDS || this == NANOSECONDS;
        }
    }

    static WpaColumn of(String title) {
        String t = title.strip();
        if (t.endsWith(")")) {
            int open = t.lastIndexOf('(');
            if (open > 0) {
                Unit u = unit(t.substring(open + 1, t.length() - 1).strip());
                if (u != Unit.NONE) {
                    return new WpaColumn(t, t.substring(0, open).strip(), u);
                }
            }
        }
        return new WpaColumn(t, t, Unit.NONE);
    }

    /** {@code µs} (micro sign U+00B5 or Greek mu U+03BC) / {@code us}, {@code ms}, {@code s}, {@code ns}, {@code B}. */
    private static Unit unit(String u) {
        switch (u.replace('\u03BC', '\u00B5')) {
            case "s", "sec":
                return Unit.SECONDS;
            case "ms":
                return Unit.MILLISECONDS;
            case "\u00B5s", "us":
                return Unit.MICROSECONDS;
            case "ns":
                return Unit.NANOSECONDS;
            case "B", "bytes", "Bytes":
                return Unit.BYTES;
            default:
                return Unit.NONE;
        }
    }

    /** Names compare without case, spaces and punctuation: {@code Thread ID} = {@code ThreadId}. */
    static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
