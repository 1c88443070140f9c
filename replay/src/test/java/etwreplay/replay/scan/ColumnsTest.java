package etwreplay.replay.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar reads of the scan: a UBIGINT address arrives as its unsigned 64 bits in a {@code long}
 * (also above 2^63, where kernel addresses lie), a text column reads the same whether stored as VARCHAR
 * or as an ENUM, and NULL stays null.
 */
class ColumnsTest {
    @TempDir
    Path tmp;

    @Test
    void addressesKeepTheirBitsAndTextReadsTheSameFromVarcharAndEnum() throws Exception {
        List<String> addresses = List.of("0", "1", "9223372036854775807", "9223372036854775808",
                "18446735277616529408", "18446744073709551615");
        try (Database db = TestDatabases.create(tmp)) {
            db.query("CREATE TYPE t_kind AS ENUM ('DPC', 'ISR')");
            db.query("CREATE TABLE t (n INTEGER, a UBIGINT, v VARCHAR, e t_kind)");
            for (int i = 0; i < addresses.size(); i++) {
                db.query("INSERT INTO t VALUES (?, " + addresses.get(i) + ", ?, ?)", i, i % 2 == 0 ? "DPC" : "ISR",
                        i % 2 == 0 ? "DPC" : "ISR");
            }
            db.query("INSERT INTO t VALUES (99, NULL, NULL, NULL)");
            List<ReplayEvent> rows = new ArrayList<>();
            // A Process event carries what is read: n as ts, v as kind, a as directoryTableBase, e as imageName.
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT n::BIGINT, " + RowSources.bits("a")
                    + ", " + RowSources.text("v") + ", " + RowSources.text("e") + " FROM t ORDER BY n")) {
                TableCursor.read(ps, (c, r) -> new ReplayEvent.Process(c.i64NotNull(0, r), 0, c.str(2, r), null,
                        c.i64(1, r), c.str(3, r)), new Columns(), rows::add);
            }
            List<ReplayEvent> expected = new ArrayList<>();
            for (int i = 0; i < addresses.size(); i++) {
                String kind = i % 2 == 0 ? "DPC" : "ISR";
                expected.add(new ReplayEvent.Process(i, 0, kind, null, Long.parseUnsignedLong(addresses.get(i)),
                        kind));
            }
            expected.add(new ReplayEvent.Process(99, 0, null, null, null, null));
            assertEquals(expected, rows);
            assertEquals(Arrays.asList(0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFF_F800_0000_0000L, -1L),
                    rows.subList(0, addresses.size()).stream()
                            .map(r -> ((ReplayEvent.Process) r).directoryTableBase()).toList());
        }
    }
}
