package etwreplay.cli;

import etwreplay.ingest.format.ProgressListener;
import etwreplay.replay.ReplayProgress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far long work has got on one line of stderr - an ingest (bytes, events, events/s), a replay
 * (trace time reached, events, events/s), a query writing its rows to a file (seconds, rows) - but only when
 * stderr is a terminal and only after the first second, so scripts and short runs stay quiet. Redrawn at most
 * four times a second; {@link #done} clears it before the command prints its results. Used from one thread at
 * a time ({@link #ticking}'s thread in its stead while it runs).
 */
final class TerminalProgress {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long EVERY_NANOS = 250_000_000L;
    /** Wide enough to blank any line drawn here. */
    private static final int LINE = 110;

    private final PrintStream err;
    private final LongSupplier clock;
    private final boolean enabled;
    private final long created;
    private long lastShown;
    private boolean shown;
    private int replayTrace = -1;
    private long replayStart;
    private long replayStartEvents;

    TerminalProgress(PrintStream err, LongSupplier clock, boolean enabled) {
        this.err = err;
        this.clock = clock;
        this.enabled = enabled;
        this.created = clock.getAsLong();
    }

    /** Draws on stderr when it is a terminal, else nothing. */
    static TerminalProgress onStderr() {
        return new TerminalProgress(System.err, System::nanoTime, stderrIsTerminal());
    }

    /** Draws nothing. */
    static TerminalProgress none() {
        return new TerminalProgress(System.err, System::nanoTime, false);
    }

    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            Path fd2 = Path.of("/proc/self/fd/2");
            if (Files.exists(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception e) {
            // Not Linux, or not allowed to look: fall back below.
        }
        return System.console() != null;
    }

    /** An ingest's progress: {@code label}: MB read of {@code totalBytes} (0: unknown), events, events/s. */
    ProgressListener ingest(String label, long totalBytes) {
        if (!enabled) {
            return ProgressListener.NONE;
        }
        long start = clock.getAsLong();
        return (bytesRead, eventsRead) -> {
            long now = clock.getAsLong();
            if (due(now)) {
                String pct = totalBytes > 0 ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * bytesRead / totalBytes)
                        : "";
                draw(String.format(Locale.ROOT, "%s: %.1f / %.1f MB%s, %,d events, %,.0f events/s", label,
                        bytesRead / 1e6, totalBytes / 1e6, pct, eventsRead, rate(eventsRead, now - start)));
            }
        };
    }

    /** A replay's progress, per trace: the trace time reached of its duration, events, events/s. */
    ReplayProgress replay() {
        if (!enabled) {
            return ReplayProgress.NONE;
        }
        return (traceId, reachedNs, durationNs, events) -> {
            long now = clock.getAsLong();
            if (traceId != replayTrace) {
                replayTrace = traceId;
                replayStart = now;
                replayStartEvents = events;
            }
            if (due(now)) {
                String where = durationNs > 0
                        ? String.format(Locale.ROOT, "%.1f of %.1f s of the trace (%.0f%%)", reachedNs / 1e9,
                                durationNs / 1e9, 100.0 * Math.min(1.0, Math.max(0.0, (double) reachedNs / durationNs)))
                        : String.format(Locale.ROOT, "at %.1f s of the trace", reachedNs / 1e9);
                // The first call of a trace starts its clock: no rate yet.
                String rate = now > replayStart ? String.format(Locale.ROOT, ", %,.0f events/s",
                        rate(events - replayStartEvents, now - replayStart)) : "";
                draw(String.format(Locale.ROOT, "replaying trace %d: %s, %,d events%s", traceId, where, events, rate));
            }
        };
    }

    /**
     * Until closed, a thread of its own redraws "{@code label}: running, N s" and, once rows come, "N rows
     * written, N s": a query shows nothing else while DuckDB sorts (a whole 61.5 M-event cpu_timeline: 27 s to
     * its first row, 48 s in all). Close clears the line. For rows that go to a file, not to this terminal.
     */
    AutoCloseable ticking(String label, LongSupplier rows) {
        if (!enabled) {
            return () -> { };
        }
        long start = clock.getAsLong();
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(100);
                    tick(label, start, rows.getAsLong());
                }
            } catch (InterruptedException e) {
                // Closed.
            }
        }, "progress");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            thread.interrupt();
            thread.join();
            done();
        };
    }

    /** One redraw of {@link #ticking}'s line, when due. */
    void tick(String label, long start, long rows) {
        long now = clock.getAsLong();
        if (due(now)) {
            long seconds = (now - start) / 1_000_000_000L;
            draw(rows > 0 ? String.format(Locale.ROOT, "%s: %,d rows written, %d s", label, rows, seconds)
                    : String.format(Locale.ROOT, "%s: running, %d s", label, seconds));
        }
    }

    /**
     * True when stdout goes to a regular file ({@code > out.csv}). Not a pipe: its reader may be a pager on this
     * same terminal, over which a progress line would be drawn.
     */
    static boolean stdoutIsFile() {
        try {
            Path fd1 = Path.of("/proc/self/fd/1");
            return Files.exists(fd1) && Files.isRegularFile(fd1.toRealPath());
        } catch (Exception e) {
            // Not Linux, or not allowed to look: draw nothing.
            return false;
        }
    }

    /** Clears the progress line, if one was drawn. */
    void done() {
        if (shown) {
            shown = false;
            err.print("\r" + " ".repeat(LINE) + "\r");
            err.flush();
        }
    }

    private boolean due(long now) {
        if (!enabled || now - created < QUIET_NANOS || (shown && now - lastShown < EVERY_NANOS)) {
            return false;
        }
        lastShown = now;
        return true;
    }

    private void draw(String line) {
        shown = true;
        err.print("\r" + line + " ".repeat(Math.max(0, LINE - line.length())));
        err.flush();
    }

    private static double rate(long events, long nanos) {
        return nanos > 0 ? events / (nanos / 1e9) : 0;
    }
}
