package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.DriverIrpEvent;

/**
 * Driver IRP events (class {@code 3d6fa8d4-…}, opcodes 34 DrvMjFnCall, 35 DrvMjFnRet, 37 DrvComplRout,
 * 52 DrvComplReq, 53 DrvComplReqRet), SCHEMAS.md §1.8. DrvComplRout names its IRP {@code IrpPtr} and its
 * routine {@code Routine}; the others {@code Irp} and {@code RoutineAddr}. Thread and process are the
 * event header's (the caller's context).
 */
final class DriverIrpHandler implements KernelEventHandler {
    private final String kind;

    DriverIrpHandler(String kind) {
        this.kind = kind;
    }

    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        Integer pid = e.pid != null ? e.pid : c.names().pidOf(e.tid);
        c.sink().accept(new DriverIrpEvent(c.ts(), c.cpu(), kind, pid, e.tid, e.number("Irp", "IrpPtr"),
                e.number("UniqMatchId", "UniqMatchID"), e.int32("MajorFunction"), e.int32("MinorFunction"),
                e.number("RoutineAddr", "Routine"), null, e.number("FileObject"), null), e.extra());
    }
}
