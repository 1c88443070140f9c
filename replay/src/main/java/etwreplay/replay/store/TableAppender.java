package etwreplay.replay.store;

import java.util.Map;

/**
 * Collects the rows of one derived table for its {@link DerivedWriter} (which appends them through the
 * DuckDB Appender, never row-by-row INSERTs). Values go in {@link DerivedTable#columns()} order, typed
 * and unboxed into a {@link RowBatch}; {@link #end()} checks that each row has every column. A
 * {@code null} value is SQL NULL. One thread; made by {@link DerivedWriter#appender}.
 */
public final class TableAppender {
    private final DerivedTable table;
    private final DerivedWriter writer;
    private final int width;
    private RowBatch batch;
    private int cell;
    private int column;
    private long rows;

    TableAppender(DerivedWriter writer, DerivedTable table, RowBatch first) {
        this.table = table;
        this.writer = writer;
        this.width = table.columns().size();
        this.batch = first;
    }

    /** Starts a row with its {@code trace_id}. */
    public TableAppender begin(int traceId) {
        cell = batch.rows * width;
        column = 0;
        return i32(traceId);
    }

    private TableAppender put(byte kind, long number, Object object) {
        if (column < width) {
            int i = cell + column;
            batch.kinds[i] = kind;
            batch.numbers[i] = number;
            batch.objects[i] = object;
        }
        column++;
        return this;
    }

    private TableAppender putNull() {
        return put(RowBatch.NULL, 0, null);
    }

    public TableAppender i32(int v) {
        return put(RowBatch.I32, v, null);
    }

    public TableAppender i32(Integer v) {
        return v == null ? putNull() : i32(v.intValue());
    }

    public TableAppender i64(long v) {
        return put(RowBatch.I64, v, null);
    }

    public TableAppender i64(Long v) {
        return v == null ? putNull() : i64(v.longValue());
    }

    /** An unsigned 64-bit value (address) for a UBIGINT column; the bits are stored unchanged. */
    public TableAppender u64(Long v) {
        return i64(v);
    }

    /** Text for a VARCHAR column, or a member of an ENUM column's type (another value fails the append). */
    public TableAppender str(String v) {
        return v == null ? putNull() : put(RowBatch.STR, 0, v);
    }

    public TableAppender bool(Boolean v) {
        return v == null ? putNull() : put(RowBatch.BOOL, v ? 1 : 0, null);
    }

    public TableAppender map(Map<?, ?> v) {
        return v == null ? putNull() : put(RowBatch.MAP, 0, v);
    }

    /** Ends the row; fails when it does not have exactly the table's columns (a bug in its producer). */
    public void end() {
        if (column != width) {
            throw new IllegalStateException(table.tableName() + " row has " + column + " values for " + width
                    + " columns");
        }
        rows++;
        if (++batch.rows == batch.capacity) {
            batch = writer.swap(batch);
        }
    }

    public long rows() {
        return rows;
    }

    /** Hands the rows not yet handed to the writer (at {@link DerivedWriter#finish}). */
    void flush() {
        if (batch.rows > 0) {
            batch = writer.swap(batch);
        }
    }
}
