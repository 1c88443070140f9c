package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.ReadyThreadEvent;
import etwreplay.ingest.event.TraceEvent;

/**
 * {@code ReadyThread}. No public dumper header exists (SCHEMAS.md §1.5 quotes the {@code -a readythread}
 * columns: readying {@code Process Name (PID), ThreadID}, readied {@code Rdy Process Name (PID), Rdy TID},
 * {@code AdjustReason, AdjustIncrement, InDPC}); the aliases also accept the payload field names.
 */
final class ReadyThreadHandler implements XperfEventHandler {
    private final int readyingProcess;
    private final int readyingTid;
    private final int readiedProcess;
    private final int readiedTid;
    private final int adjustReason;
    private final int adjustIncrement;
    private final int flags;
    private final int inDpc;
    private final int cpu;

    ReadyThreadHandler(XperfSchema s) {
        readyingProcess = s.field("Process Name ( PID)");
        readyingTid = s.field("ThreadID");
        readiedProcess = s.field("Rdy Process Name ( PID)", "Readied Process Name ( PID)");
        readiedTid = s.field("Rdy TID", "Readied TID", "TThreadId", "AwakenedThreadId");
        adjustReason = s.field("AdjustReason");
        adjustIncrement = s.field("AdjustIncrement");
        flags = s.field("Flag", "Flags");
        inDpc = s.field("InDPC", "In DPC");
        cpu = s.field("CPU");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        Integer c = r.int32(cpu);
        Integer f = r.int32(flags);
        Boolean fromDpc = r.bool(inDpc);
        if (fromDpc == null && f != null) {
            fromDpc = (f & ReadyThreadEvent.FLAG_READIED_FROM_DPC) != 0;
        }
        sink.accept(new ReadyThreadEvent(r.ts(), c == null ? TraceEvent.NO_CPU : c, r.processId(readiedProcess),
                r.id(readiedTid), r.processId(readyingProcess), r.id(readyingTid), r.int32(adjustReason),
                r.int32(adjustIncrement), f, fromDpc), r.extra());
    }
}
