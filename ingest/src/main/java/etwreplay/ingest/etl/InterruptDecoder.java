package etwreplay.ingest.etl;

import etwreplay.ingest.event.DpcEvent;
import etwreplay.ingest.event.IsrEvent;

/**
 * DPC, TimerDPC, ThreadedDPC, IOTimer, ISR, ISR-MSI and ISR-PASS (PerfInfo group; SCHEMAS.md §1.7).
 * All are logged at exit with the entry time in InitialTime, in the session clock (§2.3): the span is
 * {@code [initial_ts, ts]}.
 */
final class InterruptDecoder implements KernelDecoder {
    private static final int INITIAL_TIME = Fields.id("InitialTime");
    private static final int ROUTINE = Fields.id("Routine");
    private static final int RETURN_VALUE = Fields.id("ReturnValue");
    private static final int VECTOR = Fields.id("Vector");
    private static final int MESSAGE_NUMBER = Fields.id("MessageNumber");

    private final String kind;
    private final boolean isr;

    private InterruptDecoder(String kind, boolean isr) {
        this.kind = kind;
        this.isr = isr;
    }

    static InterruptDecoder dpc(String kind) {
        return new InterruptDecoder(kind, false);
    }

    static InterruptDecoder isr(String kind) {
        return new InterruptDecoder(kind, true);
    }

    @Override
    public void decode(Payload p, DecodeContext c) {
        Long initial = c.ns(p.number(INITIAL_TIME));
        Long duration = initial == null ? null : c.ts - initial;
        if (isr) {
            c.emit(new IsrEvent(c.ts, c.cpu, kind, initial, duration, p.number(ROUTINE), null, p.int32(VECTOR),
                    p.int32(MESSAGE_NUMBER), p.int32(RETURN_VALUE)));
        } else {
            c.emit(new DpcEvent(c.ts, c.cpu, kind, initial, duration, p.number(ROUTINE), null));
        }
    }
}
