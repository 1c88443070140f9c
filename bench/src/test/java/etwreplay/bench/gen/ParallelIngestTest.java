package etwreplay.bench.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.DatabaseSnapshot;
import etwreplay.ingest.testing.SharedTraces;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Using both cores must not change results: the database after an ingest whose inserts run on a worker
 * thread equals, row for row and {@code seq} for {@code seq}, the one written on the reader's thread alone
 * ({@code etwreplay.ingest.writers} = 0).
 */
class ParallelIngestTest {
    private static final String WRITERS = "etwreplay.ingest.writers";

    @TempDir
    Path dir;

    @Test
    void generatedTraceInEveryFormat() throws Exception {
        for (String format : new String[] {"etl64", "xperf", "xml"}) {
            Path trace = Generate.generate(dir, "p", format, 30_000, 11).file();
            assertSameDatabase(trace, format);
        }
    }

    @Test
    void realSampledTrace() throws Exception {
        assertSameDatabase(SharedTraces.trace("etl/net.4.5.2.x64.etl"), "net");
    }

    private void assertSameDatabase(Path trace, String name) throws Exception {
        String serial = snapshot(trace, name + "-serial", "0");
        String parallel = snapshot(trace, name + "-parallel", "1");
        assertEquals(serial, parallel, name + ": the ingest with an inserting thread differs from the serial one");
    }

    private String snapshot(Path trace, String name, String writers) throws Exception {
        String before = System.getProperty(WRITERS);
        System.setProperty(WRITERS, writers);
        try (Database db = Database.openForWrite(dir.resolve(name + ".duckdb"))) {
            new TraceIngester(db, "test").ingest(trace, TraceIngester.Options.defaults());
            return DatabaseSnapshot.of(db).replace(dir.resolve(name + ".duckdb").toString(), "");
        } finally {
            if (before == null) {
                System.clearProperty(WRITERS);
            } else {
                System.setProperty(WRITERS, before);
            }
        }
    }
}
