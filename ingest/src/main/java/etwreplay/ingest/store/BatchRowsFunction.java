package etwreplay.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;

/**
 * The DuckDB table function {@value #NAME}{@code (handle)}: the rows of the {@link ColumnBatch} published
 * under {@code handle}, one column {@code c<i>} per column the batch has values in (see
 * {@link ColumnBatch#present}), typed as {@link ColumnKind#carrier}. It lets {@link BulkInserter} store a
 * whole batch with one {@code INSERT … SELECT}: DuckDB pulls the rows a vector (2048 rows) at a time, and the
 * batch's columns are copied straight into its vectors.
 *
 * <p>Registered once per database instance ({@link #registerOn}). Batches are published in a process-wide
 * map, each under a handle of its own, and removed when their insert ends. The function runs on one thread
 * ({@code setMaxThreads(1)}), so rows keep their order.
 */
public final class BatchRowsFunction implements DuckDBTableFunction<ColumnBatch, BatchRowsFunction.Cursor, Object> {
    static final String NAME = "etwreplay_batch_rows";

    private static final Map<Long, ColumnBatch> PUBLISHED = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_HANDLE = new AtomicLong();

    /** Where one scan of a batch stands. */
    static final class Cursor {
        final int[] columns;
        int row;
        String[] scratch = new String[0];

        Cursor(int[] columns) {
            this.columns = columns;
        }
    }

    /** Registers the function on the database of {@code c}, unless it is there already. */
    public static void registerOn(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM duckdb_functions() WHERE function_name = ? AND function_type = 'table'")) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
        }
        DuckDBFunctions.tableFunction().withName(NAME).withParameter(DuckDBColumnType.BIGINT)
                .withFunction(new BatchRowsFunction()).register(c);
    }

    /** Makes {@code batch} readable as {@code NAME(handle)} until {@link #withdraw}. */
    static long publish(ColumnBatch batch) {
        long handle = NEXT_HANDLE.incrementAndGet();
        PUBLISHED.put(handle, batch);
        return handle;
    }

    static void withdraw(long handle) {
        PUBLISHED.remove(handle);
    }

    @Override
    public ColumnBatch bind(DuckDBTableFunctionBindInfo info) {
        long handle = info.getParameter(0).getLong();
        ColumnBatch batch = PUBLISHED.get(handle);
        if (batch == null) {
            throw new IllegalStateException("no row batch published under handle " + handle);
        }
        for (int c = 0; c < batch.layout.columnCount(); c++) {
            if (batch.present(c)) {
                info.addResultColumn("c" + c, batch.layout.kinds.get(c).carrier);
            }
        }
        return batch;
    }

    @Override
    public Cursor init(DuckDBTableFunctionInitInfo info) {
        info.setMaxThreads(1);
        ColumnBatch batch = info.getBindData();
        int[] columns = new int[batch.layout.columnCount()];
        int n = 0;
        for (int c = 0; c < columns.length; c++) {
            if (batch.present(c)) {
                columns[n++] = c;
            }
        }
        return new Cursor(java.util.Arrays.copyOf(columns, n));
    }

    @Override
    public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
        ColumnBatch batch = info.getBindData();
        Cursor cursor = info.getInitData();
        int n = (int) Math.min(out.capacity(), batch.size() - cursor.row);
        if (n <= 0) {
            return 0;
        }
        if (cursor.scratch.length != n) {
            cursor.scratch = new String[n];
        }
        for (int j = 0; j < cursor.columns.length; j++) {
            batch.writeTo(out.vector(j), cursor.columns[j], cursor.row, n, cursor.scratch);
        }
        cursor.row += n;
        return n;
    }
}
