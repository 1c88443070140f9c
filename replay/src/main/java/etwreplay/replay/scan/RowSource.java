package etwreplay.replay.scan;

/**
 * How to read one raw table for the scan: the columns, the rows wanted, the sort key (which must agree
 * with {@link ReplayEvent#compareTo}) and the mapping of a result row to its event.
 *
 * @param table    raw table name
 * @param columns  select list (without the sort key), each item of the SQL type its {@link Columns} read
 *                 requires
 * @param filter   extra WHERE condition, e.g. on {@code kind}; "TRUE" for all rows
 * @param sortTs   SQL expression of {@link ReplayEvent#sortTs()}
 * @param tieOrder ORDER BY terms after the sort key and before {@code seq} (spans: {@code ts DESC})
 */
record RowSource(String table, String columns, String filter, String sortTs, String tieOrder, Mapper mapper) {
    /** Maps row {@code row} of the current chunk (columns in select-list order, from 0) to an event. */
    @FunctionalInterface
    interface Mapper {
        ReplayEvent map(Columns c, int row);
    }

    String statsSql() {
        return "SELECT count(*), min(" + sortTs + "), max(" + sortTs + ") FROM " + table + " WHERE trace_id = ? AND ("
                + filter + ")";
    }

    /** Rows with sort key in [?, ?), in scan order. Parameters: trace id, from, to. */
    String windowSql() {
        return "SELECT " + columns + " FROM " + table + " WHERE trace_id = ? AND (" + filter + ") AND " + sortTs
                + " >= ? AND " + sortTs + " < ? ORDER BY " + sortTs + ", " + (tieOrder.isEmpty() ? "" : tieOrder + ", ")
                + "seq";
    }

    /** Every row, in arrival order (for the rundown, which is small). Parameter: trace id. */
    String allSql() {
        return "SELECT " + columns + " FROM " + table + " WHERE trace_id = ? AND (" + filter + ") ORDER BY seq";
    }
}
