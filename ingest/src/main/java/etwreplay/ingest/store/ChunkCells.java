package etwreplay.ingest.store;

import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBResultSetMetaData;
import org.duckdb.StatementReturnType;

/**
 * Streams a query's rows through DuckDB's chunked API, each cell the text {@link ResultCells} gives it. A
 * JDBC ResultSet makes a Java object of every value of every chunk it fetches; the chunked API reads a
 * number in place and a string when asked: reading cpu_timeline's 3.3 M rows (6.15 M-event trace) took
 * 6.2–6.8 CPU s this way against 11.6–15.2 s through ResultSet + ResultCells, query included. The result
 * is fetched a chunk at a time (12 M rows of 200-byte strings read in 432 MB of RSS, as through the
 * streamed ResultSet). Only for {@link #TYPES}: a result with another column type (ENUM, DECIMAL,
 * TIMESTAMP, BLOB, LIST …) goes through {@link ResultCells}, whose rules for those types it would repeat.
 */
final class ChunkCells {
    /** Column types read here; their text is {@link ResultCells}'s (ChunkCellsTest holds the two equal). */
    static final Set<String> TYPES = Set.of("BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE", "VARCHAR");

    private ChunkCells() {
    }

    /**
     * Whether {@code ps} (parameters bound, not yet run) is a query whose every column has a type in
     * {@link #TYPES}, so {@link #stream} can read it.
     */
    static boolean canRead(PreparedStatement ps) throws SQLException {
        ResultSetMetaData md = ps.getMetaData();
        if (!(md instanceof DuckDBResultSetMetaData duck) || duck.getReturnType() != StatementReturnType.QUERY_RESULT
                || md.getColumnCount() == 0) {
            return false;
        }
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (!TYPES.contains(md.getColumnTypeName(i))) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code ps} (see {@link #canRead}) and hands its rows to {@code sink}; returns how many. */
    static long stream(PreparedStatement ps, RowSink sink) throws SQLException, java.io.IOException {
        ResultCells columns = ResultCells.of(ps.getMetaData());
        int n = columns.columns().size();
        sink.columns(columns.columns(), columns.types());
        String[] cells = new String[n];
        DuckDBReadableVector[] vectors = new DuckDBReadableVector[n];
        DuckDBColumnType[] vectorTypes = new DuckDBColumnType[n];
        long rows = 0;
        try (DuckDBChunkedResult result = ps.unwrap(DuckDBPreparedStatement.class).query()) {
            while (nextChunk(result)) {
                DuckDBDataChunkReader chunk = result.chunk();
                for (int c = 0; c < n; c++) {
                    vectors[c] = chunk.vector(c);
                    vectorTypes[c] = vectors[c].getType();
                }
                long count = chunk.rowCount();
                for (long row = 0; row < count; row++) {
                    for (int c = 0; c < n; c++) {
                        cells[c] = vectors[c].isNull(row) ? null : text(vectors[c], vectorTypes[c], row);
                    }
                    // The sink may keep the list: a fresh one per row, as ResultCells.read gives.
                    sink.row(Arrays.asList(cells.clone()));
                    rows++;
                }
            }
        }
        return rows;
    }

    /** DuckDB reports an error met while producing a chunk as an unchecked exception; callers expect SQL's. */
    private static boolean nextChunk(DuckDBChunkedResult result) throws SQLException {
        try {
            return result.nextChunk();
        } catch (RuntimeException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    private static String text(DuckDBReadableVector v, DuckDBColumnType type, long row) {
        return switch (type) {
            case BOOLEAN -> Boolean.toString(v.getBoolean(row));
            case TINYINT -> Byte.toString(v.getByte(row));
            case SMALLINT -> Short.toString(v.getShort(row));
            case INTEGER -> Integer.toString(v.getInt(row));
            case BIGINT -> Long.toString(v.getLong(row));
            case HUGEINT -> v.getHugeInt(row).toString();
            case UTINYINT -> Short.toString(v.getUint8(row));
            case USMALLINT -> Integer.toString(v.getUint16(row));
            case UINTEGER -> Long.toString(v.getUint32(row));
            // Every UBIGINT in the etwreplay schema is an address, IRP or kernel key: shown in hex (ResultCells).
            case UBIGINT -> "0x" + Long.toHexString(v.getUint64(row).longValue());
            case UHUGEINT -> v.getUHugeInt(row).toString();
            case FLOAT -> PlainDecimal.of(v.getFloat(row));
            case DOUBLE -> PlainDecimal.of(v.getDouble(row));
            case VARCHAR -> v.getString(row);
            default -> throw new IllegalStateException("a " + type + " column, which canRead excludes");
        };
    }
}
