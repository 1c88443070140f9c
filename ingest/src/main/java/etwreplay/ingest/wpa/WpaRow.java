package etwreplay.ingest.wpa;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data row being handled, seen through its table's header. Typed getters read cells by column name
 * (with aliases), convert units named in the titles to ns or bytes, read numbers through the file's
 * {@link WpaNumbers}, and count what they cannot read — an ambiguous number is
 * {@link Anomaly#AMBIGUOUS_NUMBER}, never a guess — keeping the text in extra. Cells a handler does not
 * read become the row's extra under their column titles. Reused for every row; not thread-safe.
 */
final class WpaRow {
    /** Column names (keys) that hold whole numbers: ids, counts, queue depths. */
    private static final Set<String> WHOLE = Set.of("count", "disk", "cpu", "threadid", "newthreadid",
            "oldthreadid", "readyingthreadid", "pid", "processid", "qdiqueuedepthatinittime",
            "qdcqueuedepthatcompletetime", "newthreadpriority", "oldthreadpriority", "vector");

    private final List<WpaColumn> columns;
    private final Map<String, Integer> byKey = new HashMap<>();
    private final boolean[] wholeColumn;
    private final WpaNumbers numbers;
    private final EventSink sink;
    private List<String> cells;
    private boolean[] used;
    private String location;
    private Map<String, String> kept;

    WpaRow(List<WpaColumn> columns, WpaNumbers numbers, EventSink sink) {
        this.columns = columns;
        this.numbers = numbers;
        this.sink = sink;
        this.wholeColumn = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            WpaColumn c = columns.get(i);
            byKey.putIfAbsent(WpaColumn.key(c.name()), i);
            byKey.putIfAbsent(WpaColumn.key(c.title()), i);
            String k = WpaColumn.key(c.name());
            wholeColumn[i] = c.unit() == WpaColumn.Unit.BYTES || WHOLE.contains(k);
        }
    }

    List<WpaColumn> columns() {
        return columns;
    }

    /** Index of the first column named like any alias (name without unit, or full title), or -1. */
    int column(String... aliases) {
        for (String a : aliases) {
            Integer i = byKey.get(WpaColumn.key(a));
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    /** Learns the file's number format from every numeric cell of {@code row}. */
    void learn(List<String> row) {
        for (int i = 0; i < row.size() && i < columns.size(); i++) {
            String v = row.get(i);
            if (!v.isEmpty() && Character.isDigit(v.charAt(0)) && !v.startsWith("0x")) {
                numbers.learn(v, wholeColumn[i]);
            }
        }
    }

    void bind(List<String> row, String where) {
        cells = row;
        location = where;
        kept = null;
        if (used == null || used.length < columns.size()) {
            used = new boolean[columns.size()];
        }
        Arrays.fill(used, false);
    }

    String location() {
        return location;
    }

    /** Text of cell {@code c} (marked read); null when absent or empty. */
    String text(int c) {
        if (c < 0 || c >= cells.size() || c >= columns.size()) {
            return null;
        }
        used[c] = true;
        String v = cells.get(c);
        return v.isEmpty() ? null : v;
    }

    /** A whole number: hex ({@code 0x…}) or decimal in the file's locale; null and counted when unreadable. */
    Long whole(int c) {
        String v = text(c);
        if (v == null) {
            return null;
        }
        if (v.startsWith("0x") || v.startsWith("0X")) {
            try {
                return Long.parseUnsignedLong(v.substring(2), 16);
            } catch (NumberFormatException e) {
                return problem(c, v, WpaNumbers.Problem.INVALID);
            }
        }
        BigDecimal d = decimal(c, v, true);
        if (d == null) {
            return null;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            return problem(c, v, WpaNumbers.Problem.INVALID);
        }
    }

    Integer int32(int c) {
        Long v = whole(c);
        return v == null ? null : Integer.valueOf(v.intValue());
    }

    /**
     * A time or duration in ns, by the unit in the column title; null and counted when unreadable, or
     * when the title names no time unit.
     */
    Long nanos(int c) {
        String v = text(c);
        if (v == null) {
            return null;
        }
        WpaColumn col = columns.get(c);
        if (!col.unit().isTime()) {
            sink.anomaly(Anomaly.UNRESOLVED_TIME, location, col.title() + " names no time unit: " + v);
            keep(col.title(), v);
            return null;
        }
        BigDecimal d = decimal(c, v, false);
        if (d == null) {
            return null;
        }
        try {
            return d.multiply(BigDecimal.valueOf(col.unit().factor)).setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        } catch (ArithmeticException e) {
            return problem(c, v, WpaNumbers.Problem.INVALID);
        }
    }

    /** Parses {@code cell} as a fractional number without counting anything (for generic rows' ts). */
    WpaNumbers.Result numbersResult(String cell) {
        return numbers.parse(cell, false);
    }

    private BigDecimal decimal(int c, String v, boolean whole) {
        WpaNumbers.Result r = numbers.parse(v, whole || wholeColumn[c]);
        if (r.problem() != WpaNumbers.Problem.NONE) {
            problem(c, v, r.problem());
            return null;
        }
        return r.value();
    }

    private Long problem(int c, String v, WpaNumbers.Problem p) {
        String title = columns.get(c).title();
        sink.anomaly(p == WpaNumbers.Problem.AMBIGUOUS ? Anomaly.AMBIGUOUS_NUMBER : Anomaly.UNPARSEABLE_VALUE,
                location, title + " = " + v);
        keep(title, v);
        return null;
    }

    /** Counts a name the canonical tables do not know and keeps it in extra. */
    void unknownName(String title, String text) {
        sink.anomaly(Anomaly.UNKNOWN_NAME, location, title + " = " + text);
        keep(title, text);
    }

    /** Keeps a cell's text in extra (its anomaly is counted by the caller). */
    void keep(String title, String v) {
        if (kept == null) {
            kept = new LinkedHashMap<>();
        }
        kept.put(title, v);
    }

    /** The name part of a {@code name (pid)} cell (or the whole cell). */
    String processName(int c) {
        String v = text(c);
        if (v == null) {
            return null;
        }
        int open = v.lastIndexOf('(');
        return open > 0 && v.endsWith(")") && isDigits(v.substring(open + 1, v.length() - 1).strip())
                ? v.substring(0, open).strip() : v;
    }

    /** The pid part of a {@code name (pid)} cell; null when the cell has none. */
    Integer processId(int c) {
        String v = text(c);
        if (v == null) {
            return null;
        }
        int open = v.lastIndexOf('(');
        if (open < 0 || !v.endsWith(")")) {
            return null;
        }
        String id = v.substring(open + 1, v.length() - 1).strip();
        return isDigits(id) ? Integer.valueOf(Integer.parseInt(id)) : null;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit);
    }

    /** Cells not read (by column title) and text kept by getters; null when none. */
    Map<String, String> extra() {
        Map<String, String> out = null;
        for (int i = 0; i < columns.size() && i < cells.size(); i++) {
            if (!used[i] && !cells.get(i).isEmpty()) {
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(columns.get(i).title(), cells.get(i));
            }
        }
        if (kept != null) {
            if (out == null) {
                out = new LinkedHashMap<>();
            }
            out.putAll(kept);
        }
        return out;
    }

    /** Every cell by column title, as printed (for rows kept in generic_event). */
    Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> titles = new ArrayList<>();
        for (WpaColumn c : columns) {
            titles.add(c.title());
        }
        for (int i = 0; i < titles.size(); i++) {
            String k = titles.get(i);
            for (int n = 2; out.containsKey(k); n++) {
                k = titles.get(i) + "#" + n;
            }
            out.put(k, i < cells.size() ? cells.get(i) : null);
        }
        return out;
    }
}
