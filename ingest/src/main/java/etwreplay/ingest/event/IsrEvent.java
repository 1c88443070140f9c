package etwreplay.ingest.event;

/**
 * An interrupt service routine that ran on {@code cpu} from {@code initialTs} to {@code ts} (logged at
 * exit, SCHEMAS.md §2.3). {@code vector} is the IDT vector; on x64 its high nibble is the IRQL.
 */
public record IsrEvent(long ts, int cpu, String kind, Long initialTs, Long durationNs, Long routine,
        String routineSymbol, Integer vector, Integer messageIndex, Integer returnValue) implements TraceEvent {

    public static final String ISR = "ISR", ISR_MSI = "ISR-MSI", ISR_PASSIVE = "ISR-PASS";

    @Override
    public EventTable table() {
        return EventTable.ISR;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.str(kind);
        row.i64(initialTs);
        row.i64(durationNs);
        row.u64(routine);
        row.str(routineSymbol);
        row.i32(vector);
        row.i32(messageIndex);
        row.i32(returnValue);
    }
}
