package etwreplay.ingest.event;

/**
 * A context switch on {@code cpu}: {@code newTid} starts running at {@code ts}, {@code oldTid} stops.
 * Wait state, reason and mode are kept as names (KWAIT_REASON etc., SCHEMAS.md §1.4) whatever the
 * source printed, so queries need no per-format decoding.
 */
public record CSwitchEvent(long ts, int cpu, Integer newPid, Integer newTid, String newProcessName,
        Integer newPriority, Integer oldPid, Integer oldTid, String oldProcessName, Integer oldPriority,
        String oldState, String oldWaitReason, String oldWaitMode, Long newWaitTime, Long newTimeSinceLastNs,
        Long oldRunTimeNs, Integer oldIdealCpu, Integer previousCState, Long newQuantum, Long oldQuantum,
        Long oldRemainingQuantum, Integer newPriorityDecrement, String oldQosLevel, String newQosLevel)
        implements TraceEvent {

    @Override
    public EventTable table() {
        return EventTable.CSWITCH;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.i32(newPid);
        row.i32(newTid);
        row.str(newProcessName);
        row.i32(newPriority);
        row.i32(oldPid);
        row.i32(oldTid);
        row.str(oldProcessName);
        row.i32(oldPriority);
        row.str(oldState);
        row.str(oldWaitReason);
        row.str(oldWaitMode);
        row.i64(newWaitTime);
        row.i64(newTimeSinceLastNs);
        row.i64(oldRunTimeNs);
        row.i32(oldIdealCpu);
        row.i32(previousCState);
        row.i64(newQuantum);
        row.i64(oldQuantum);
        row.i64(oldRemainingQuantum);
        row.i32(newPriorityDecrement);
        row.str(oldQosLevel);
        row.str(newQosLevel);
    }
}
