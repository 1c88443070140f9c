package etwreplay.ingest.event;

/** System call entry ({@code address} = service routine) or exit ({@code ntStatus}). SCHEMAS.md §1.7. */
public record SyscallEvent(long ts, int cpu, String kind, Integer pid, Integer tid, String processName, Long address,
        String symbol, Long ntStatus) implements TraceEvent {

    public static final String ENTER = "Enter", EXIT = "Exit";

    @Override
    public EventTable table() {
        return EventTable.SYSCALL;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.str(kind);
        row.i32(pid);
        row.i32(tid);
        row.str(processName);
        row.u64(address);
        row.str(symbol);
        row.i64(ntStatus);
    }
}
