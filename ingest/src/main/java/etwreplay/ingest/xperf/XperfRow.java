package etwreplay.ingest.xperf;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data line being handled, seen through its schema. Typed getters parse xperf's renderings
 * (hex with {@code 0x}, decimal, {@code <none>}, {@code name ( pid)}) and count what they cannot read
 * instead of throwing. Every field a handler reads is marked used; the rest become the row's
 * {@code extra} map, so nothing the source printed is lost. Reused for every line; not thread-safe.
 */
final class XperfRow {
    private static final String NONE = "<none>";
    private static final String OUT_OF_RANGE = "<out of range>";

    private final EventSink sink;
    private final FieldSplitter splitter = new FieldSplitter();
    private XperfSchema schema;
    private String[] fields = new String[64];
    private boolean[] used = new boolean[64];
    private int fieldCount;
    private long lineNumber;
    private long ts;
    private String rawLine;
    /** Surplus fields that no column absorbed (by position), or null. */
    private Map<String, String> surplus;
    private Map<String, String> unreadable;

    XperfRow(EventSink sink) {
        this.sink = sink;
    }

    /** Splits {@code line}; returns the number of raw fields (0 = event name). */
    int split(String line) {
        rawLine = line;
        return splitter.split(line);
    }

    /** The trimmed raw field {@code i} of the last split line. */
    String rawField(int i) {
        return splitter.field(i);
    }

    int rawCount() {
        return splitter.count();
    }

    /**
     * Binds the last split line to {@code schema}: surplus fields are folded into the schema's free-text
     * column or kept by position, missing ones are NULL; both are counted.
     */
    void bind(XperfSchema s, long line, long timestampNs) {
        this.schema = s;
        this.lineNumber = line;
        this.ts = timestampNs;
        this.surplus = null;
        this.unreadable = null;
        int expected = s.size() + 1;
        int actual = splitter.count();
        if (fields.length < Math.max(expected, actual)) {
            fields = new String[Math.max(expected, actual) * 2];
            used = new boolean[fields.length];
        }
        int free = s.freeTextField();
        if (actual > expected && free > 0) {
            int excess = actual - expected;
            for (int i = 0; i < free; i++) {
                fields[i] = s.verbatim(i) ? splitter.span(i, i) : splitter.field(i);
            }
            fields[free] = splitter.span(free, free + excess);
            for (int i = free + 1; i < expected; i++) {
                fields[i] = splitter.field(i + excess);
            }
        } else {
            int n = Math.min(actual, expected);
            for (int i = 0; i < n; i++) {
                fields[i] = s.verbatim(i) ? splitter.span(i, i) : splitter.field(i);
            }
            for (int i = n; i < expected; i++) {
                fields[i] = null;
            }
            if (actual != expected) {
                sink.anomaly(Anomaly.FIELD_COUNT_MISMATCH, location(), rawLine);
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

    String location() {
        return "line " + lineNumber;
    }

    long ts() {
        return ts;
    }

    XperfSchema schema() {
        return schema;
    }

    /** Raw text of field {@code f} (marked used); null when absent, empty or {@code <none>}. */
    String text(int f) {
        if (f < 0 || f >= fieldCount) {
            return null;
        }
        used[f] = true;
        String v = fields[f];
        if (v == null || v.isEmpty() || NONE.equals(v)) {
            return null;
        }
        if (OUT_OF_RANGE.equals(v)) {
            sink.anomaly(Anomaly.OUT_OF_RANGE_VALUE, location(), schema.columnName(f) + " = " + OUT_OF_RANGE);
            return null;
        }
        return v;
    }

    /** Marks field {@code f} as deliberately not stored (e.g. a rendering of a stored numeric column). */
    void skip(int f) {
        if (f >= 0 && f < fieldCount) {
            used[f] = true;
        }
    }

    /** A number: {@code 0x}-prefixed hex (unsigned 64-bit) or signed decimal; null when absent. */
    Long number(int f) {
        String v = text(f);
        if (v == null) {
            return null;
        }
        Long n = XperfValues.parseNumber(v);
        if (n == null) {
            unreadable(f, v);
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
        String v = text(f);
        if (v == null) {
            return null;
        }
        Long ns = XperfValues.parseMicrosAsNanos(v);
        if (ns == null) {
            unreadable(f, v);
        }
        return ns;
    }

    /** The name part of a {@code name ( pid)} cell. */
    String processName(int f) {
        String v = text(f);
        return v == null ? null : XperfValues.processName(v);
    }

    /** The pid part of a {@code name ( pid)} cell; NULL when absent or -1. */
    Integer processId(int f) {
        String v = text(f);
        if (v == null) {
            return null;
        }
        Long pid = XperfValues.processId(v);
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
            if (used[f]) {
                continue;
            }
            String v = fields[f];
            if (v == null || v.isEmpty() || NONE.equals(v)) {
                continue;
            }
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
            out.put(k, fields[f]);
        }
        if (surplus != null) {
            out.putAll(surplus);
        }
        return out;
    }
}
