package etwreplay.ingest.event;

/**
 * One frame of a stack walk attached to the event logged just before it at the same {@code ts}
 * (xperf prints {@code Stack} lines after their event). {@code frame} 1 is the innermost.
 */
public record StackFrameEvent(long ts, int cpu, Integer tid, Integer frame, Long address, String symbol)
        implements TraceEvent {

    @Override
    public EventTable table() {
        return EventTable.STACK;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.i32(tid);
        row.i32(frame);
        row.u64(address);
        row.str(symbol);
    }
}
