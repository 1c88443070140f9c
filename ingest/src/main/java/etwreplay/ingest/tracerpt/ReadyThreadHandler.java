package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.ReadyThreadEvent;

/**
 * ReadyThread (class {@code 3d6fa8d1-…}, opcode 50), SCHEMAS.md §1.5: {@code TThreadId} is the thread
 * made ready; the event header's thread (when not "none") is the readying one.
 */
final class ReadyThreadHandler implements KernelEventHandler {
    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        e.skip("Reserved");
        Integer readied = e.id("TThreadId");
        Integer flag = e.int32("Flag", "Flags");
        c.sink().accept(new ReadyThreadEvent(c.ts(), c.cpu(), c.names().pidOf(readied), readied,
                e.pid != null ? e.pid : c.names().pidOf(e.tid), e.tid,
                e.int32("AdjustReason"), e.int32("AdjustIncrement"), flag,
                flag == null ? null : (flag & ReadyThreadEvent.FLAG_READIED_FROM_DPC) != 0), e.extra());
    }
}
