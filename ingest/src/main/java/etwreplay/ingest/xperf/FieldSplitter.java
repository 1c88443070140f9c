package etwreplay.ingest.xperf;

/**
 * Splits an xperf dumper line on commas that are outside double quotes, recording where each field
 * starts and ends so a run of fields can be re-joined exactly as written (a command line with
 * unquoted commas; FORMATS.md §1). Reused for every line; not thread-safe.
 */
final class FieldSplitter {
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int count;
    private String line;

    /** Splits {@code text}; returns the number of fields. */
    int split(String text) {
        line = text;
        count = 0;
        int fieldStart = 0;
        boolean quoted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                add(fieldStart, i);
                fieldStart = i + 1;
            }
        }
        add(fieldStart, n);
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

    /** Field {@code i}, trimmed, with enclosing quotes removed when the field is exactly one quoted string. */
    String field(int i) {
        int from = starts[i];
        int to = ends[i];
        if (to - from >= 2 && line.charAt(from) == '"' && line.charAt(to - 1) == '"'
                && line.indexOf('"', from + 1) == to - 1) {
            return line.substring(from + 1, to - 1);
        }
        return line.substring(from, to);
    }

    /** Fields {@code first..last} (inclusive) exactly as written between them, trimmed at the ends. */
    String span(int first, int last) {
        return line.substring(starts[first], ends[last]);
    }
}
