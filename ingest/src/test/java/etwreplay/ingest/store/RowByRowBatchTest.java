package etwreplay.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row-by-row face of {@link ColumnBatch} that replay's derived tables use: ENUM columns take their
 * member's text, MAP(VARCHAR, INTEGER) keeps its entries' order, a UBIGINT's 64 bits survive, NULLs stay
 * NULL, and a value of the wrong type or a value outside the ENUM fails instead of being stored otherwise.
 */
class RowByRowBatchTest {
    @TempDir
    Path dir;

    private static final List<String> COLUMNS = List.of("trace_id", "kind", "address", "n", "levels", "note");

    private Database open() throws Exception {
        Database db = Database.openForWrite(dir.resolve("rows.duckdb"));
        try (Statement st = db.connection().createStatement()) {
            st.execute("CREATE TYPE kind AS ENUM ('DPC', 'ISR')");
            st.execute("CREATE TABLE derived (trace_id INTEGER, kind kind, address UBIGINT, n BIGINT,"
                    + " levels MAP(VARCHAR, INTEGER), note VARCHAR)");
        }
        BatchRowsFunction.registerOn(db.connection());
        return db;
    }

    @Test
    void enumMapAndUnsignedValuesAreStoredAsWritten() throws Exception {
        try (Database db = open()) {
            ColumnBatch b = new ColumnBatch(TableLayout.read(db.connection(), "derived", COLUMNS), 16, 1 << 20);
            Map<String, Integer> levels = new LinkedHashMap<>();
            levels.put("PASSIVE_LEVEL", 0);
            levels.put("DISPATCH_LEVEL", 2);
            levels.put("HIGH", null);
            b.beginRow();
            b.str("ISR");
            b.u64(0xFFFF_F800_0000_0000L);
            b.i64(-5L);
            b.integerMap(levels);
            b.str(null);
            b.endRow();
            b.beginRow();
            b.str(null);
            b.u64((Long) null);
            b.i64((Long) null);
            b.integerMap(null);
            b.str("x");
            b.endRow();
            new BulkInserter(db.connection(), 7).insert(b);
            List<List<String>> rows = db.query("SELECT trace_id, kind, address::VARCHAR, n, levels, note FROM derived"
                    + " ORDER BY n NULLS LAST").rows();
            assertEquals(Arrays.asList("7", "ISR", "18446735277616529408", "-5",
                    "{PASSIVE_LEVEL=0, DISPATCH_LEVEL=2, HIGH=NULL}", null), rows.get(0));
            assertEquals(Arrays.asList("7", null, null, null, null, "x"), rows.get(1));
        }
    }

    @Test
    void aValueOutsideTheEnumFailsTheInsert() throws Exception {
        try (Database db = open()) {
            ColumnBatch b = new ColumnBatch(TableLayout.read(db.connection(), "derived", COLUMNS), 16, 1 << 20);
            b.beginRow();
            b.str("APC");
            b.u64(1L);
            b.i64(1L);
            b.integerMap(null);
            b.str(null);
            b.endRow();
            SQLException e = assertThrows(SQLException.class, () -> new BulkInserter(db.connection(), 1).insert(b));
            assertTrue(e.getMessage().contains("APC"), e.getMessage());
        }
    }

    @Test
    void aValueOfAnotherTypeOrAMissingColumnIsABug() throws Exception {
        try (Database db = open()) {
            ColumnBatch b = new ColumnBatch(TableLayout.read(db.connection(), "derived", COLUMNS), 16, 1 << 20);
            b.beginRow();
            b.str("DPC");
            assertThrows(IllegalStateException.class, () -> b.i64(1L), "a BIGINT into the UBIGINT column");
            b.u64(1L);
            assertThrows(IllegalStateException.class, b::endRow, "a row of 2 of 5 values");
        }
    }
}
