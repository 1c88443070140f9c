package etwreplay.replay.scan;

/**
 * How to read one raw table for the scan: the columns, the rows wanted, the sort key (which must agree
 * with {@link ReplayEvent#compareTo}) and the mapping of a result row to its event.
 *
 * @param table    raw table name
 * @param columns  select list (without the sort key), each item of the SQL type its {@link Columns} read
 *                 requires
 * @param filter   extra WHERE condition, e.g. on {@code kind}; "TRUE" for all rows
 * @param sortTs   SQL expression of {@link ReplayEvent#sortTs()}: {@code ts} itself, or an expression that is never
 *                 greater than {@code ts} (a span's entry), which the window query bounds through {@code ts}
 * @param tieOrder ORDER BY terms after the sort key and before {@code seq} (spans: {@code ts DESC})
 */
record RowSource(String table, String columns, String filter, String sortTs, String tieOrder, Mapper mapper) {
    /** Maps row {@code row} of the current chunk (columns in select-list order, from 0) to an event. */
    @FunctionalInterface
    interface Mapper {
        ReplayEvent map(Columns c, int row);
    }

    /** True when the sort key is the stored {@code ts} column itself (not an entry time before it). */
    boolean sortsByTs() {
        return sortTs.equals("ts");
    }

    /**
     * Row count, least and greatest sort key, and the greatest lag of {@code ts} behind the sort key (0 when
     * the sort key is {@code ts}; computed in HUGEINT and clamped, so that no stored value can overflow it).
     * Parameter: trace id.
     */
    String statsSql() {
        String lag = sortsByTs() ? "0" : "least(coalesce(max(ts::HUGEINT - (" + sortTs + ")), 0), "
                + Long.MAX_VALUE + ")::BIGINT";
        return "SELECT count(*), min(" + sortTs + "), max(" + sortTs + "), " + lag + " FROM " + table
                + " WHERE trace_id = ? AND (" + filter + ")";
    }

    /**
     * Rows with sort key in [?, ?), in scan order. Parameters: trace id, from, to; when the sort key is not
     * {@code ts}, also the same window on {@code ts} itself, [from, to + greatest lag). Those two are implied
     * by the first (a sort key never exceeds {@code ts}, and {@code ts} lags it by at most the greatest lag),
     * so they select no other rows; but they are on a stored column, whose row-group min/max lets DuckDB
     * skip the rest of the table. Without them every window of a span table read the whole table: at
     * 61.5 M events, 127 windows over 8.3 M DPC rows took 4.3 s instead of 1.0 s.
     */
    String windowSql() {
        return "SELECT " + columns + " FROM " + table + " WHERE trace_id = ? AND (" + filter + ") AND " + sortTs
                + " >= ? AND " + sortTs + " < ?" + (sortsByTs() ? "" : " AND ts >= ? AND ts < ?") + " ORDER BY "
                + sortTs + ", " + (tieOrder.isEmpty() ? "" : tieOrder + ", ") + "seq";
    }

    /** Every row, in arrival order (for the rundown, which is small). Parameter: trace id. */
    String allSql() {
        return "SELECT " + columns + " FROM " + table + " WHERE trace_id = ? AND (" + filter + ") ORDER BY seq";
    }
}
