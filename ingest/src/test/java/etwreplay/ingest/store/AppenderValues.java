package etwreplay.ingest.store;

import java.sql.SQLException;
import java.util.Map;
import org.duckdb.DuckDBAppender;

/**
 * Appends one boxed column value to the current row of a DuckDB Appender: null as SQL NULL, otherwise
 * the typed {@code append} for its class: how the ingest stored values before {@link BulkInserter}, kept as
 * the reference BulkInsertTest (through {@link AppenderReference}) holds the bulk path to.
 * A {@code Long} for a UBIGINT column keeps its 64 bits unchanged.
 */
final class AppenderValues {
    private AppenderValues() {
    }

    static void append(DuckDBAppender a, Object v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else if (v instanceof Integer i) {
            a.append(i.intValue());
        } else if (v instanceof Long l) {
            a.append(l.longValue());
        } else if (v instanceof String s) {
            a.append(s);
        } else if (v instanceof Boolean b) {
            a.append(b.booleanValue());
        } else if (v instanceof Map<?, ?> m) {
            a.append(m);
        } else if (v instanceof byte[] bytes) {
            a.append(bytes);
        } else {
            throw new IllegalArgumentException("no DuckDB column type for a " + v.getClass().getName());
        }
    }
}
