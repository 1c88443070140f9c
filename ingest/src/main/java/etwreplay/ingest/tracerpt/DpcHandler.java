package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.DpcEvent;

/**
 * DPC, TimerDPC, ThreadedDPC and IOTimer (class {@code ce1dbfb4-…}, opcodes 68/69/66/70). Logged at
 * exit; {@code InitialTime} is the entry in the session clock (SCHEMAS.md §1.7, §2.3).
 */
final class DpcHandler implements KernelEventHandler {
    private final String kind;

    DpcHandler(String kind) {
        this.kind = kind;
    }

    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        Long entry = c.payloadTime(e, "InitialTime");
        c.sink().accept(new DpcEvent(c.ts(), c.cpu(), kind, entry, entry == null ? null : c.ts() - entry,
                e.number("Routine"), null), e.extra());
    }
}
