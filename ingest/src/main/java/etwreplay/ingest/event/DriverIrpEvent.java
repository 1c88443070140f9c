package etwreplay.ingest.event;

/**
 * Driver IRP events (kernel flag DRIVERS): dispatch call/return, completion request/return and
 * completion routine, correlated by {@code irp} and {@code uniqMatchId} (SCHEMAS.md §1.8). The
 * 2008-era xperf names (DriverCall, …) map to the same kinds.
 */
public record DriverIrpEvent(long ts, int cpu, String kind, Integer pid, Integer tid, Long irp, Long uniqMatchId,
        Integer majorFunction, Integer minorFunction, Long routine, String routineSymbol, Long fileObject,
        String fileName) implements TraceEvent {

    public static final String CALL = "DrvMjFnCall", RETURN = "DrvMjFnRet", COMPLETE_REQUEST = "DrvComplReq",
            COMPLETE_REQUEST_RETURN = "DrvComplReqRet", COMPLETION_ROUTINE = "DrvComplRout";

    @Override
    public EventTable table() {
        return EventTable.DRIVER_IRP;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.str(kind);
        row.i32(pid);
        row.i32(tid);
        row.u64(irp);
        row.i64(uniqMatchId);
        row.i32(majorFunction);
        row.i32(minorFunction);
        row.u64(routine);
        row.str(routineSymbol);
        row.u64(fileObject);
        row.str(fileName);
    }
}
