package etwreplay.bench.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.event.Severity;
import etwreplay.ingest.store.AnomalyCounter;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.replay.ReplayEngine;
import etwreplay.replay.ReplaySummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generator's output is valid: each format ingests with no data-loss or error anomaly and exactly
 * the rows per table the model says it wrote (plus the one EventTrace header event), and replays with
 * every request complete. Small sizes only: speed is measured by bench/run, not here.
 */
class GeneratedTracesTest {
    private static final long EVENTS = 20_000;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"xperf", "xml", "etl64", "etl32"})
    void ingestsWithExpectedCountsAndNoLoss(String format) throws Exception {
        Generate.Written w = Generate.generate(dir, "g", format, EVENTS, SEED);
        assertTrue(w.events() >= EVENTS, "the model writes at least the events asked for");
        try (Database db = Database.openForWrite(dir.resolve("g.duckdb"))) {
            TraceIngester.Result r = new TraceIngester(db, "test").ingest(w.file(), TraceIngester.Options.defaults());
            Map<String, Long> actual = new TreeMap<>();
            r.summary().rowsPerTable().forEach((t, n) -> {
                if (n > 0 && t != EventTable.GENERIC_EVENT) {
                    actual.put(t.tableName(), n);
                }
            });
            assertEquals(new TreeMap<>(w.counts()), actual, format + ": rows per table");
            assertEquals(1L, r.summary().rowsPerTable().get(EventTable.GENERIC_EVENT),
                    "only the EventTrace header is not modelled");
            assertNoLoss(r.summary().anomalies(), format);

            ReplaySummary s = ReplayEngine.replay(db, r.summary().traceId(), null);
            String text = s.toText();
            assertTrue(text.contains("context: cswitch"), text);
            assertEquals(List.of(), db.query("SELECT status, count(*) FROM irp WHERE status <> 'complete'"
                    + " GROUP BY status ORDER BY status").rows(), "every generated request completes");
            long hazards = Long.parseLong(db.query("SELECT count(*) FROM hazard").rows().get(0).get(0));
            assertTrue(hazards > 0, "the generator plants user-address page faults inside DPCs");
            assertEquals(List.of(), db.query("SELECT name, severity, count FROM trace_stat WHERE severity <> 'info'"
                    + " ORDER BY name").rows(), "no data-loss or error anomaly after replay");
        }
    }

    @Test
    void sameSeedSameBytes() throws Exception {
        Path a = Generate.generate(dir.resolve("a"), "g", "etl64", 5_000, SEED).file();
        Path b = Generate.generate(dir.resolve("b"), "g", "etl64", 5_000, SEED).file();
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void netRepeatDoublesTheRealEventMix() throws Exception {
        Path source = SharedTraces.trace("etl/net.4.5.2.x64.etl");
        Generate.Written w = Generate.netRepeat(source, dir.resolve("net.etl"), 2 * 23_000_000L);
        assertEquals(2L, w.counts().get("repeats"));
        try (Database once = Database.openForWrite(dir.resolve("once.duckdb"));
             Database twice = Database.openForWrite(dir.resolve("twice.duckdb"))) {
            TraceIngester.Result r1 = new TraceIngester(once, "test").ingest(source, TraceIngester.Options.defaults());
            TraceIngester.Result r2 = new TraceIngester(twice, "test").ingest(w.file(),
                    TraceIngester.Options.defaults());
            for (EventTable t : List.of(EventTable.SAMPLE, EventTable.DISK_IO, EventTable.FILE_IO, EventTable.STACK,
                    EventTable.PAGE_FAULT)) {
                assertEquals(2 * r1.summary().rowsPerTable().get(t), r2.summary().rowsPerTable().get(t), t.tableName());
            }
            assertNoLoss(r2.summary().anomalies(), "net repeat");
            // Repetition k is shifted past repetition k-1: time order holds across the seam.
            List<List<String>> seam = twice.query("SELECT count(*) FROM (SELECT ts, lag(ts) OVER (ORDER BY seq) AS"
                    + " prev FROM sample) WHERE ts < prev - 1000000000").rows();
            assertEquals("0", seam.get(0).get(0));
        }
    }

    private static void assertNoLoss(AnomalyCounter<Anomaly> anomalies, String what) {
        for (Map.Entry<Anomaly, AnomalyCounter.Tally> e : anomalies.tallies().entrySet()) {
            AnomalyCounter.Tally tally = e.getValue();
            assertEquals(Severity.INFO, e.getKey().severity(), what + ": " + e.getKey().sqlName() + " x"
                    + tally.count() + " at " + tally.firstLocation() + ": " + tally.example());
        }
    }
}
