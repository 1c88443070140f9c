package etwreplay.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.bench.gen.Generate;
import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.DatabaseSnapshot;
import etwreplay.replay.scan.OrderedScan;
import etwreplay.replay.scan.ScanReadFloor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's floors measure the work they name: the decoding floor decodes every event the ingest
 * stores, the read floor reads every row the replay's scan feeds, and the numbers-only storing floor copies
 * every raw row and leaves the database as it found it. (Their times are the benchmark's business, not a
 * test's.)
 */
class StageFloorsTest {
    @TempDir
    Path dir;
    private Path trace;
    private Path dbFile;
    private int traceId;
    private long stored;

    @BeforeEach
    void ingest() throws Exception {
        trace = Generate.generate(dir, "floors", "etl64", 30_000, 11).file();
        dbFile = dir.resolve("floors.duckdb");
        try (Database db = Database.openForWrite(dbFile)) {
            traceId = new TraceIngester(db, "test").ingest(trace, TraceIngester.Options.defaults()).summary().traceId();
            stored = single(db, "SELECT event_count FROM trace WHERE trace_id = " + traceId);
        }
        assertTrue(stored >= 30_000, "the generated trace was ingested: " + stored);
    }

    @Test
    void decodingFloorDecodesEveryEventTheIngestStores() throws Exception {
        assertEquals(stored, Stage.countDecoded(trace));
    }

    @Test
    void readFloorReadsEveryRowTheScanFeeds() throws Exception {
        try (Database db = Database.openReadOnly(dbFile)) {
            long[] fed = {0};
            OrderedScan scan = new OrderedScan(db.connection(), traceId);
            scan.rundown(e -> fed[0]++);
            scan.events(e -> fed[0]++);
            ScanReadFloor.Counts read = ScanReadFloor.read(db.connection(), traceId);
            assertEquals(fed[0], read.rows());
            // ts and seq at least, on every row; the generated trace names processes, kinds and modules.
            assertTrue(read.values() > 2 * read.rows(), read.toString());
            assertTrue(read.strings() > 0, read.toString());
        }
    }

    @Test
    void numbersFloorCopiesEveryRawRowAndLeavesTheDatabaseAsItWas() throws Exception {
        String before;
        long rawRows;
        try (Database db = Database.openReadOnly(dbFile)) {
            before = DatabaseSnapshot.of(db);
            rawRows = single(db, "SELECT (SELECT count(*) FROM process) + (SELECT count(*) FROM thread)"
                    + " + (SELECT count(*) FROM image) + (SELECT count(*) FROM cswitch)"
                    + " + (SELECT count(*) FROM ready_thread) + (SELECT count(*) FROM dpc)"
                    + " + (SELECT count(*) FROM isr) + (SELECT count(*) FROM disk_io)"
                    + " + (SELECT count(*) FROM file_io) + (SELECT count(*) FROM driver_irp)"
                    + " + (SELECT count(*) FROM page_fault) + (SELECT count(*) FROM sample)"
                    + " + (SELECT count(*) FROM syscall) + (SELECT count(*) FROM generic_event)"
                    + " + (SELECT count(*) FROM stack)");
        }
        String out = stdoutOf("store-floor-numbers", dbFile.toString());
        Matcher m = Pattern.compile("RESULT name=store-floor-numbers seconds=\\S+ events=(\\d+) ").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(rawRows, Long.parseLong(m.group(1)));
        try (Database db = Database.openReadOnly(dbFile)) {
            assertEquals(before, DatabaseSnapshot.of(db));
            assertEquals(0, single(db, "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'floor_copy_%'"));
        }
    }

    private static long single(Database db, String sql) throws Exception {
        try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String stdoutOf(String... args) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Stage.main(args);
        } finally {
            System.setOut(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
