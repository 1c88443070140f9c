package etwreplay.replay.store;

import etwreplay.ingest.store.ColumnBatch;
import java.util.Map;

/**
 * Collects the rows of one derived table for its {@link DerivedWriter} (which stores them a
 * {@link ColumnBatch} at a time, never row-by-row INSERTs). Values go in {@link DerivedTable#columns()}
 * order, typed and unboxed into the batch's column arrays, which fails at once on a value of the wrong type
 * or one column too many; {@link #end()} checks that each row has every column. A {@code null} value is SQL
 * NULL. One thread; made by {@link DerivedWriter#appender}.
 */
public final class TableAppender {
    private final DerivedTable table;
    private final DerivedWriter writer;
    private final int traceId;
    private ColumnBatch batch;
    private long rows;

    TableAppender(DerivedWriter writer, DerivedTable table, int traceId, ColumnBatch first) {
        this.table = table;
        this.writer = writer;
        this.traceId = traceId;
        this.batch = first;
    }

    /**
     * Starts a row with its {@code trace_id}, which must be the writer's: the batch does not carry it per
     * row (the INSERT writes it as a literal).
     */
    public TableAppender begin(int traceId) {
        if (traceId != this.traceId) {
            throw new IllegalArgumentException(table.tableName() + " row of trace " + traceId
                    + " given to the writer of trace " + this.traceId);
        }
        batch.beginRow();
        return this;
    }

    public TableAppender i32(int v) {
        batch.i32(v);
        return this;
    }

    public TableAppender i32(Integer v) {
        batch.i32(v);
        return this;
    }

    public TableAppender i64(long v) {
        batch.i64(v);
        return this;
    }

    public TableAppender i64(Long v) {
        batch.i64(v);
        return this;
    }

    /** An unsigned 64-bit value (address) for a UBIGINT column; the bits are stored unchanged. */
    public TableAppender u64(Long v) {
        batch.u64(v);
        return this;
    }

    /** Text for a VARCHAR column, or a member of an ENUM column's type (another value fails the insert). */
    public TableAppender str(String v) {
        batch.str(v);
        return this;
    }

    public TableAppender bool(Boolean v) {
        batch.bool(v);
        return this;
    }

    /** A MAP(VARCHAR, INTEGER) value, entries in the map's iteration order. */
    public TableAppender map(Map<String, Integer> v) {
        batch.integerMap(v);
        return this;
    }

    /** Ends the row; fails when it does not have exactly the table's columns (a bug in its producer). */
    public void end() {
        batch.endRow();
        rows++;
        if (batch.full()) {
            batch = writer.swap(table, batch);
        }
    }

    public long rows() {
        return rows;
    }

    /** Hands the rows not yet handed to the writer (at {@link DerivedWriter#finish}). */
    void flush() {
        if (batch.size() > 0) {
            batch = writer.swap(table, batch);
        }
    }
}
