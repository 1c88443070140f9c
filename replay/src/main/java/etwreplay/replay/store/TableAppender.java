package etwreplay.replay.store;

import etwreplay.ingest.store.StoreException;
import java.sql.SQLException;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends rows to one derived table through the DuckDB Appender (never row-by-row INSERTs). Values go in
 * {@link DerivedTable#columns()} order; {@link #end()} checks that each row has every column. A
 * {@code null} value is SQL NULL. One thread.
 */
public final class TableAppender implements AutoCloseable {
    private final DerivedTable table;
    private final DuckDBAppender appender;
    private int column;
    private long rows;

    public TableAppender(DuckDBConnection connection, DerivedTable table) {
        this.table = table;
        try {
            this.appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.tableName());
        } catch (SQLException e) {
            throw new StoreException("opening an appender on " + table.tableName(), e);
        }
    }

    /** Starts a row with its {@code trace_id}. */
    public TableAppender begin(int traceId) {
        try {
            appender.beginRow();
        } catch (SQLException e) {
            throw fail(e);
        }
        column = 0;
        return i32(traceId);
    }

    public TableAppender i32(Integer v) {
        try {
            if (v == null) {
                appender.appendNull();
            } else {
                appender.append(v.intValue());
            }
        } catch (SQLException e) {
            throw fail(e);
        }
        column++;
        return this;
    }

    public TableAppender i64(Long v) {
        try {
            if (v == null) {
                appender.appendNull();
            } else {
                appender.append(v.longValue());
            }
        } catch (SQLException e) {
            throw fail(e);
        }
        column++;
        return this;
    }

    /** An unsigned 64-bit value (address) for a UBIGINT column; the bits are stored unchanged. */
    public TableAppender u64(Long v) {
        return i64(v);
    }

    public TableAppender str(String v) {
        try {
            if (v == null) {
                appender.appendNull();
            } else {
                appender.append(v);
            }
        } catch (SQLException e) {
            throw fail(e);
        }
        column++;
        return this;
    }

    public TableAppender bool(Boolean v) {
        try {
            if (v == null) {
                appender.appendNull();
            } else {
                appender.append(v.booleanValue());
            }
        } catch (SQLException e) {
            throw fail(e);
        }
        column++;
        return this;
    }

    public TableAppender map(Map<?, ?> v) {
        try {
            if (v == null) {
                appender.appendNull();
            } else {
                appender.append(v);
            }
        } catch (SQLException e) {
            throw fail(e);
        }
        column++;
        return this;
    }

    /** Ends the row; fails when it does not have exactly the table's columns (a bug in its producer). */
    public void end() {
        if (column != table.columns().size()) {
            throw new IllegalStateException(table.tableName() + " row has " + column + " values for "
                    + table.columns().size() + " columns");
        }
        try {
            appender.endRow();
        } catch (SQLException e) {
            throw fail(e);
        }
        rows++;
    }

    public long rows() {
        return rows;
    }

    private StoreException fail(SQLException e) {
        return new StoreException("appending to " + table.tableName() + " column " + column, e);
    }

    /** Flushes the rows into the open transaction. */
    @Override
    public void close() throws SQLException {
        appender.close();
    }
}
