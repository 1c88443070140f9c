package etwreplay.ingest.xperf;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.text.IntegerText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data line being handled, seen through its schema. Typed getters parse xperf's renderings
 * (hex with {@code 0x}, decimal, {@code <none>}, {@code name ( pid)}) and count what they cannot read
 * instead of throwing. Every field a handler reads is marked used; the rest become the row's
 * {@code extra} map, so nothing the source printed is lost. Fields are kept as index ranges of the line
 * and read in place: only text a row stores becomes a string (issue #7: a substring per field was the
 * reader's largest cost). Reused for every line; not thread-safe.
 */
final class XperfRow {
    private static final String NONE = "<none>";
    private static final String OUT_OF_RANGE = "<out of range>";

    private final EventSink sink;
    private final FieldSplitter splitter = new FieldSplitter();
    private XperfSchema schema;
    /** Where each bound field lies in {@link #line}: {@code [from, to)}; from is -1 for a field the line lacks. */
    private int[] from = new int[64];
    private int[] to = new int[64];
    private boolean[] used = new boolean[64];
    private int fieldCount;
    private long lineNumber;
    private long ts;
    private String line;
    /** Surplus fields that no column absorbed (by position), or null. */
    private Map<String, String> surplus;
    private Map<String, String> unreadable;

    XperfRow(EventSink sink) {
        this.sink = sink;
    }

    /** Splits {@code text}; returns the number of raw fields (0 = event name). */
    int split(String text) {
        line = text;
        return splitter.split(text);
    }

    /** Index of the last NUL character of the line last split, or -1. */
    int lastNul() {
        return splitter.lastNul();
    }

    /** The trimmed raw field {@code i} of the last split line. */
    String rawField(int i) {
        return splitter.field(i);
    }

    /** Where {@link #rawField rawField(i)} starts in the line last split. */
    int rawFrom(int i) {
        return splitter.from(i);
    }

    /** Where {@link #rawField rawField(i)} ends (exclusive) in the line last split. */
    int rawTo(int i) {
        return splitter.to(i);
    }

    int rawCount() {
        return splitter.count();
    }

    /**
     * Binds the last split line to {@code schema}: surplus fields are folded into the schema's free-text
     * column or kept by position, missing ones are NULL; both are counted.
     */
    void bind(XperfSchema s, long lineNo, long timestampNs) {
        this.schema = s;
        this.lineNumber = lineNo;
        this.ts = timestampNs;
        this.surplus = null;
        this.unreadable = null;
        int expected = s.size() + 1;
        int actual = splitter.count();
        if (from.length < Math.max(expected, actual)) {
            from = new int[Math.max(expected, actual) * 2];
            to = new int[from.length];
            used = new boolean[from.length];
        }
        int free = s.freeTextField();
        if (actual > expected && free > 0) {
            int excess = actual - expected;
            for (int i = 0; i < free; i++) {
                bindField(i, s.verbatim(i));
            }
            from[free] = splitter.spanFrom(free);
            to[free] = splitter.spanTo(free + excess);
            for (int i = free + 1; i < expected; i++) {
                from[i] = splitter.from(i + excess);
                to[i] = splitter.to(i + excess);
            }
        } else {
            int n = Math.min(actual, expected);
            for (int i = 0; i < n; i++) {
                bindField(i, s.verbatim(i));
            }
            for (int i = n; i < expected; i++) {
                from[i] = -1;
            }
            if (actual != expected) {
                sink.anomaly(Anomaly.FIELD_COUNT_MISMATCH, location(), line);
                if (actual > expected) {
                    surplus = new LinkedHashMap<>();
                    for (int i = expected; i < actual; i++) {
                        surplus.put("field" + i, splitter.field(i));
                    }
                }
            }
        }
        fieldCount = expected;
        java.util.Arrays.fill(used, 0, fieldCount, false);
        used[0] = true;
        used[1] = true;
    }

    /** Field {@code i} as split (quotes removed), or exactly as written when verbatim. */
    private void bindField(int i, boolean verbatim) {
        from[i] = verbatim ? splitter.spanFrom(i) : splitter.from(i);
        to[i] = verbatim ? splitter.spanTo(i) : splitter.to(i);
    }

    String location() {
        return "line " + lineNumber;
    }

    long ts() {
        return ts;
    }

    XperfSchema schema() {
        return schema;
    }

    /** The text of field {@code f} as bound; null when the line lacks it. */
    private String value(int f) {
        return from[f] < 0 ? null : line.substring(from[f], to[f]);
    }

    /** True when field {@code f} holds exactly {@code text}. */
    private boolean holds(int f, String text) {
        return to[f] - from[f] == text.length() && line.startsWith(text, from[f]);
    }

    /** True when field {@code f} is absent, empty or {@code <none>}: NULL, and not kept in extra. */
    private boolean blank(int f) {
        return from[f] < 0 || from[f] == to[f] || holds(f, NONE);
    }

    /**
     * Marks field {@code f} used; true when it holds a value to read. {@code <out of range>} is counted
     * and read as NULL.
     */
    private boolean readable(int f) {
        if (f < 0 || f >= fieldCount) {
            return false;
        }
        used[f] = true;
        if (blank(f)) {
            return false;
        }
        if (holds(f, OUT_OF_RANGE)) {
            sink.anomaly(Anomaly.OUT_OF_RANGE_VALUE, location(), schema.columnName(f) + " = " + OUT_OF_RANGE);
            return false;
        }
        return true;
    }

    /** Raw text of field {@code f} (marked used); null when absent, empty or {@code <none>}. */
    String text(int f) {
        return readable(f) ? line.substring(from[f], to[f]) : null;
    }

    /** Marks field {@code f} as deliberately not stored (e.g. a rendering of a stored numeric column). */
    void skip(int f) {
        if (f >= 0 && f < fieldCount) {
            used[f] = true;
        }
    }

    /** A number: {@code 0x}-prefixed hex (unsigned 64-bit) or signed decimal; null when absent. */
    Long number(int f) {
        if (!readable(f)) {
            return null;
        }
        Long n = IntegerText.parse(line, from[f], to[f]);
        if (n == null) {
            unreadable(f, value(f));
        }
        return n;
    }

    Integer int32(int f) {
        Long n = number(f);
        return n == null ? null : Integer.valueOf(n.intValue());
    }

    /** A process or thread id; -1 (xperf's "unknown") is NULL. */
    Integer id(int f) {
        Long n = number(f);
        return n == null || n == -1L || n == 0xFFFFFFFFL ? null : Integer.valueOf(n.intValue());
    }

    /** A duration column printed in microseconds (integer or decimal), as nanoseconds. */
    Long micros(int f) {
        if (!readable(f)) {
            return null;
        }
        Long ns = XperfValues.parseMicrosAsNanos(line, from[f], to[f]);
        if (ns == null) {
            unreadable(f, value(f));
        }
        return ns;
    }

    /** The name part of a {@code name ( pid)} cell. */
    String processName(int f) {
        return readable(f) ? XperfValues.processName(line, from[f], to[f]) : null;
    }

    /** The pid part of a {@code name ( pid)} cell; NULL when absent or -1. */
    Integer processId(int f) {
        if (!readable(f)) {
            return null;
        }
        Long pid = XperfValues.processId(line, from[f], to[f]);
        return pid == null || pid == -1L ? null : Integer.valueOf(pid.intValue());
    }

    /** True/False, Yes/No, 1/0. */
    Boolean bool(int f) {
        String v = text(f);
        if (v == null) {
            return null;
        }
        Boolean b = XperfValues.parseBoolean(v);
        if (b == null) {
            unreadable(f, v);
        }
        return b;
    }

    /** Keeps text that a typed getter could not read, under its column name, and counts it. */
    void unreadable(int f, String text) {
        sink.anomaly(Anomaly.UNPARSEABLE_VALUE, location(), schema.columnName(f) + " = " + text);
        if (unreadable == null) {
            unreadable = new LinkedHashMap<>();
        }
        unreadable.put(schema.columnName(f), text);
    }

    /** Counts a name the canonical tables do not know and keeps it in extra. */
    void unknownName(int f, String text) {
        sink.anomaly(Anomaly.UNKNOWN_NAME, location(), schema.columnName(f) + " = " + text);
        if (unreadable == null) {
            unreadable = new LinkedHashMap<>();
        }
        unreadable.put(schema.columnName(f), text);
    }

    /**
     * Fields the handler did not read (by column name; a repeated name gets {@code #2}…), unreadable
     * text, and surplus fields; null when there are none.
     */
    Map<String, String> extra() {
        Map<String, String> out = unreadable;
        for (int f = 2; f < fieldCount; f++) {
            if (used[f] || blank(f)) {
                continue;
            }
            String v = value(f);
            if (out == null) {
                out = new LinkedHashMap<>();
            }
            String name = schema.columnName(f);
            String k = name;
            for (int n = 2; out.containsKey(k); n++) {
                k = name + "#" + n;
            }
            out.put(k, v);
        }
        if (surplus != null) {
            if (out == null) {
                out = new LinkedHashMap<>();
            }
            out.putAll(surplus);
        }
        return out;
    }

    /** Every field by column name, for events the canonical tables do not model. */
    Map<String, String> allFields() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int f = 2; f < fieldCount; f++) {
            String name = schema.columnName(f);
            String k = name;
            for (int n = 2; out.containsKey(k); n++) {
                k = name + "#" + n;
            }
            out.put(k, value(f));
        }
        if (surplus != null) {
            out.putAll(surplus);
        }
        return out;
    }
}
