package etwreplay.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text of each kind of cell, the same whether a result is materialised or streamed. */
class ResultCellsTest {
    private static final String SQL = """
            SELECT 18446744073709551615::UBIGINT AS top_address, 9223372036854775808::UBIGINT AS high_half,
                   0::UBIGINT AS zero_address, NULL::UBIGINT AS no_address,
                   (-9223372036854775808)::BIGINT AS big, 42::INTEGER AS int, 170141183460469231731687303715884105727::HUGEINT AS huge,
                   0.0000001::DOUBLE AS tiny, 2.50::DOUBLE AS two_and_a_half, 1e21::DOUBLE AS large, 1.5::FLOAT AS flt,
                   12.340::DECIMAL(6,3) AS dec, true AS yes, NULL::BOOLEAN AS unknown,
                   'DISPATCH'::ENUM('PASSIVE', 'DISPATCH') AS level, 'a,b "c"' AS text, NULL::VARCHAR AS nothing,
                   TIMESTAMP '2021-06-01 12:34:56.789' AS at, '\\xAB\\x01'::BLOB AS bytes, [1, 2]::INTEGER[] AS list,
                   'nan'::DOUBLE AS not_a_number, '-inf'::DOUBLE AS minus_infinity, NULL::DOUBLE AS no_double
            """;
    private static final List<String> EXPECTED = Arrays.asList("0xffffffffffffffff", "0x8000000000000000", "0x0",
            null, "-9223372036854775808", "42", "170141183460469231731687303715884105727", "0.0000001", "2.5",
            "1000000000000000000000", "1.5", "12.340", "true", null, "DISPATCH", "a,b \"c\"", null,
            "2021-06-01T12:34:56.789", "\\xAB\\x01", "[1, 2]", "NaN", "-Infinity", null);

    @TempDir
    Path tmp;

    @Test
    void eachTypeIsShownAsDocumentedMaterialisedOrStreamed() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            ResultTable table = db.query(SQL);
            assertEquals(EXPECTED, table.rows().get(0));
            List<List<String>> streamed = new ArrayList<>();
            List<String> types = new ArrayList<>();
            long n = db.stream(new RowSink() {
                @Override
                public void columns(List<String> names, List<String> t) {
                    assertEquals(table.columns(), names);
                    types.addAll(t);
                }

                @Override
                public void row(List<String> cells) {
                    streamed.add(cells);
                }
            }, SQL);
            assertEquals(1, n);
            assertEquals(table.types(), types);
            assertEquals(table.rows(), streamed);
        }
    }

    @Test
    void aStatementWithoutRowsAnswersWithItsCount() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            db.query("CREATE TABLE t (x INTEGER)");
            List<List<String>> rows = new ArrayList<>();
            db.stream(new RowSink() {
                @Override
                public void columns(List<String> names, List<String> types) {
                    assertEquals(List.of("rows_changed"), names);
                }

                @Override
                public void row(List<String> cells) {
                    rows.add(cells);
                }
            }, "INSERT INTO t VALUES (1), (2), (?)", 3);
            assertEquals(List.of(List.of("3")), rows);
        }
    }
}
