package etwreplay.ingest.event;

/** Thread start, end or rundown. Source: SCHEMAS.md §1.3 (Thread_TypeGroup1 V2–V4). */
public record ThreadEvent(long ts, int cpu, String kind, Integer pid, Integer tid, String processName,
        Long stackBase, Long stackLimit, Long userStackBase, Long userStackLimit, Long startAddress,
        Long win32StartAddress, Long tebBase, Integer subProcessTag, Integer basePriority, Integer pagePriority,
        Integer ioPriority, Integer flags, String threadName, String startSymbol) implements TraceEvent {

    @Override
    public EventTable table() {
        return EventTable.THREAD;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.str(kind);
        row.i32(pid);
        row.i32(tid);
        row.str(processName);
        row.u64(stackBase);
        row.u64(stackLimit);
        row.u64(userStackBase);
        row.u64(userStackLimit);
        row.u64(startAddress);
        row.u64(win32StartAddress);
        row.u64(tebBase);
        row.i32(subProcessTag);
        row.i32(basePriority);
        row.i32(pagePriority);
        row.i32(ioPriority);
        row.i32(flags);
        row.str(threadName);
        row.str(startSymbol);
    }
}
