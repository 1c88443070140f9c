package etwreplay.ingest.store;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How each column of a result becomes the text every output shows (NULL is {@code null}), chosen once per
 * result from its column types rather than per value: reading a 30 M-row report asks ~400 M cells, and
 * {@code getObject} (a boxed value, then {@code getString} again for most types) was half of that time.
 * The text per type: addresses in hex, doubles in plain decimal, timestamps in ISO form, everything else
 * (blobs too: {@code \xAB\x01}) as DuckDB's JDBC {@code getString} gives it. Locale-independent, so
 * expected outputs compare byte for byte.
 */
public final class ResultCells {
    /** Types whose {@code getString} is the shown text (integers, text, booleans, ENUM members). */
    private static final Set<String> AS_STRING = Set.of("VARCHAR", "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER",
            "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UHUGEINT", "ENUM");

    private enum Kind { STRING, ADDRESS, DOUBLE, FLOAT, OTHER }

    private final List<String> columns;
    private final List<String> types;
    private final Kind[] kinds;

    private ResultCells(List<String> columns, List<String> types) {
        this.columns = List.copyOf(columns);
        this.types = List.copyOf(types);
        this.kinds = new Kind[types.size()];
        for (int i = 0; i < kinds.length; i++) {
            String type = types.get(i);
            // Every UBIGINT in the etwreplay schema is an address, IRP or kernel key: shown in hex.
            kinds[i] = switch (type) {
                case "UBIGINT" -> Kind.ADDRESS;
                case "DOUBLE" -> Kind.DOUBLE;
                case "FLOAT" -> Kind.FLOAT;
                default -> AS_STRING.contains(type) ? Kind.STRING : Kind.OTHER;
            };
        }
    }

    /** The cell rules for {@code rs}'s columns. */
    public static ResultCells of(ResultSet rs) throws SQLException {
        return of(rs.getMetaData());
    }

    /** The cell rules for the columns {@code md} describes (a result's, or a prepared query's). */
    static ResultCells of(ResultSetMetaData md) throws SQLException {
        int n = md.getColumnCount();
        List<String> cols = new ArrayList<>(n);
        List<String> types = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            cols.add(md.getColumnLabel(i));
            types.add(md.getColumnTypeName(i));
        }
        return new ResultCells(cols, types);
    }

    public List<String> columns() {
        return columns;
    }

    /** DuckDB type names of the columns, e.g. {@code UBIGINT}. */
    public List<String> types() {
        return types;
    }

    /** The current row of {@code rs} as cell texts. */
    public List<String> read(ResultSet rs) throws SQLException {
        List<String> row = new ArrayList<>(kinds.length);
        for (int i = 0; i < kinds.length; i++) {
            int column = i + 1;
            row.add(switch (kinds[i]) {
                case STRING -> rs.getString(column);
                case ADDRESS -> hex(rs.getString(column));
                case DOUBLE -> plain(rs.getDouble(column), rs);
                case FLOAT -> plain(rs.getFloat(column), rs);
                case OTHER -> other(rs, column);
            });
        }
        return row;
    }

    /** DuckDB prints a UBIGINT in decimal; unsigned parsing keeps values ≥ 2^63 exact. */
    private static String hex(String decimal) {
        return decimal == null ? null : "0x" + Long.toHexString(Long.parseUnsignedLong(decimal));
    }

    /** Plain decimal notation (no exponent) so CSV diffs and spreadsheets read it alike. */
    private static String plain(double value, ResultSet rs) throws SQLException {
        return rs.wasNull() ? null : PlainDecimal.of(value);
    }

    private static String other(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            return PlainDecimal.of(((Number) value).doubleValue());
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        return rs.getString(column);
    }
}
