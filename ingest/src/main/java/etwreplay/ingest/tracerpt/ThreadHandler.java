package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.ThreadEvent;

/**
 * Thread Start/End/DCStart/DCEnd (class {@code 3d6fa8d1-…}, opcodes 1-4). Field names: SCHEMAS.md §1.3
 * "tracerpt". Slot 7 is {@code StartAddr} in V1/V2 but {@code Affinity} from V3 on: only the former is a
 * start address; Affinity stays in extra.
 */
final class ThreadHandler implements KernelEventHandler {
    private final String kind;

    ThreadHandler(String kind) {
        this.kind = kind;
    }

    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        Integer pid = e.id("ProcessId");
        Integer tid = e.id("TThreadId");
        c.names().thread(tid, pid);
        c.sink().accept(new ThreadEvent(c.ts(), c.cpu(), kind, pid, tid, c.names().nameOf(pid),
                e.number("StackBase"), e.number("StackLimit"), e.number("UserStackBase"), e.number("UserStackLimit"),
                e.number("StartAddr"), e.number("Win32StartAddr"), e.number("TebBase"), e.int32("SubProcessTag"),
                e.int32("BasePriority"), e.int32("PagePriority"), e.int32("IoPriority"), e.int32("ThreadFlags"),
                e.text("ThreadName"), null), e.extra());
    }
}
