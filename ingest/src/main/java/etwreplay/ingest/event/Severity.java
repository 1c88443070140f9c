package etwreplay.ingest.event;

/** How much an anomaly matters to the results (after Perfetto's stats severities). */
public enum Severity {
    /** Expected oddity of the source; results are not affected. */
    INFO,
    /** Something was not recorded or could not be read: results may be incomplete. */
    DATA_LOSS,
    /** The input contradicts itself: results built on it may be wrong. */
    ERROR;

    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
