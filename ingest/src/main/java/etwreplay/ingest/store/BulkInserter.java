package etwreplay.ingest.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stores a {@link ColumnBatch} with one {@code INSERT INTO table (…) SELECT … FROM etwreplay_batch_rows(h)},
 * inside the connection's open transaction: the trace id as a literal, each column the batch has values in
 * through {@link ColumnKind#toStored}, and NULL for the others.
 *
 * <p>Why not DuckDB's Appender: it hands DuckDB one 2048-row chunk per flush, each a full append with its own
 * setup, plus a JNI call per value, and cost about twice the CPU of this path for the same rows
 * (bench/RESULTS.md, "Run F"). One connection runs one statement at a time: callers use it from one thread.
 */
public final class BulkInserter {
    private final Connection connection;
    private final int traceId;

    public BulkInserter(Connection connection, int traceId) {
        this.connection = connection;
        this.traceId = traceId;
    }

    public void insert(ColumnBatch batch) throws SQLException {
        if (batch.size() == 0) {
            return;
        }
        long handle = BatchRowsFunction.publish(batch);
        try (Statement st = connection.createStatement()) {
            st.execute(sql(batch, handle));
        } finally {
            BatchRowsFunction.withdraw(handle);
        }
    }

    private String sql(ColumnBatch batch, long handle) {
        TableLayout layout = batch.layout;
        StringBuilder into = new StringBuilder("INSERT INTO \"").append(layout.tableName)
                .append("\" (\"trace_id\"");
        StringBuilder select = new StringBuilder(" SELECT ").append(traceId);
        for (int c = 0; c < layout.columnCount(); c++) {
            into.append(", \"").append(layout.names.get(c)).append('"');
            select.append(", ").append(batch.present(c) ? layout.kinds.get(c).toStored("c" + c) : "NULL");
        }
        return into.append(')').append(select).append(" FROM ").append(BatchRowsFunction.NAME).append('(')
                .append(handle).append(')').toString();
    }
}
