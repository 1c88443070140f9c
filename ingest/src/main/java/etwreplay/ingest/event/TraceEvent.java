package etwreplay.ingest.event;

/**
 * One canonical event, whatever format it came from. Implementations are immutable records; readers
 * create them and hand them to an {@link EventSink}. Replay never sees these: it reads the tables.
 */
public interface TraceEvent {
    /** CPU value for events whose source does not say which processor logged them. */
    int NO_CPU = -1;

    EventTable table();

    /** Nanoseconds since the trace start (DESIGN.md "Time, identity"). */
    long ts();

    /** Logical processor that logged the event, or {@link #NO_CPU}. */
    int cpu();

    /** Writes the columns of {@link #table()} in {@link EventTable#columns()} order. */
    void writeColumns(RowWriter row);
}
