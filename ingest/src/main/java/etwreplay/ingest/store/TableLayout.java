package etwreplay.ingest.store;

import etwreplay.ingest.event.EventTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored columns of one raw event table, in table order, as the database declares them: {@code trace_id}
 * first (the same for every row of an ingest, so not carried per row), then ts, cpu, seq, the table's own
 * columns and {@code extra}. Immutable.
 */
final class TableLayout {
    final EventTable table;
    /** Every column after trace_id: the ones a {@link ColumnBatch} holds. */
    final List<String> names;
    final List<ColumnKind> kinds;

    private TableLayout(EventTable table, List<String> names, List<ColumnKind> kinds) {
        this.table = table;
        this.names = List.copyOf(names);
        this.kinds = List.copyOf(kinds);
    }

    /** Reads the layout of {@code table} from the database, and checks it against {@link EventTable}. */
    static TableLayout read(Connection c, EventTable table) throws SQLException {
        List<String> names = new ArrayList<>();
        List<ColumnKind> kinds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table.tableName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    kinds.add(ColumnKind.of(rs.getString(2)));
                }
            }
        }
        List<String> expected = new ArrayList<>(EventTable.KEY_COLUMNS);
        expected.addAll(table.columns());
        expected.add(EventTable.EXTRA_COLUMN);
        if (!names.equals(expected)) {
            throw new SQLException("table " + table.tableName() + " has columns " + names + ", expected " + expected);
        }
        return new TableLayout(table, names.subList(1, names.size()), kinds.subList(1, kinds.size()));
    }

    int columnCount() {
        return names.size();
    }
}
