package etwreplay.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.scan.OrderedScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a replay tells its {@link ReplayProgress}: a call every {@link ReplayProgress#EVERY_EVENTS} events,
 * in time order, and a last one when the scan ends, with every event the ordered scan feeds counted (counted
 * here by running the scan itself) and the trace end reached.
 */
class ReplayProgressTest {
    @TempDir
    Path tmp;

    record Call(int traceId, long reachedNs, long durationNs, long events) {
    }

    private static List<Call> replay(Database db) throws Exception {
        List<Call> calls = new ArrayList<>();
        ReplayEngine.replay(db, 1, null, (id, reached, duration, events) -> calls.add(new Call(id, reached, duration,
                events)));
        return calls;
    }

    private static long scanned(Database db) throws Exception {
        long[] n = {0};
        new OrderedScan(db.connection(), 1).events(e -> n[0]++);
        return n[0];
    }

    private static long durationNs(Database db) throws Exception {
        return Long.parseLong(db.query("SELECT duration_ns FROM trace WHERE trace_id = 1").rows().get(0).get(0));
    }

    /** net.4.5.2.x64.etl (real, PerfView): enough events for calls on the way, each later in the trace. */
    @Test
    void aRealTraceIsToldOnTheWayAndAtTheEnd() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.trace("etl/net.4.5.2.x64.etl"))) {
            long events = scanned(db);
            long duration = durationNs(db);
            List<Call> calls = replay(db);

            assertTrue(events > 2L * ReplayProgress.EVERY_EVENTS, "the trace has " + events + " events");
            assertEquals(events / ReplayProgress.EVERY_EVENTS + 1, calls.size(), calls.toString());
            for (int i = 0; i < calls.size() - 1; i++) {
                Call c = calls.get(i);
                assertEquals((i + 1L) * ReplayProgress.EVERY_EVENTS, c.events());
                assertTrue(c.reachedNs() <= calls.get(i + 1).reachedNs(), calls.toString());
                assertTrue(c.reachedNs() < duration, c.toString());
            }
            Call last = calls.get(calls.size() - 1);
            assertEquals(new Call(1, duration, duration, events), last);
        }
    }

    /** A hand-written scenario of a few events: only the last call, at the trace end. */
    @Test
    void aShortTraceIsToldOnceAtTheEnd() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample("disk-read-foreign-context.txt"))) {
            long events = scanned(db);
            long duration = durationNs(db);
            assertTrue(events > 0 && events < ReplayProgress.EVERY_EVENTS, "events: " + events);
            assertEquals(List.of(new Call(1, duration, duration, events)), replay(db));
        }
    }
}
