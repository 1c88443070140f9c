package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.SampleEvent;

/**
 * SampledProfile (class {@code ce1dbfb4-…}, opcode 46; tracerpt opcode name SampleProf), SCHEMAS.md
 * §1.7. From Windows 8 the 16-bit {@code Reserved} field holds the flags byte (bit0 ExecutingDPC, bit1
 * ExecutingISR, bits 3-7 thread priority) and the Rank byte above it; before that it means nothing, so
 * it is decoded only when the header's build says 9200 or later, and otherwise kept in extra.
 */
final class SampleHandler implements KernelEventHandler {
    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        Integer tid = e.id("ThreadId");
        Integer pid = c.names().pidOf(tid);
        if (pid == null) {
            pid = e.pid;
        }
        Boolean dpc = null;
        Boolean isr = null;
        Integer priority = null;
        Integer rank = e.int32("Rank");
        if (c.sampleFlagsKnown() && e.has("Reserved")) {
            Long reserved = e.number("Reserved");
            if (reserved != null) {
                int flags = (int) (reserved & 0xFF);
                dpc = (flags & 0x1) != 0;
                isr = (flags & 0x2) != 0;
                priority = flags >>> 3;
                if (rank == null) {
                    rank = (int) ((reserved >>> 8) & 0xFF);
                }
            }
        }
        c.sink().accept(new SampleEvent(c.ts(), c.cpu(), pid, tid, c.names().nameOf(pid),
                e.number("InstructionPointer"), null, null, e.int32("Count"), dpc, isr, priority, rank, null),
                e.extra());
    }
}
