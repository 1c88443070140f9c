package etwreplay.ingest.xperf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One event type's schema line from the {@code BeginHeader} block, e.g.
 * {@code DiskRead, TimeStamp, Process Name ( PID), ThreadID, …}. Handlers find columns by name (with
 * aliases for names that differ between xperf versions), never by position. Immutable.
 */
final class XperfSchema {
    /**
     * Columns that may hold unquoted commas; when a row has more fields than the schema, the surplus
     * belongs to the first of these the schema has (FORMATS.md §1: "the LAST column of P-Start /
     * FileName columns must be treated as rest of line"). In order of preference.
     */
    private static final List<String> FREE_TEXT = List.of("commandline", "text", "filename");

    private final String eventName;
    private final List<String> columns;
    private final List<String> keys;
    private final int freeTextColumn;
    /** Field index of a command line, kept exactly as printed (its quotes are part of it), or -1. */
    private final int verbatimField;

    XperfSchema(String eventName, List<String> columns) {
        this.eventName = eventName;
        this.columns = List.copyOf(columns);
        List<String> k = new ArrayList<>(columns.size());
        for (String c : columns) {
            k.add(key(c));
        }
        this.keys = k;
        int free = -1;
        for (String f : FREE_TEXT) {
            int i = keys.indexOf(f);
            if (i >= 0) {
                free = i;
                break;
            }
        }
        this.freeTextColumn = free;
        int cmd = keys.indexOf("commandline");
        this.verbatimField = cmd < 0 ? -1 : cmd + 1;
    }

    /** True for the field whose text is stored exactly as printed, quotes included. */
    boolean verbatim(int field) {
        return field == verbatimField;
    }

    /** Column names compare without case and spaces: {@code Process Name ( PID)} = {@code processname(pid)}. */
    static String key(String columnName) {
        StringBuilder sb = new StringBuilder(columnName.length());
        for (int i = 0; i < columnName.length(); i++) {
            char c = columnName.charAt(i);
            if (!Character.isWhitespace(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    String eventName() {
        return eventName;
    }

    /** Column names after the event name; index 0 is {@code TimeStamp}. Field i of a row is column i-1. */
    List<String> columns() {
        return columns;
    }

    int size() {
        return columns.size();
    }

    /** Field index (1-based: field 0 is the event name) of the first column named like any alias, or -1. */
    int field(String... aliases) {
        for (String a : aliases) {
            int i = keys.indexOf(key(a));
            if (i >= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Field index of the n-th (0-based) column named {@code alias}, or -1. */
    int nthField(String alias, int n) {
        String k = key(alias);
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).equals(k) && n-- == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Field index of the column that absorbs surplus fields, or -1. */
    int freeTextField() {
        return freeTextColumn < 0 ? -1 : freeTextColumn + 1;
    }

    /** Field index → the column's name as written in the header. */
    String columnName(int field) {
        return columns.get(field - 1);
    }
}
