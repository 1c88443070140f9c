package etwreplay.replay.scan;

import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBReadableVector;

/**
 * Null-aware typed reads of the current chunk of a columnar result (DuckDB's chunked API reads each value
 * in place, where a JDBC ResultSet first turns every value of every fetched vector into a Java object:
 * draining the cswitch windows of a 6.15 M-event trace took 0.2 s of CPU this way against 1 s through
 * {@code ResultSet.next()}). Each read requires the column's exact SQL type, so select lists cast to
 * BIGINT, INTEGER, BOOLEAN or VARCHAR ({@link RowSources#text}, {@link RowSources#bits}). Columns are
 * numbered from 0; rows within the chunk. One thread.
 */
final class Columns {
    private DuckDBReadableVector[] vectors = new DuckDBReadableVector[0];

    /** Makes {@code chunk} the current one. */
    void load(DuckDBDataChunkReader chunk) {
        int n = (int) chunk.columnCount();
        if (vectors.length != n) {
            vectors = new DuckDBReadableVector[n];
        }
        for (int c = 0; c < n; c++) {
            vectors[c] = chunk.vector(c);
        }
    }

    /** A BIGINT that is never NULL (ts, seq). */
    long i64NotNull(int column, int row) {
        return vectors[column].getLong(row);
    }

    /** BIGINT, or a UBIGINT address selected through {@link RowSources#bits} as its unsigned bits. */
    Long i64(int column, int row) {
        DuckDBReadableVector v = vectors[column];
        return v.isNull(row) ? null : v.getLong(row);
    }

    Integer i32(int column, int row) {
        DuckDBReadableVector v = vectors[column];
        return v.isNull(row) ? null : v.getInt(row);
    }

    Boolean bool(int column, int row) {
        DuckDBReadableVector v = vectors[column];
        return v.isNull(row) ? null : v.getBoolean(row);
    }

    String str(int column, int row) {
        DuckDBReadableVector v = vectors[column];
        return v.isNull(row) ? null : v.getString(row);
    }

    /**
     * A control code kept as text in an {@code extra} map ({@code 0x…} hex or decimal), or null when absent
     * or not a number.
     */
    Long code(int column, int row) {
        String s = str(column, row);
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
