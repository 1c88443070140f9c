package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.CSwitchEvent;
import etwreplay.ingest.event.KernelThreadNames;

/**
 * CSwitch (class {@code 3d6fa8d1-…}, opcode 36), SCHEMAS.md §1.4. tracerpt prints thread ids only; the
 * processes come from {@link ProcessThreadNames}. The state, wait reason and wait mode bytes are stored
 * by name. V1 calls bytes 10/11 NewThreadQuantum/OldThreadQuantum; SpareByte and Reserved are padding.
 * xperf's computed columns (TmSinceLast, InSwitchTime, OldRemQnt, NewPriDecr) have no payload field.
 */
final class CSwitchHandler implements KernelEventHandler {
    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        e.skip("SpareByte", "Reserved");
        Integer newTid = e.id("NewThreadId");
        Integer oldTid = e.id("OldThreadId");
        Integer newPid = c.names().pidOf(newTid);
        Integer oldPid = c.names().pidOf(oldTid);
        c.sink().accept(new CSwitchEvent(c.ts(), c.cpu(), newPid, newTid, c.names().nameOf(newPid),
                e.int32("NewThreadPriority"), oldPid, oldTid, c.names().nameOf(oldPid), e.int32("OldThreadPriority"),
                c.enumName(e, "OldThreadState", KernelThreadNames::state),
                c.enumName(e, "OldThreadWaitReason", KernelThreadNames::waitReason),
                c.enumName(e, "OldThreadWaitMode", KernelThreadNames::waitMode), e.number("NewThreadWaitTime"),
                null, null, e.int32("OldThreadWaitIdealProcessor"), e.int32("PreviousCState"),
                e.number("NewThreadQuantum"), e.number("OldThreadQuantum"), null, null, null, null), e.extra());
    }
}
