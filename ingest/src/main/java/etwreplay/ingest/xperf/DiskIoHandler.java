package etwreplay.ingest.xperf;

import etwreplay.ingest.event.DiskIoEvent;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.TraceEvent;

/**
 * {@code DiskRead}, {@code DiskWrite}, {@code DiskFlush} and their {@code *Init} events, with and without
 * the Win10 {@code CPU} column (FORMATS.md §1a/§1b, SCHEMAS.md §1.8). {@code Process Name ( PID)} and
 * {@code ThreadID} are xperf's attribution to the issuing thread.
 */
final class DiskIoHandler implements XperfEventHandler {
    private final String kind;
    private final int process;
    private final int tid;
    private final int cpu;
    private final int irp;
    private final int byteOffset;
    private final int size;
    private final int elapsed;
    private final int diskNum;
    private final int irpFlags;
    private final int serviceTime;
    private final int priority;
    private final int volSnap;
    private final int fileObject;
    private final int fileName;

    DiskIoHandler(XperfSchema s, String kind) {
        this.kind = kind;
        process = s.field("Process Name ( PID)");
        tid = s.field("ThreadID", "IssuingThreadId");
        cpu = s.field("CPU");
        irp = s.field("IrpPtr", "Irp");
        byteOffset = s.field("ByteOffset");
        size = s.field("IOSize", "TransferSize");
        elapsed = s.field("ElapsedTime");
        diskNum = s.field("DiskNum", "DiskNumber");
        irpFlags = s.field("IrpFlags");
        serviceTime = s.field("DiskSvcTime");
        priority = s.field("I/O Pri", "IoPriority", "Priority");
        volSnap = s.field("VolSnap");
        fileObject = s.field("FileObject");
        fileName = s.field("FileName");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        Integer c = r.int32(cpu);
        sink.accept(new DiskIoEvent(r.ts(), c == null ? TraceEvent.NO_CPU : c, kind, r.processId(process),
                r.id(tid), r.processName(process), r.number(irp), r.int32(diskNum), r.number(irpFlags),
                r.number(size), r.number(byteOffset), r.number(fileObject), r.text(fileName), r.micros(elapsed),
                r.micros(serviceTime), r.int32(priority), r.text(volSnap)), r.extra());
    }
}
