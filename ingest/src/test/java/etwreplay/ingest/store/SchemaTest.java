package etwreplay.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.event.RowWriter;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schema.sql, the EventTable catalogue and the event records must agree column for column. */
class SchemaTest {
    @TempDir
    Path tmp;

    @Test
    void everyEventTableHasTheCatalogueColumnsInOrder() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            for (EventTable t : EventTable.values()) {
                List<String> expected = new ArrayList<>(EventTable.KEY_COLUMNS);
                expected.addAll(t.columns());
                expected.add(EventTable.EXTRA_COLUMN);
                List<String> actual = new ArrayList<>();
                for (List<String> row : db.query("SELECT column_name FROM information_schema.columns"
                        + " WHERE table_name = ? ORDER BY ordinal_position", t.tableName()).rows()) {
                    actual.add(row.get(0));
                }
                assertEquals(expected, actual, "columns of " + t.tableName());
            }
        }
    }

    @Test
    void everyRecordWritesExactlyItsTablesColumns() {
        for (var sample : EventSamples.oneOfEach()) {
            int[] count = {0};
            RowWriter counter = new RowWriter() {
                @Override public void i32(Integer v) { count[0]++; }
                @Override public void i64(Long v) { count[0]++; }
                @Override public void u64(Long v) { count[0]++; }
                @Override public void str(String v) { count[0]++; }
                @Override public void bool(Boolean v) { count[0]++; }
                @Override public void map(Map<String, String> v) { count[0]++; }
                @Override public void blob(byte[] v) { count[0]++; }
            };
            sample.writeColumns(counter);
            assertEquals(sample.table().columns().size(), count[0], sample.getClass().getSimpleName());
        }
        assertEquals(EventTable.values().length, EventSamples.oneOfEach().size(), "one sample per table");
    }

    @Test
    void aDatabaseOfAnotherSchemaVersionIsRefused() throws Exception {
        Path file = tmp.resolve("old.duckdb");
        try (Database db = Database.openForWrite(file);
             PreparedStatement ps = db.connection().prepareStatement(
                     "UPDATE schema_info SET value = '999' WHERE key = 'schema_version'")) {
            ps.executeUpdate();
        }
        Schema.SchemaMismatchException e = assertThrows(Schema.SchemaMismatchException.class,
                () -> Database.openForWrite(file));
        assertEquals("the database has etwreplay schema version 999 but this etwreplay writes version "
                + Schema.VERSION + "; ingest into a new database file", e.getMessage());
    }
}
