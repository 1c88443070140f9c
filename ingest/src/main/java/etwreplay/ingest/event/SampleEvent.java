package etwreplay.ingest.event;

/**
 * A SampledProfile sample: thread {@code tid} was running on {@code cpu} at {@code instructionPointer}.
 * {@code executingDpc}/{@code executingIsr} are the Win8+ flag bits (SCHEMAS.md §1.7); NULL where the
 * source does not carry them.
 */
public record SampleEvent(long ts, int cpu, Integer pid, Integer tid, String processName, Long instructionPointer,
        String ipSymbol, String threadStartSymbol, Integer count, Boolean executingDpc, Boolean executingIsr,
        Integer priority, Integer rank, String profileSource) implements TraceEvent {

    @Override
    public EventTable table() {
        return EventTable.SAMPLE;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.i32(pid);
        row.i32(tid);
        row.str(processName);
        row.u64(instructionPointer);
        row.str(ipSymbol);
        row.str(threadStartSymbol);
        row.i32(count);
        row.bool(executingDpc);
        row.bool(executingIsr);
        row.i32(priority);
        row.i32(rank);
        row.str(profileSource);
    }
}
