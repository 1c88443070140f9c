package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.PageFaultEvent;

/**
 * PageFault (class {@code 3d6fa8d3-…}): the soft faults 10-15 ({@code VirtualAddress},
 * {@code ProgramCounter}, logged in the faulting thread) and HardFault 32 (logged at completion, entry in
 * {@code InitialTime}, thread in {@code TThreadId}), SCHEMAS.md §1.10.
 */
final class PageFaultHandler implements KernelEventHandler {
    private final String kind;

    PageFaultHandler(String kind) {
        this.kind = kind;
    }

    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        Integer tid = e.has("TThreadId") ? e.id("TThreadId") : e.tid;
        Integer pid = c.names().pidOf(tid);
        if (pid == null && tid != null && tid.equals(e.tid)) {
            pid = e.pid;
        }
        Long entry = c.payloadTime(e, "InitialTime");
        c.sink().accept(new PageFaultEvent(c.ts(), c.cpu(), kind, pid, tid, c.names().nameOf(pid),
                e.number("VirtualAddress"), e.number("ProgramCounter"), null, entry,
                entry == null ? null : c.ts() - entry, e.number("ReadOffset"), e.number("ByteCount"),
                e.number("FileObject"), null), e.extra());
    }
}
