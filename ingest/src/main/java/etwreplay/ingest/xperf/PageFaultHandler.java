package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.PageFaultEvent;
import etwreplay.ingest.event.TraceEvent;

/**
 * {@code PageFault} (kind from its {@code Type} column), the per-kind soft-fault names, and
 * {@code HardFault} (FORMATS.md §1a, SCHEMAS.md §1.10). HardFault's TimeStamp is its completion.
 */
final class PageFaultHandler implements XperfEventHandler {
    private final String kind;
    private final int process;
    private final int tid;
    private final int cpu;
    private final int va;
    private final int pc;
    private final int type;
    private final int symbol;
    private final int byteOffset;
    private final int size;
    private final int elapsed;
    private final int fileObject;
    private final int fileName;

    /** @param kind the fault kind, or null to take it from the {@code Type} column */
    PageFaultHandler(XperfSchema s, String kind) {
        this.kind = kind;
        process = s.field("Process Name ( PID)");
        tid = s.field("ThreadID");
        cpu = s.field("CPU");
        va = s.field("VirtualAddr", "VirtualAddress");
        pc = s.field("PrgrmCtr", "ProgramCounter");
        type = s.field("Type");
        symbol = s.field("Image!Function");
        byteOffset = s.field("ByteOffset", "ReadOffset");
        size = s.field("IOSize", "ByteCount");
        elapsed = s.field("ElapsedTime");
        fileObject = s.field("FileObject");
        fileName = s.field("FileName");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        Integer c = r.int32(cpu);
        String k = kind != null ? kind : r.text(type);
        Long duration = r.micros(elapsed);
        sink.accept(new PageFaultEvent(r.ts(), c == null ? TraceEvent.NO_CPU : c, k, r.processId(process), r.id(tid),
                r.processName(process), r.number(va), r.number(pc), r.text(symbol),
                duration == null ? null : r.ts() - duration, duration, r.number(byteOffset), r.number(size),
                r.number(fileObject), r.text(fileName)), r.extra());
    }
}
