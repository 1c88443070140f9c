package etwreplay.ingest.event;

/**
 * The catalogue of anomalies counted in {@code trace_stat}: never thrown, never silently dropped.
 * Names are persisted and part of the public interface; add, don't rename.
 */
public enum Anomaly implements AnomalyKind {
    UNPARSEABLE_LINE(Severity.DATA_LOSS, "a data line that could not be read at all (kept as its example)"),
    FIELD_COUNT_MISMATCH(Severity.DATA_LOSS,
            "a data line with fewer or more fields than its header declares; missing fields are NULL"),
    UNPARSEABLE_VALUE(Severity.DATA_LOSS, "a field whose text is not a valid value for its column; stored NULL, text kept in extra"),
    OUT_OF_RANGE_VALUE(Severity.INFO, "the exporting tool printed <out of range> for an enum it could not name; stored NULL"),
    UNKNOWN_EVENT_TYPE(Severity.DATA_LOSS, "an event type with no schema line in the header; kept in generic_event with positional field names"),
    MALFORMED_HEADER_LINE(Severity.ERROR, "a line inside BeginHeader/EndHeader that is not a schema line; skipped"),
    TOOL_ERROR_LINE(Severity.INFO, "a diagnostic 'Error:' line the exporting tool interleaved with the events"),
    NON_UTF8_LINE(Severity.INFO, "a line that is not valid UTF-8; decoded as Windows-1252"),
    ORPHAN_STACK(Severity.DATA_LOSS, "a Stack line with no event before it"),
    EVENTS_LOST(Severity.DATA_LOSS, "events the recording session reported lost (header)"),
    BUFFERS_LOST(Severity.DATA_LOSS, "buffers the recording session reported lost (header)"),
    TIME_INVERSION(Severity.INFO, "an event earlier than the one before it in the file (per-CPU buffers interleave; replay sorts)"),
    UNKNOWN_NAME(Severity.DATA_LOSS, "an enum or function name the canonical tables do not know; stored NULL, text kept in extra"),
    CPU_COUNT_INFERRED(Severity.INFO, "the source does not state the CPU count; it was inferred as highest CPU seen + 1"),
    UNKNOWN_VERSION(Severity.DATA_LOSS, "an event version the decoders do not know; decoded by the nearest known layout or kept in generic_event"),
    TRUNCATED_PAYLOAD(Severity.DATA_LOSS, "a payload shorter than its layout; the missing fields are NULL"),
    TRAILING_BYTES(Severity.INFO, "a payload longer than its layout (newer OS); the extra bytes are ignored"),
    DAMAGED_DATA(Severity.DATA_LOSS, "bytes that could not be decoded and were skipped (offset in first_location)"),
    TRUNCATED_FILE(Severity.DATA_LOSS, "the file ends in the middle of an event (export cut short); the events before it were kept"),
    AMBIGUOUS_NUMBER(Severity.DATA_LOSS,
            "a number whose decimal and thousands separators cannot be told apart in this file; stored NULL, text kept in extra"),
    UNRESOLVED_TIME(Severity.DATA_LOSS,
            "a payload time or tick count (e.g. InitialTime) the export gives no clock conversion for; stored NULL, text kept in extra"),
    AGGREGATE_ROW(Severity.INFO,
            "a table-export row that sums several events (Count > 1); kept in generic_event, not in the event tables"),
    NO_KERNEL_EVENTS(Severity.INFO, "the trace holds no kernel events (only the session header and user-mode provider"
            + " events, kept in generic_event): the kernel tables are empty"),
    CLOCK_ASSUMED(Severity.ERROR, "the header gives no usable clock type or frequency; timestamps were converted with"
            + " an assumed 10 MHz clock and may be scaled wrongly");

    private final Severity severity;
    private final String description;

    Anomaly(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String description() {
        return description;
    }

}
