package etwreplay.replay;

/**
 * Told how far a replay has got, so that a long one (a 61.5 M-event trace replays in about 50 s,
 * bench/RESULTS.md) can show it. The replay reads a trace in time order, so the trace time reached says how
 * much is done. Called on the replaying thread every {@value #EVERY_EVENTS} events and once when the scan
 * ends; must be cheap.
 */
@FunctionalInterface
public interface ReplayProgress {
    ReplayProgress NONE = (traceId, reachedNs, durationNs, events) -> { };

    /** Events between two calls: about 60 calls a second at the replay's ~1 M events/s. */
    int EVERY_EVENTS = 1 << 14;

    /**
     * @param traceId    the trace being replayed
     * @param reachedNs  the time of the last event replayed (ns since the trace start)
     * @param durationNs the trace's duration (ns), 0 when unknown
     * @param events     events replayed so far (the rundown not counted)
     */
    void progress(int traceId, long reachedNs, long durationNs, long events);
}
