package etwreplay.bench.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.DatabaseSnapshot;
import etwreplay.replay.ReplayEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay that reads ahead on a second thread and connection ({@code etwreplay.replay.prefetch}) and
 * appends the derived tables on a third ({@code etwreplay.replay.writer}) writes the same database as one
 * done on the caller's thread alone.
 */
class ParallelReplayTest {
    @TempDir
    Path dir;

    @Test
    void replayOnThreeThreadsEqualsSerial() throws Exception {
        Path trace = Generate.generate(dir, "r", "etl64", 40_000, 5).file();
        assertEquals(replayed(trace, "serial", "false"), replayed(trace, "parallel", "true"));
    }

    private String replayed(Path trace, String name, String parallel) throws Exception {
        System.setProperty("etwreplay.replay.prefetch", parallel);
        System.setProperty("etwreplay.replay.writer", parallel);
        try (Database db = Database.openForWrite(dir.resolve(name + ".duckdb"))) {
            int id = new TraceIngester(db, "test").ingest(trace, TraceIngester.Options.defaults()).summary().traceId();
            String summary = ReplayEngine.replay(db, id, null).toText();
            return summary + DatabaseSnapshot.of(db);
        } finally {
            System.clearProperty("etwreplay.replay.prefetch");
            System.clearProperty("etwreplay.replay.writer");
        }
    }
}
