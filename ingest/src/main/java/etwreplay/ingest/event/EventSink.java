package etwreplay.ingest.event;

import java.util.Map;

/**
 * Where readers put what they decode. Calls come from one thread, in file order; the sink assigns
 * {@code seq} (order of arrival) itself. Implementations must not retain the {@code extra} map.
 */
public interface EventSink {
    /** Records one canonical event. */
    void accept(TraceEvent event);

    /**
     * Records one canonical event plus the source columns its table does not model, by source name
     * (kept in the {@code extra} column so that nothing is lost). {@code extra} may be null or empty.
     */
    void accept(TraceEvent event, Map<String, String> extra);

    /**
     * Counts one anomaly. {@code location} says where (e.g. {@code line 12} or {@code offset 0x1f00});
     * {@code example} is a short excerpt of the offending input. Only the first location and example
     * of each kind are kept.
     */
    void anomaly(Anomaly kind, String location, String example);

    /** Counts {@code count} occurrences of an anomaly at once (e.g. events lost, from a header). */
    void anomalies(Anomaly kind, long count, String location, String example);
}
