package etwreplay.replay.store;

import java.util.Map;

/**
 * Collects the rows of one derived table for a {@link DerivedWriter} (which appends them through the
 * DuckDB Appender, never row-by-row INSERTs). Values go in {@link DerivedTable#columns()} order;
 * {@link #end()} checks that each row has every column. A {@code null} value is SQL NULL. One thread.
 */
public final class TableAppender implements AutoCloseable {
    private final DerivedTable table;
    private final DerivedWriter writer;
    private final int width;
    private Object[] row;
    private int column;
    private long rows;

    public TableAppender(DerivedWriter writer, DerivedTable table) {
        this.table = table;
        this.writer = writer;
        this.width = table.columns().size();
    }

    /** Starts a row with its {@code trace_id}. */
    public TableAppender begin(int traceId) {
        row = new Object[width];
        column = 0;
        return i32(traceId);
    }

    private TableAppender put(Object v) {
        if (column < width) {
            row[column] = v;
        }
        column++;
        return this;
    }

    public TableAppender i32(Integer v) {
        return put(v);
    }

    public TableAppender i64(Long v) {
        return put(v);
    }

    /** An unsigned 64-bit value (address) for a UBIGINT column; the bits are stored unchanged. */
    public TableAppender u64(Long v) {
        return put(v);
    }

    public TableAppender str(String v) {
        return put(v);
    }

    public TableAppender bool(Boolean v) {
        return put(v);
    }

    public TableAppender map(Map<?, ?> v) {
        return put(v);
    }

    /** Ends the row; fails when it does not have exactly the table's columns (a bug in its producer). */
    public void end() {
        if (column != width) {
            throw new IllegalStateException(table.tableName() + " row has " + column + " values for " + width
                    + " columns");
        }
        writer.add(table, row);
        row = null;
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** Nothing to release: the {@link DerivedWriter} owns the appender. */
    @Override
    public void close() {
    }
}
