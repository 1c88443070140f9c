package etwreplay.ingest.store;

import etwreplay.ingest.event.RowWriter;
import etwreplay.ingest.event.TraceEvent;
import java.util.HexFormat;
import java.util.Map;
import org.duckdb.DuckDBWritableVector;

/**
 * Up to {@link #capacity} rows of one table, held by column (one primitive or String array per column) until
 * {@link BulkInserter} stores them with one {@code INSERT … SELECT}. A raw event table's batch is filled
 * through its {@link RowWriter} face by {@link #add}; a derived table's (replay) a column at a time between
 * {@link #beginRow} and {@link #endRow}. Read by {@link BatchRowsFunction} into DuckDB's vectors. MAP and
 * BLOB values are kept already encoded as {@link ColumnKind} carries them.
 *
 * <p>Not thread-safe: one thread fills it, then hands it over (through a queue, which orders the writes
 * before the reads).
 */
public final class ColumnBatch implements RowWriter {
    private static final HexFormat HEX = HexFormat.of();
    /** Slots of each String column's cache of recent values (a power of two). */
    private static final int RECENT = 1024;

    final TableLayout layout;
    final int capacity;
    private final ColumnKind[] kinds;
    /** Per column: int[], long[], boolean[] or String[], by kind. */
    private final Object[] values;
    /** Per column of a primitive kind: which rows are NULL (String columns keep null in the array). */
    private final boolean[][] nulls;
    /** Per column: whether any row of the batch has a value (an all-NULL column is sent as a NULL literal). */
    private final boolean[] present;
    /** Per String column: recently stored values, direct-mapped by hash ({@link #canonical}). */
    private final String[][] recent;
    private final long maxStringBytes;
    /** Estimated heap held by this batch's strings (object headers included). */
    private long stringBytes;
    private int size;
    private int column;

    /**
     * @param capacity most rows
     * @param maxStringBytes the batch is {@link #full} once its strings hold about this much heap
     */
    public ColumnBatch(TableLayout layout, int capacity, long maxStringBytes) {
        this.layout = layout;
        this.capacity = capacity;
        this.maxStringBytes = maxStringBytes;
        int n = layout.columnCount();
        kinds = layout.kinds.toArray(new ColumnKind[0]);
        values = new Object[n];
        nulls = new boolean[n][];
        present = new boolean[n];
        recent = new String[n][];
        for (int c = 0; c < n; c++) {
            switch (kinds[c]) {
                case INTEGER -> values[c] = new int[capacity];
                case BIGINT, UBIGINT -> values[c] = new long[capacity];
                case BOOLEAN -> values[c] = new boolean[capacity];
                default -> values[c] = new String[capacity];
            }
            if (values[c] instanceof String[]) {
                recent[c] = new String[RECENT];
            } else {
                nulls[c] = new boolean[capacity];
            }
        }
    }

    public int size() {
        return size;
    }

    /** At capacity, or holding {@code maxStringBytes} of strings. */
    public boolean full() {
        return size == capacity || stringBytes >= maxStringBytes;
    }

    boolean present(int c) {
        return present[c];
    }

    /** Empties the batch for reuse. */
    public void clear() {
        size = 0;
        stringBytes = 0;
        java.util.Arrays.fill(present, false);
    }

    /**
     * Adds one row: the key columns, the event's own columns, and {@code extra} (null or empty: NULL), which
     * is encoded at once, so the caller may reuse it.
     */
    void add(TraceEvent event, Map<String, String> extra, long seq) {
        if (full()) {
            throw new IllegalStateException("batch of " + layout.table.tableName() + " is full");
        }
        column = 0;
        // The key columns without boxing: filling 2 M cswitch and dpc rows took 105 ns a row with, 50 without.
        putLong(next(ColumnKind.BIGINT), event.ts());
        int cpu = next(ColumnKind.INTEGER);
        setNull(cpu, event.cpu() == TraceEvent.NO_CPU);
        ((int[]) values[cpu])[size] = event.cpu();
        putLong(next(ColumnKind.BIGINT), seq);
        event.writeColumns(this);
        map(extra == null || extra.isEmpty() ? null : extra);
        if (column != kinds.length) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " wrote " + column + " of the "
                    + kinds.length + " columns of " + layout.table.tableName());
        }
        size++;
    }

    /**
     * Starts a row whose columns (every column of the layout, in order) the caller then writes one by one;
     * {@link #endRow} ends it. Fails when the batch is {@link #full}.
     */
    public void beginRow() {
        if (full()) {
            throw new IllegalStateException("batch of " + layout.tableName + " is full");
        }
        column = 0;
    }

    /** Ends the row {@link #beginRow} started; fails unless every column was written. */
    public void endRow() {
        if (column != kinds.length) {
            throw new IllegalStateException("a row of " + layout.tableName + " has " + column + " values for "
                    + kinds.length + " columns");
        }
        size++;
    }

    private int next(ColumnKind written) {
        if (column >= kinds.length) {
            throw new IllegalStateException("more columns written than " + layout.tableName + " has");
        }
        ColumnKind k = kinds[column];
        // An ENUM column takes its member's text (str), which the INSERT casts.
        if (k != written && !(k == ColumnKind.ENUM && written == ColumnKind.VARCHAR)) {
            throw new IllegalStateException(layout.tableName + "." + layout.names.get(column) + " is " + k
                    + " but a " + written + " was written to it");
        }
        return column++;
    }

    private void setNull(int c, boolean isNull) {
        nulls[c][size] = isNull;
        present[c] |= !isNull;
    }

    private void setString(int c, String v) {
        if (v != null) {
            present[c] = true;
            v = canonical(c, v);
        }
        ((String[]) values[c])[size] = v;
    }

    /**
     * {@code v}, or an equal String this column stored recently, which the batch then holds instead. Why: a
     * batch keeps its rows for a while, and strings that live that long are costly to the garbage collector
     * (copied at every young collection until promoted). Text readers make a new String for every value,
     * the same process or state names over and over; xperf ingest of 6.15 M events held 300–420 MB after
     * each collection and paused 2.8 s in all (0.28 s with the Appender, which kept rows a moment only).
     * Only strings not found here count toward {@code maxStringBytes}, which bounds what a batch holds
     * whatever the strings' length.
     */
    private String canonical(int c, String v) {
        String[] cache = recent[c];
        int h = v.hashCode();
        int slot = (h ^ (h >>> 16)) & (RECENT - 1);
        String seen = cache[slot];
        if (seen == v || (seen != null && seen.equals(v))) {
            return seen;
        }
        cache[slot] = v;
        // A String object and its array's headers: about 40 bytes on a 64-bit JVM with compressed oops.
        stringBytes += 40 + v.length();
        return v;
    }

    @Override
    public void i32(Integer value) {
        int c = next(ColumnKind.INTEGER);
        setNull(c, value == null);
        if (value != null) {
            ((int[]) values[c])[size] = value;
        }
    }

    /** A non-NULL INTEGER, unboxed. */
    public void i32(int value) {
        int c = next(ColumnKind.INTEGER);
        setNull(c, false);
        ((int[]) values[c])[size] = value;
    }

    /** A non-NULL BIGINT, unboxed. */
    public void i64(long value) {
        putLong(next(ColumnKind.BIGINT), value);
    }

    /** A non-NULL UBIGINT given as the long with the same 64 bits, unboxed. */
    public void u64(long value) {
        putLong(next(ColumnKind.UBIGINT), value);
    }

    /** A MAP(VARCHAR, INTEGER) value, or null for NULL. */
    public void integerMap(Map<String, Integer> value) {
        setString(next(ColumnKind.INTEGER_MAP), value == null ? null : MapJson.ofIntegers(value));
    }

    @Override
    public void i64(Long value) {
        long64(next(ColumnKind.BIGINT), value);
    }

    @Override
    public void u64(Long value) {
        long64(next(ColumnKind.UBIGINT), value);
    }

    private void putLong(int c, long value) {
        setNull(c, false);
        ((long[]) values[c])[size] = value;
    }

    private void long64(int c, Long value) {
        setNull(c, value == null);
        if (value != null) {
            ((long[]) values[c])[size] = value;
        }
    }

    /** Text for a VARCHAR column, or a member of an ENUM column's type (another value fails the insert). */
    @Override
    public void str(String value) {
        setString(next(ColumnKind.VARCHAR), value);
    }

    @Override
    public void bool(Boolean value) {
        int c = next(ColumnKind.BOOLEAN);
        setNull(c, value == null);
        if (value != null) {
            ((boolean[]) values[c])[size] = value;
        }
    }

    @Override
    public void map(Map<String, String> value) {
        setString(next(ColumnKind.MAP), value == null ? null : MapJson.of(value));
    }

    @Override
    public void blob(byte[] value) {
        setString(next(ColumnKind.BLOB), value == null ? null : HEX.formatHex(value));
    }

    /**
     * Writes rows {@code [from, from + n)} of column {@code c} into rows {@code [0, n)} of {@code v} (whose
     * type is {@code kinds[c].carrier}). {@code scratch} is reused for String columns when it has length n.
     */
    void writeTo(DuckDBWritableVector v, int c, int from, int n, String[] scratch) {
        Object col = values[c];
        boolean[] isNull = nulls[c];
        switch (kinds[c]) {
            case INTEGER -> {
                int[] x = (int[]) col;
                for (int i = 0; i < n; i++) {
                    if (isNull[from + i]) {
                        v.setNull(i);
                    } else {
                        v.setInt(i, x[from + i]);
                    }
                }
            }
            case BIGINT, UBIGINT -> {
                long[] x = (long[]) col;
                for (int i = 0; i < n; i++) {
                    if (isNull[from + i]) {
                        v.setNull(i);
                    } else {
                        v.setLong(i, x[from + i]);
                    }
                }
            }
            case BOOLEAN -> {
                boolean[] x = (boolean[]) col;
                for (int i = 0; i < n; i++) {
                    if (isNull[from + i]) {
                        v.setNull(i);
                    } else {
                        v.setBoolean(i, x[from + i]);
                    }
                }
            }
            default -> {
                // One JNI call for the whole vector (setStrings) instead of one per value (setString).
                String[] s = scratch.length == n ? scratch : new String[n];
                System.arraycopy((String[]) col, from, s, 0, n);
                v.setStrings(0, s);
            }
        }
    }
}
