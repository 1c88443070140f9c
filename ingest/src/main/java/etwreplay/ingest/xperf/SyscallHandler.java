package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.SyscallEvent;
import etwreplay.ingest.event.TraceEvent;

/** {@code SysCallEnter} / {@code SysCallExit} (FORMATS.md §1b, SCHEMAS.md §1.7). */
final class SyscallHandler implements XperfEventHandler {
    private final String kind;
    private final int process;
    private final int tid;
    private final int cpu;
    private final int address;
    private final int symbol;
    private final int status;

    SyscallHandler(XperfSchema s, String kind) {
        this.kind = kind;
        process = s.field("Process Name ( PID)");
        tid = s.field("ThreadID");
        cpu = s.field("CPU");
        address = s.field("ServiceAddr", "SysCallAddress");
        symbol = s.field("Image!Function");
        status = s.field("Status", "SysCallNtStatus");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        Integer c = r.int32(cpu);
        sink.accept(new SyscallEvent(r.ts(), c == null ? TraceEvent.NO_CPU : c, kind, r.processId(process),
                r.id(tid), r.processName(process), r.number(address), r.text(symbol), r.number(status)), r.extra());
    }
}
