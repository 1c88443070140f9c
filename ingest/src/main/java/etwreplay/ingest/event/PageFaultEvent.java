package etwreplay.ingest.event;

/**
 * A page fault (TransitionFault, DemandZeroFault, CopyOnWrite, GuardPageFault, HardPageFault,
 * AccessViolation) or a HardFault completion (with {@code initialTs}, {@code elapsedNs}, file and
 * offset). Source: SCHEMAS.md §1.10.
 */
public record PageFaultEvent(long ts, int cpu, String kind, Integer pid, Integer tid, String processName,
        Long virtualAddress, Long programCounter, String pcSymbol, Long initialTs, Long elapsedNs, Long byteOffset,
        Long size, Long fileObject, String fileName) implements TraceEvent {

    public static final String HARD_FAULT = "HardFault";

    @Override
    public EventTable table() {
        return EventTable.PAGE_FAULT;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.str(kind);
        row.i32(pid);
        row.i32(tid);
        row.str(processName);
        row.u64(virtualAddress);
        row.u64(programCounter);
        row.str(pcSymbol);
        row.i64(initialTs);
        row.i64(elapsedNs);
        row.i64(byteOffset);
        row.i64(size);
        row.u64(fileObject);
        row.str(fileName);
    }
}
