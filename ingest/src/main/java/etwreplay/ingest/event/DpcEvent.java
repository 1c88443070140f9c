package etwreplay.ingest.event;

/**
 * A DPC that ran on {@code cpu} from {@code initialTs} (entry) to {@code ts} (exit): DPC events are
 * logged at exit with the entry time in the payload (SCHEMAS.md §2.3). {@code kind} is one of the
 * constants below.
 */
public record DpcEvent(long ts, int cpu, String kind, Long initialTs, Long durationNs, Long routine,
        String routineSymbol) implements TraceEvent {

    public static final String DPC = "DPC", TIMER_DPC = "TimerDPC", THREADED_DPC = "ThreadedDPC",
            IO_TIMER = "IOTimer";

    @Override
    public EventTable table() {
        return EventTable.DPC;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.str(kind);
        row.i64(initialTs);
        row.i64(durationNs);
        row.u64(routine);
        row.str(routineSymbol);
    }
}
