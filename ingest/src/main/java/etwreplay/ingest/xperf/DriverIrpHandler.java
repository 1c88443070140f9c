package etwreplay.ingest.xperf;

import etwreplay.ingest.event.DriverIrpEvent;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.IrpMajorFunction;
import etwreplay.ingest.event.TraceEvent;

/**
 * Driver IRP events under both header eras: 2008 {@code DriverCall/DriverReturn/DriverComplete/
 * DriverCompleteReturn/DriverCompletionRoutine} and Win10 {@code DrvMjFnCall/DrvMjFnRet/DrvComplReq/
 * DrvComplReqRet/DrvComplRout} (FORMATS.md §1a; SCHEMAS.md §1.8). The major function may be printed
 * as a number or an {@code IRP_MJ_*} name; it is stored as the code.
 */
final class DriverIrpHandler implements XperfEventHandler {
    private final String kind;
    private final int process;
    private final int tid;
    private final int cpu;
    private final int irp;
    private final int matchId;
    private final int major;
    private final int minor;
    private final int routine;
    private final int symbol;
    private final int fileObject;
    private final int fileName;

    DriverIrpHandler(XperfSchema s, String kind) {
        this.kind = kind;
        process = s.field("Process Name ( PID)");
        tid = s.field("ThreadID");
        cpu = s.field("CPU");
        irp = s.field("IrpPtr", "Irp");
        matchId = s.field("UniqueId", "UniqMatchId", "UniqMatchID");
        major = s.field("MajorFunction", "MajorFunc");
        minor = s.field("MinorFunc", "MinorFunction");
        routine = s.field("RoutineAddr", "Routine", "ServiceAddr");
        symbol = s.field("Image!Function");
        fileObject = s.field("FileObject");
        fileName = s.field("FileName");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        Integer c = r.int32(cpu);
        sink.accept(new DriverIrpEvent(r.ts(), c == null ? TraceEvent.NO_CPU : c, kind, r.processId(process),
                r.id(tid), r.number(irp), r.number(matchId), majorFunction(r), r.int32(minor), r.number(routine),
                r.text(symbol), r.number(fileObject), r.text(fileName)), r.extra());
    }

    private Integer majorFunction(XperfRow r) {
        String text = r.text(major);
        if (text == null) {
            return null;
        }
        Long n = XperfValues.parseNumber(text);
        if (n != null) {
            return n.intValue();
        }
        Integer code = IrpMajorFunction.codeOf(text);
        if (code == null) {
            r.unknownName(major, text);
        }
        return code;
    }
}
