package etwreplay.ingest.xperf;

/**
 * Splits an xperf dumper line on commas that are outside double quotes, recording where each field
 * starts and ends so a run of fields can be re-joined exactly as written (a command line with
 * unquoted commas; FORMATS.md §1). Fields can be read as strings or, without copying, as index ranges
 * of the line. Reused for every line; not thread-safe.
 */
final class FieldSplitter {
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int count;
    private int lastNul;
    private String line;

    /**
     * Splits {@code text}; returns the number of fields. Jumps from comma to comma with
     * {@link String#indexOf(int, int)}, which the JIT compiles to a vectorised scan, rather than looking
     * at each character: the split was a third of the reader's time (issue #7).
     */
    int split(String text) {
        line = text;
        count = 0;
        lastNul = text.indexOf('\0') < 0 ? -1 : text.lastIndexOf('\0');
        int fieldStart = 0;
        int quote = text.indexOf('"');
        int from = 0;
        while (true) {
            int comma = text.indexOf(',', from);
            if (quote >= 0 && (comma < 0 || quote < comma)) {
                // Commas between this quote and the next one do not split; without a closing quote, none
                // up to the end of the line do.
                int close = text.indexOf('"', quote + 1);
                if (close < 0) {
                    break;
                }
                from = close + 1;
                quote = text.indexOf('"', from);
                continue;
            }
            if (comma < 0) {
                break;
            }
            add(fieldStart, comma);
            fieldStart = comma + 1;
            from = comma + 1;
        }
        add(fieldStart, text.length());
        return count;
    }

    private void add(int from, int to) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        while (from < to && Character.isWhitespace(line.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(line.charAt(to - 1))) {
            to--;
        }
        starts[count] = from;
        ends[count] = to;
        count++;
    }

    int count() {
        return count;
    }

    /** Index of the last NUL character of the line, or -1: NULs are what a damaged export leaves. */
    int lastNul() {
        return lastNul;
    }

    /** Field {@code i}, trimmed, with enclosing quotes removed when the field is exactly one quoted string. */
    String field(int i) {
        return line.substring(from(i), to(i));
    }

    /** Where {@link #field(int) field(i)} starts in the line last split. */
    int from(int i) {
        return quotedWhole(i) ? starts[i] + 1 : starts[i];
    }

    /** Where {@link #field(int) field(i)} ends (exclusive) in the line last split. */
    int to(int i) {
        return quotedWhole(i) ? ends[i] - 1 : ends[i];
    }

    private boolean quotedWhole(int i) {
        int from = starts[i];
        int to = ends[i];
        return to - from >= 2 && line.charAt(from) == '"' && line.charAt(to - 1) == '"'
                && line.indexOf('"', from + 1) == to - 1;
    }

    /** Fields {@code first..last} (inclusive) exactly as written between them, trimmed at the ends. */
    String span(int first, int last) {
        return line.substring(spanFrom(first), spanTo(last));
    }

    /** Where {@link #span span(first, …)} starts in the line last split. */
    int spanFrom(int first) {
        return starts[first];
    }

    /** Where {@link #span span(…, last)} ends (exclusive) in the line last split. */
    int spanTo(int last) {
        return ends[last];
    }
}
