package etwreplay.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.store.ReplayThreads;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay runs DuckDB with one thread and gives the database its thread count back afterwards, whether the
 * replay succeeded or failed (the setting belongs to the database instance, which outlives the replay).
 */
class ReplayThreadsTest {
    @TempDir
    Path tmp;

    private static String threads(Database db) throws Exception {
        return db.query("SELECT current_setting('threads')").rows().get(0).get(0);
    }

    @Test
    void oneThreadWhileHeldThenTheEarlierCount() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            db.query("SET threads = 3");
            try (ReplayThreads t = ReplayThreads.one(db.connection())) {
                assertEquals("1", threads(db));
            }
            assertEquals("3", threads(db));
        }
    }

    @Test
    void aReplayRestoresTheThreadCountAfterSuccessAndFailure() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample("disk-read-foreign-context.txt"))) {
            db.query("SET threads = 3");
            ReplayEngine.replay(db, 1, null);
            assertEquals("3", threads(db));
            assertThrows(IllegalArgumentException.class, () -> ReplayEngine.replay(db, 7, null));
            assertEquals("3", threads(db));
        }
    }
}
