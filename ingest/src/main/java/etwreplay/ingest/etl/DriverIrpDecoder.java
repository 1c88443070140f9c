package etwreplay.ingest.etl;

import etwreplay.ingest.event.DriverIrpEvent;

/**
 * Driver IRP events of the DiskIo group (kernel flag DRIVERS): DrvMjFnCall/Ret, DrvComplRout,
 * DrvComplReq/Ret, V1 and V2 (SCHEMAS.md §1.8). The IRP is {@code Irp} or {@code IrpPtr}, the routine
 * {@code RoutineAddr} or {@code Routine}, whichever the layout names. The thread is the header's.
 */
final class DriverIrpDecoder implements KernelDecoder {
    private static final int MAJOR = Fields.id("MajorFunction");
    private static final int MINOR = Fields.id("MinorFunction");
    private static final int ROUTINE_ADDR = Fields.id("RoutineAddr");
    private static final int ROUTINE = Fields.id("Routine");
    private static final int FILE_OBJECT = Fields.id("FileObject");
    private static final int IRP = Fields.id("Irp");
    private static final int IRP_PTR = Fields.id("IrpPtr");
    private static final int UNIQ_MATCH_ID = Fields.id("UniqMatchId");

    private final String kind;

    DriverIrpDecoder(String kind) {
        this.kind = kind;
    }

    @Override
    public void decode(Payload p, DecodeContext c) {
        Long irp = p.has(IRP) ? p.number(IRP) : p.number(IRP_PTR);
        Long routine = p.has(ROUTINE_ADDR) ? p.number(ROUTINE_ADDR) : p.number(ROUTINE);
        c.emit(new DriverIrpEvent(c.ts, c.cpu, kind, c.headerPidOrOwner(), c.headerTid(), irp, p.number(UNIQ_MATCH_ID),
                p.int32(MAJOR), p.int32(MINOR), routine, null, p.number(FILE_OBJECT), null));
    }
}
