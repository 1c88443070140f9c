package etwreplay.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import etwreplay.ingest.event.DpcEvent;
import etwreplay.ingest.event.TraceHeader;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest transaction runs DuckDB with one thread and its row groups written one by one, and leaves both
 * settings as it found them after a commit, a rollback or a failed insert.
 */
class BulkWriteSettingsTest {
    @TempDir
    Path dir;

    @Test
    void setDuringTheIngestAndPutBackAfterCommit() throws Exception {
        try (Database db = Database.openForWrite(dir.resolve("commit.duckdb"))) {
            execute(db, "SET threads = 3");
            execute(db, "SET write_buffer_row_group_count = 7");
            try (TraceStore.Transaction tx = new TraceStore(db).begin(null)) {
                assertEquals(List.of("1", "1"), settings(db));
                addDpc(tx, 1, 2 * InsertWorker.BATCH_ROWS);
                tx.commit(source(), new TraceHeader(), "test");
            }
            assertEquals(List.of("3", "7"), settings(db));
            assertEquals(List.of(List.of(Long.toString(2L * InsertWorker.BATCH_ROWS))),
                    db.query("SELECT count(*) FROM dpc").rows());
        }
    }

    @Test
    void putBackAfterRollback() throws Exception {
        try (Database db = Database.openForWrite(dir.resolve("rollback.duckdb"))) {
            execute(db, "SET threads = 2");
            List<String> before = settings(db);
            try (TraceStore.Transaction tx = new TraceStore(db).begin(null)) {
                addDpc(tx, 1, 10);
                assertEquals(List.of("1", "1"), settings(db));
                tx.rollback();
            }
            assertEquals(before, settings(db));
            assertEquals(List.of(List.of("0")), db.query("SELECT count(*) FROM dpc").rows());
        }
    }

    @Test
    void putBackAfterAFailedInsert() throws Exception {
        try (Database db = Database.openForWrite(dir.resolve("failed.duckdb"))) {
            // DuckDB itself refuses a row deep inside the ingest: the same dpc table with a CHECK.
            String ddl = db.query("SELECT sql FROM duckdb_tables() WHERE table_name = 'dpc'").rows().get(0).get(0);
            execute(db, "DROP TABLE dpc");
            execute(db, ddl.substring(0, ddl.lastIndexOf(')')) + ", CHECK (duration_ns <> -12345))");
            execute(db, "SET write_buffer_row_group_count = 4");
            List<String> before = settings(db);
            TraceStore store = new TraceStore(db);
            RuntimeException failure = assertThrows(RuntimeException.class, () -> {
                try (TraceStore.Transaction tx = store.begin(null)) {
                    addDpc(tx, 1, 2 * InsertWorker.BATCH_ROWS);
                    tx.sink().accept(new DpcEvent(1, 0, "DPC", null, -12345L, 5L, null));
                    tx.commit(source(), new TraceHeader(), "test");
                }
            });
            assertEquals(before, settings(db), String.valueOf(failure));
            assertEquals(List.of(List.of("0")), db.query("SELECT count(*) FROM dpc").rows());
        }
    }

    private static void addDpc(TraceStore.Transaction tx, int first, int rows) {
        for (int i = first; i < first + rows; i++) {
            tx.sink().accept(new DpcEvent(i, 0, "DPC", null, 1L, 5L, null));
        }
    }

    /** threads, write_buffer_row_group_count */
    private static List<String> settings(Database db) throws SQLException {
        return db.query("SELECT current_setting('threads')::VARCHAR,"
                + " current_setting('write_buffer_row_group_count')::VARCHAR").rows().get(0);
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Statement st = db.connection().createStatement()) {
            st.execute(sql);
        }
    }

    private static TraceStore.SourceFile source() {
        return new TraceStore.SourceFile("t.etl", "/t.etl", 1, "content", "head", "etl");
    }
}
