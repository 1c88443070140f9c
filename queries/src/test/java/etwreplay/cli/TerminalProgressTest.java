package etwreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.format.ProgressListener;
import etwreplay.replay.ReplayProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress line: quiet for the first second, then redrawn at most every 250 ms, cleared at the end. */
class TerminalProgressTest {
    private static final long MS = 1_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long[] now = {0};

    private TerminalProgress progress(boolean enabled) {
        return new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> now[0], enabled);
    }

    /** Each drawn line, trailing blanks removed (a blank line is a clearing). */
    private List<String> lines() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        return Arrays.stream(s.split("\r", -1)).skip(1).map(String::stripTrailing).toList();
    }

    @Test
    void anIngestLineShowsBytesEventsAndRate() {
        TerminalProgress t = progress(true);
        ProgressListener p = t.ingest("ingesting a.etl", 200_000_000);
        now[0] = 999 * MS;
        p.progress(10_000_000, 50_000);
        now[0] = 1_000 * MS;
        p.progress(50_000_000, 1_000_000);
        now[0] = 1_200 * MS;
        p.progress(60_000_000, 1_200_000);
        now[0] = 2_000 * MS;
        p.progress(100_000_000, 2_000_000);
        t.done();
        assertEquals(List.of(
                "ingesting a.etl: 50.0 / 200.0 MB (25%), 1,000,000 events, 1,000,000 events/s",
                "ingesting a.etl: 100.0 / 200.0 MB (50%), 2,000,000 events, 1,000,000 events/s",
                "",
                ""), lines());
    }

    @Test
    void aReplayLineShowsTraceTimeAndRatePerTrace() {
        TerminalProgress t = progress(true);
        ReplayProgress p = t.replay();
        now[0] = 500 * MS;
        p.progress(1, 1_000_000_000L, 0, 16_384);
        now[0] = 1_500 * MS;
        p.progress(1, 30_500_000_000L, 0, 1_016_384);
        now[0] = 2_000 * MS;
        p.progress(2, 2_000_000_000L, 60_000_000_000L, 16_384);
        now[0] = 3_000 * MS;
        p.progress(2, 60_000_000_000L, 60_000_000_000L, 2_016_384);
        t.done();
        t.done();
        assertEquals(List.of(
                "replaying trace 1: at 30.5 s of the trace, 1,016,384 events, 1,000,000 events/s",
                "replaying trace 2: 2.0 of 60.0 s of the trace (3%), 16,384 events",
                "replaying trace 2: 60.0 of 60.0 s of the trace (100%), 2,016,384 events, 2,000,000 events/s",
                "",
                ""), lines());
    }

    @Test
    void aQueryLineShowsSecondsThenRows() {
        TerminalProgress t = progress(true);
        long start = 200 * MS;
        now[0] = 900 * MS;
        t.tick("report cpu_timeline", start, 0);
        now[0] = 1_100 * MS;
        t.tick("report cpu_timeline", start, 0);
        now[0] = 1_200 * MS;
        t.tick("report cpu_timeline", start, 4096);
        now[0] = 27_300 * MS;
        t.tick("report cpu_timeline", start, 12_288);
        t.done();
        assertEquals(List.of(
                "report cpu_timeline: running, 0 s",
                "report cpu_timeline: 12,288 rows written, 27 s",
                "",
                ""), lines());
    }

    @Test
    void tickingDrawsFromItsOwnThreadAndClearsWhenClosed() throws Exception {
        TerminalProgress t = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                System::nanoTime, true);
        long[] rows = {0};
        try (AutoCloseable ticking = t.ticking("sql", () -> rows[0])) {
            Thread.sleep(1_500);
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        List<String> seen = lines();
        // The first draw comes about a second after the start: its whole seconds are 0 or 1.
        assertTrue(seen.get(0).matches("sql: running, [01] s"), drawn);
        assertEquals("", seen.get(seen.size() - 1), drawn);
    }

    @Test
    void withoutATerminalNothingIsDrawn() {
        TerminalProgress t = progress(false);
        now[0] = 5_000 * MS;
        t.ingest("ingesting a.etl", 1).progress(1, 1);
        t.replay().progress(1, 1, 1, 1);
        t.tick("sql", 0, 1);
        t.done();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
