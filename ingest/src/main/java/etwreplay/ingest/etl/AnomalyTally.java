package etwreplay.ingest.etl;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;

/**
 * Counts anomalies while reading and hands them to the sink once at the end, so that an anomaly hit by
 * every event (e.g. trailing bytes of a newer OS) costs an array increment, not two strings per event.
 * Keeps the first location and example of each kind, like {@code trace_stat}. Not thread-safe.
 */
final class AnomalyTally {
    private final long[] counts = new long[Anomaly.values().length];
    private final String[] locations = new String[counts.length];
    private final String[] examples = new String[counts.length];

    /**
     * Counts one {@code kind}. Returns true when it is the first, and the caller should then describe it
     * with {@link #describe}: building the description only once keeps the hot path free of strings.
     */
    boolean count(Anomaly kind) {
        return counts[kind.ordinal()]++ == 0;
    }

    void describe(Anomaly kind, String location, String example) {
        if (locations[kind.ordinal()] == null && examples[kind.ordinal()] == null) {
            locations[kind.ordinal()] = location;
            examples[kind.ordinal()] = example;
        }
    }

    /** Counts one and describes it if it is the first. */
    void add(Anomaly kind, String location, String example) {
        if (count(kind)) {
            describe(kind, location, example);
        }
    }

    /** How many of {@code kind} were counted (and not yet flushed). */
    long total(Anomaly kind) {
        return counts[kind.ordinal()];
    }

    void flushTo(EventSink sink) {
        for (Anomaly a : Anomaly.values()) {
            long n = counts[a.ordinal()];
            if (n > 0) {
                sink.anomalies(a, n, locations[a.ordinal()], examples[a.ordinal()]);
                counts[a.ordinal()] = 0;
            }
        }
    }
}
