package etwreplay.replay.scan;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Null-aware readers for result columns (JDBC getters return 0 for NULL). Stateless. */
final class Columns {
    private Columns() {
    }

    static Integer i32(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** BIGINT, or a UBIGINT address as its unsigned bits. */
    static Long i64(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    static String str(ResultSet rs, int column) throws SQLException {
        return rs.getString(column);
    }

    /**
     * A control code kept as text in an {@code extra} map ({@code 0x…} hex or decimal), or null when absent
     * or not a number.
     */
    static Long code(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        if (s == null) {
            return null;
        }
        s = s.trim();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
