package etwreplay.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.event.DpcEvent;
import etwreplay.ingest.event.EventTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch is full at its row capacity or once its distinct strings hold its byte budget. */
class ColumnBatchTest {
    @TempDir
    Path dir;

    private TableLayout dpcLayout() throws Exception {
        try (Database db = Database.openForWrite(dir.resolve("layout.duckdb"))) {
            return TableLayout.read(db.connection(), EventTable.DPC);
        }
    }

    private static DpcEvent dpc(long ts, String symbol) {
        return new DpcEvent(ts, 0, "DPC", null, null, null, symbol);
    }

    @Test
    void longDistinctStringsFillABatchBeforeItsRowCapacity() throws Exception {
        ColumnBatch b = new ColumnBatch(dpcLayout(), 1000, 100_000);
        int rows = 0;
        while (!b.full()) {
            b.add(dpc(rows, rows + "x".repeat(10_000)), null, ++rows);
        }
        // Each symbol holds about 10,045 bytes (its 10,005 characters and ~40 of headers); "DPC" counts once.
        assertEquals(10, rows);
        b.clear();
        assertFalse(b.full());
        assertEquals(0, b.size());
    }

    @Test
    void repeatedStringsCountOnce() throws Exception {
        ColumnBatch b = new ColumnBatch(dpcLayout(), 1000, 100_000);
        String symbol = "x".repeat(10_000);
        for (int i = 1; i <= 999; i++) {
            b.add(dpc(i, new String(symbol)), null, i);
        }
        assertFalse(b.full(), "999 equal symbols are held once");
        b.add(dpc(1000, symbol), null, 1000);
        assertTrue(b.full(), "the row capacity");
    }
}
