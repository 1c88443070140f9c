package etwreplay.ingest.event;

import java.util.Locale;

/**
 * A kind of anomaly counted in {@code trace_stat}. Implemented by the catalogue of each stage (ingest's
 * {@link Anomaly}, replay's own), so one counter and one writer serve both.
 */
public interface AnomalyKind {
    Severity severity();

    /** What it means for the results, stored beside every count. */
    String description();

    /** The enum constant's name; implemented by every enum. */
    String name();

    /** The persisted name, e.g. {@code field_count_mismatch}. */
    default String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
