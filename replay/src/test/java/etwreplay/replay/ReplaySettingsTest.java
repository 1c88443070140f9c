package etwreplay.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay runs with the ingest's bulk-write settings (one DuckDB thread, row groups written as they fill:
 * BulkWriteSettings) and gives the database its own settings back afterwards, whether the replay succeeded
 * or failed (they belong to the database instance, which outlives the replay).
 */
class ReplaySettingsTest {
    @TempDir
    Path tmp;

    private static List<String> settings(Database db) throws Exception {
        return db.query("SELECT current_setting('threads')::VARCHAR, current_setting('write_buffer_row_group_count')"
                + "::VARCHAR").rows().get(0);
    }

    @Test
    void aReplayRestoresTheSettingsAfterSuccessAndFailure() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample("disk-read-foreign-context.txt"))) {
            db.query("SET threads = 3");
            db.query("SET write_buffer_row_group_count = 7");
            ReplayEngine.replay(db, 1, null);
            assertEquals(List.of("3", "7"), settings(db));
            assertThrows(IllegalArgumentException.class, () -> ReplayEngine.replay(db, 7, null));
            assertEquals(List.of("3", "7"), settings(db));
        }
    }
}
