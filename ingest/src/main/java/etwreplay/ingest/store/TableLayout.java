package etwreplay.ingest.store;

import etwreplay.ingest.event.EventTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored columns of one table, in table order, as the database declares them: {@code trace_id} first
 * (the same for every row of an ingest or a replay, so not carried per row), then the others. For a raw event
 * table ({@link #read(Connection, EventTable)}) those are ts, cpu, seq, the table's own columns and
 * {@code extra}; replay's derived tables use {@link #read(Connection, String, List)}. Immutable.
 */
public final class TableLayout {
    /** The raw event table, or null for another table (a derived one). */
    final EventTable table;
    final String tableName;
    /** Every column after trace_id: the ones a {@link ColumnBatch} holds. */
    final List<String> names;
    final List<ColumnKind> kinds;

    private TableLayout(EventTable table, String tableName, List<String> names, List<ColumnKind> kinds) {
        this.table = table;
        this.tableName = tableName;
        this.names = List.copyOf(names);
        this.kinds = List.copyOf(kinds);
    }

    /** Reads the layout of {@code table} from the database, and checks it against {@link EventTable}. */
    static TableLayout read(Connection c, EventTable table) throws SQLException {
        List<String> expected = new ArrayList<>(EventTable.KEY_COLUMNS);
        expected.addAll(table.columns());
        expected.add(EventTable.EXTRA_COLUMN);
        return read(c, table, table.tableName(), expected);
    }

    /**
     * Reads the layout of table {@code tableName}, whose columns must be {@code expected} ({@code trace_id}
     * first), from the database.
     */
    public static TableLayout read(Connection c, String tableName, List<String> expected) throws SQLException {
        return read(c, null, tableName, expected);
    }

    private static TableLayout read(Connection c, EventTable table, String tableName, List<String> expected)
            throws SQLException {
        List<String> names = new ArrayList<>();
        List<ColumnKind> kinds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, tableName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    kinds.add(ColumnKind.of(rs.getString(2)));
                }
            }
        }
        if (!names.equals(expected)) {
            throw new SQLException("table " + tableName + " has columns " + names + ", expected " + expected);
        }
        return new TableLayout(table, tableName, names.subList(1, names.size()), kinds.subList(1, kinds.size()));
    }

    /** The table's name. */
    public String tableName() {
        return tableName;
    }

    public int columnCount() {
        return names.size();
    }
}
