package etwreplay.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query result materialised as text: column names and rows of cell strings (NULL is {@code null}).
 * Rendering is locale-independent so expected outputs compare byte for byte. Immutable.
 */
public final class ResultTable {
    private final List<String> columns;
    private final List<String> types;
    private final List<List<String>> rows;
    private final boolean truncated;

    public ResultTable(List<String> columns, List<String> types, List<List<String>> rows) {
        this(columns, types, rows, false);
    }

    private ResultTable(List<String> columns, List<String> types, List<List<String>> rows, boolean truncated) {
        this.columns = List.copyOf(columns);
        this.types = List.copyOf(types);
        this.rows = Collections.unmodifiableList(rows);
        this.truncated = truncated;
    }

    static ResultTable query(Connection connection, String sql, Object... params) throws SQLException {
        return query(connection, Long.MAX_VALUE, sql, params);
    }

    /** As {@link #query(Connection, String, Object...)}, keeping at most {@code maxRows} rows. */
    static ResultTable query(Connection connection, long maxRows, String sql, Object... params) throws SQLException {
        // Always prepared: DuckDB's JDBC Statement.execute loses the real error message (e.g. read-only).
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            if (!ps.execute()) {
                return new ResultTable(List.of("rows_changed"), List.of("BIGINT"),
                        List.of(List.of(Long.toString(Math.max(0, ps.getUpdateCount())))));
            }
            try (ResultSet rs = ps.getResultSet()) {
                return from(rs, maxRows);
            }
        }
    }

    /** Materialises every row of {@code rs}. */
    public static ResultTable from(ResultSet rs) throws SQLException {
        return from(rs, Long.MAX_VALUE);
    }

    /**
     * Materialises the first {@code maxRows} rows of {@code rs}; {@link #truncated()} tells whether it had
     * more. DuckDB's JDBC driver ignores {@code Statement.setMaxRows}, hence the count here.
     */
    public static ResultTable from(ResultSet rs, long maxRows) throws SQLException {
        ResultCells cells = ResultCells.of(rs);
        List<List<String>> rows = new ArrayList<>();
        boolean more = false;
        while (rs.next()) {
            if (rows.size() >= maxRows) {
                more = true;
                break;
            }
            rows.add(cells.read(rs));
        }
        return new ResultTable(cells.columns(), cells.types(), rows, more);
    }

    /** True when the result had more rows than were kept ({@link #from(ResultSet, long)}). */
    public boolean truncated() {
        return truncated;
    }

    public List<String> columns() {
        return columns;
    }

    /** DuckDB type names of the columns, e.g. {@code UBIGINT}. */
    public List<String> types() {
        return types;
    }

    public List<List<String>> rows() {
        return rows;
    }

    /** RFC 4180 CSV with a header row, LF line ends, NULL as an empty field. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        appendCsvRow(sb, columns);
        for (List<String> row : rows) {
            appendCsvRow(sb, row);
        }
        return sb.toString();
    }

    /** One RFC 4180 CSV line of {@code cells} (NULL as an empty field, an empty string quoted), LF-terminated. */
    public static void appendCsvRow(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c == null) {
                continue;
            }
            if (c.isEmpty() || c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0
                    || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append('\n');
    }
}
