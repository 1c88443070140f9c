package etwreplay.cli;

import etwreplay.ingest.format.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows how far a long ingest has got on stderr — bytes, events, events/s — but only when stderr is a
 * terminal and only after the first second, so scripts and short runs stay quiet.
 */
final class TerminalProgress implements ProgressListener {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintStream err;
    private final String label;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private long lastShown;
    private boolean shown;

    private TerminalProgress(PrintStream err, String label, long totalBytes) {
        this.err = err;
        this.label = label;
        this.totalBytes = totalBytes;
    }

    /** A progress line on stderr when it is a terminal, else {@link ProgressListener#NONE}. */
    static ProgressListener forStderr(String label, long totalBytes) {
        return stderrIsTerminal() ? new TerminalProgress(System.err, label, totalBytes) : NONE;
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

    @Override
    public void progress(long bytesRead, long eventsRead) {
        long now = System.nanoTime();
        if (now - start < QUIET_NANOS || now - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = now;
        shown = true;
        double seconds = (now - start) / 1e9;
        String pct = totalBytes > 0 ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * bytesRead / totalBytes) : "";
        err.printf(Locale.ROOT, "\r%s: %.1f / %.1f MB%s, %,d events, %,.0f events/s   ", label, bytesRead / 1e6,
                totalBytes / 1e6, pct, eventsRead, eventsRead / seconds);
        err.flush();
    }

    /** Clears the progress line, if one was drawn. */
    void done() {
        if (shown) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }

    static void done(ProgressListener p) {
        if (p instanceof TerminalProgress t) {
            t.done();
        }
    }
}
