package etwreplay.ingest.store;

import etwreplay.ingest.event.EventTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The members of the raw schema's ENUM types, as the database itself declares them, for each event-table
 * column stored as an ENUM ({@link EventTable#enumColumns()}). DuckDB's Appender refuses a value its ENUM
 * does not list, which would fail the whole ingest; with this list the appender stores such a value as NULL
 * and keeps its text in {@code extra} instead (schema.sql, "ENUM types"). Immutable; shared by the append
 * workers.
 */
final class EnumGuard {
    private final Map<EventTable, Set<String>[]> membersByColumn;

    private EnumGuard(Map<EventTable, Set<String>[]> membersByColumn) {
        this.membersByColumn = membersByColumn;
    }

    /** Reads the ENUM types of the database {@code c} is connected to. */
    static EnumGuard load(Connection c) throws SQLException {
        Map<String, Set<String>> types = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT type_name, unnest(labels) FROM duckdb_types()"
                     + " WHERE logical_type = 'ENUM' AND schema_name = 'main'")) {
            while (rs.next()) {
                types.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        Map<EventTable, Set<String>[]> byColumn = new EnumMap<>(EventTable.class);
        for (EventTable t : EventTable.values()) {
            List<String> columns = t.columns();
            @SuppressWarnings("unchecked")
            Set<String>[] members = new Set[columns.size()];
            for (Map.Entry<String, String> e : t.enumColumns().entrySet()) {
                Set<String> labels = types.get(e.getValue());
                if (labels == null) {
                    throw new IllegalStateException("the database has no ENUM type " + e.getValue() + " for "
                            + t.tableName() + "." + e.getKey() + " (schema.sql and EventTable disagree)");
                }
                members[columns.indexOf(e.getKey())] = Set.copyOf(labels);
            }
            byColumn.put(t, members);
        }
        return new EnumGuard(byColumn);
    }

    /**
     * For each of {@code table}'s {@link EventTable#columns()}, by index: the members of its ENUM type, or
     * null when the column is not an ENUM. Do not modify the array.
     */
    Set<String>[] members(EventTable table) {
        return membersByColumn.get(table);
    }
}
