package etwreplay.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chunked reader gives the cells ResultCells gives, over many chunks, and fails as SQL does. */
class ChunkCellsTest {
    /** Every type ChunkCells reads, NULL in every fifth row, edge values, and 5,000 rows (three chunks). */
    private static final String EVERY_TYPE = """
            SELECT i % 2 = 0 AS flag, (i % 256 - 128)::TINYINT AS tiny, (i * 7 - 30000)::SMALLINT AS small,
                   (i * 104729 - 2147483648)::INTEGER AS int, (i * 1000000007 - 9223372036854775807)::BIGINT AS big,
                   ((i - 2500)::HUGEINT * 10000000000000000000000000000000000) AS huge, (i % 256)::UTINYINT AS utiny,
                   (i * 13 % 65536)::USMALLINT AS usmall, (i * 858993 % 4294967296)::UINTEGER AS uint,
                   (i::UHUGEINT * 3689348814741910323 % 18446744073709551616)::UBIGINT AS address,
                   (i::UHUGEINT * 34028236692093846346337460743176821) AS uhuge,
                   (i / 7.0)::FLOAT AS flt, i * 1234567.891 / 1000 AS dbl, (1e-9 * i) AS tiny_dbl,
                   'row ' || i || repeat('é', i % 17) || CASE WHEN i % 3 = 0 THEN ',"quoted"' ELSE '' END AS text,
                   CASE WHEN i % 5 = 0 THEN NULL ELSE i END AS sometimes
            FROM range(5000) t(i)
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 18446744073709551615::UBIGINT, NULL,
                   'nan'::FLOAT, '-inf'::DOUBLE, -0.0, '', NULL
            ORDER BY ALL
            """;

    @TempDir
    Path tmp;

    private static List<List<String>> streamed(Database db, String sql, List<String> types) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        db.stream(new RowSink() {
            @Override
            public void columns(List<String> names, List<String> t) {
                types.addAll(t);
            }

            @Override
            public void row(List<String> cells) {
                rows.add(cells);
            }
        }, sql);
        return rows;
    }

    @Test
    void readsEveryTypeAsResultCellsDoes() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            try (PreparedStatement ps = db.connection().prepareStatement(EVERY_TYPE)) {
                assertTrue(ChunkCells.canRead(ps), "every column is of a type the chunked reader takes");
            }
            ResultTable materialised = db.query(EVERY_TYPE);
            List<String> types = new ArrayList<>();
            List<List<String>> rows = streamed(db, EVERY_TYPE, types);
            assertEquals(materialised.types(), types);
            assertEquals(5001, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(materialised.rows().get(i), rows.get(i), "row " + i);
            }
        }
    }

    @Test
    void othersGoThroughTheResultSet() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            db.query("CREATE TABLE t (x INTEGER)");
            for (String sql : List.of("SELECT 1.5::DECIMAL(4,2) AS d", "SELECT TIMESTAMP '2021-01-01' AS t",
                    "SELECT 'a'::ENUM('a', 'b') AS e", "SELECT [1] AS l", "SET VARIABLE x = 1",
                    "CREATE TABLE u (x INTEGER)", "INSERT INTO t VALUES (1)")) {
                try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
                    assertFalse(ChunkCells.canRead(ps), sql);
                }
            }
            List<String> types = new ArrayList<>();
            assertEquals(List.of(List.of("1")), streamed(db, "INSERT INTO t VALUES (2)", types));
            assertEquals(List.of("BIGINT"), types, "a statement without rows still answers with its count");
        }
    }

    @Test
    void anErrorWhileStreamingIsAnSqlException() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            String failsLate = "SELECT CASE WHEN i = 4500 THEN error('boom at 4500') ELSE i END AS v FROM range(9000) t(i)";
            SQLException e = assertThrows(SQLException.class, () -> streamed(db, failsLate, new ArrayList<>()));
            assertTrue(e.getMessage().contains("boom at 4500"), e.getMessage());
        }
    }
}
