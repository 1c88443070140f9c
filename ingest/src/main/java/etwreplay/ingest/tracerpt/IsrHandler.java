package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.IsrEvent;

/**
 * ISR, ISR-MSI and ISR-PASS (class {@code ce1dbfb4-…}, opcodes 67/50/95), SCHEMAS.md §1.7: logged at
 * exit with the entry in {@code InitialTime}; ISR-MSI adds {@code MessageNumber}. Reserved is padding.
 */
final class IsrHandler implements KernelEventHandler {
    private final String kind;

    IsrHandler(String kind) {
        this.kind = kind;
    }

    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        e.skip("Reserved");
        Long entry = c.payloadTime(e, "InitialTime");
        c.sink().accept(new IsrEvent(c.ts(), c.cpu(), kind, entry, entry == null ? null : c.ts() - entry,
                e.number("Routine"), null, e.int32("Vector"), e.int32("MessageNumber"), e.int32("ReturnValue")),
                e.extra());
    }
}
