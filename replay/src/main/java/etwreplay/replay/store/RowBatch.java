package etwreplay.replay.store;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.duckdb.DuckDBAppender;

/**
 * A run of rows of one derived table, held as typed cells (a kind per cell, a {@code long} for numbers and
 * booleans, an object for text and maps) so that no number is boxed between the tracker that produces it
 * and the Appender's typed {@code append}. Filled by one {@link TableAppender}, then appended by the
 * {@link DerivedWriter}, possibly on another thread (the hand-over through a blocking queue publishes the
 * cells); never used by two threads at once.
 */
final class RowBatch {
    static final byte NULL = 0;
    static final byte I32 = 1;
    static final byte I64 = 2;
    static final byte BOOL = 3;
    static final byte STR = 4;
    static final byte MAP = 5;

    final DerivedTable table;
    final int width;
    final int capacity;
    final byte[] kinds;
    final long[] numbers;
    final Object[] objects;
    /** Where the writer thread returns the batch once appended; null when appending on the filling thread. */
    final BlockingQueue<RowBatch> home;
    int rows;

    RowBatch(DerivedTable table, int capacity, BlockingQueue<RowBatch> home) {
        this.table = table;
        this.home = home;
        this.width = table.columns().size();
        this.capacity = capacity;
        this.kinds = new byte[capacity * width];
        this.numbers = new long[capacity * width];
        this.objects = new Object[capacity * width];
    }

    boolean full() {
        return rows == capacity;
    }

    /** Appends every row, each value with the typed append of its kind (a Long for UBIGINT keeps its bits). */
    void appendTo(DuckDBAppender a) throws SQLException {
        int cell = 0;
        for (int r = 0; r < rows; r++) {
            a.beginRow();
            for (int c = 0; c < width; c++, cell++) {
                switch (kinds[cell]) {
                    case I32 -> a.append((int) numbers[cell]);
                    case I64 -> a.append(numbers[cell]);
                    case BOOL -> a.append(numbers[cell] != 0);
                    case STR -> a.append((String) objects[cell]);
                    case MAP -> a.append((Map<?, ?>) objects[cell]);
                    default -> a.appendNull();
                }
            }
            a.endRow();
        }
    }

    /** Empties the batch for reuse, dropping its references to strings and maps. */
    void clear() {
        Arrays.fill(objects, 0, rows * width, null);
        rows = 0;
    }
}
