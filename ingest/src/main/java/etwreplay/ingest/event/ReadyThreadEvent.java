package etwreplay.ingest.event;

/**
 * A thread made ready to run. {@code fromDpc} is flag bit 0x1 "readied from a DPC" (SCHEMAS.md §1.5,
 * readythread.md): supporting evidence that an I/O completion woke the thread.
 */
public record ReadyThreadEvent(long ts, int cpu, Integer readiedPid, Integer readiedTid, Integer readyingPid,
        Integer readyingTid, Integer adjustReason, Integer adjustIncrement, Integer flags, Boolean fromDpc)
        implements TraceEvent {

    /** ReadyThread Flag bit: readied from a DPC. Source: readythread.md (SCHEMAS.md §1.5). */
    public static final int FLAG_READIED_FROM_DPC = 0x1;

    @Override
    public EventTable table() {
        return EventTable.READY_THREAD;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.i32(readiedPid);
        row.i32(readiedTid);
        row.i32(readyingPid);
        row.i32(readyingTid);
        row.i32(adjustReason);
        row.i32(adjustIncrement);
        row.i32(flags);
        row.bool(fromDpc);
    }
}
