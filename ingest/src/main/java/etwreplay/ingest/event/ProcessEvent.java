package etwreplay.ingest.event;

/**
 * Process start, end, rundown (DCStart/DCEnd) or defunct. {@code directoryTableBase} is the CR3 value
 * (a physical address) of the process: the "address space loaded" the replay reasons about.
 * Source: SCHEMAS.md §1.2 (Process_TypeGroup1).
 */
public record ProcessEvent(long ts, int cpu, String kind, Integer pid, Integer parentPid, Integer sessionId,
        Long uniqueKey, Long directoryTableBase, Integer exitStatus, Integer flags, String imageName,
        String commandLine, String userSid, String packageFullName, String applicationId) implements TraceEvent {

    public static final String START = "Start", END = "End", DC_START = "DCStart", DC_END = "DCEnd",
            DEFUNCT = "Defunct";

    @Override
    public EventTable table() {
        return EventTable.PROCESS;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.str(kind);
        row.i32(pid);
        row.i32(parentPid);
        row.i32(sessionId);
        row.u64(uniqueKey);
        row.u64(directoryTableBase);
        row.i32(exitStatus);
        row.i32(flags);
        row.str(imageName);
        row.str(commandLine);
        row.str(userSid);
        row.str(packageFullName);
        row.str(applicationId);
    }
}
