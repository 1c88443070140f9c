package etwreplay.ingest.xperf;

import etwreplay.ingest.event.DpcEvent;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.TraceEvent;

/**
 * {@code DPC}, {@code DPCTmr} and threaded DPCs (SCHEMAS.md §1.7). The line's TimeStamp is the exit; the
 * entry is TimeStamp − ElapsedTime (SCHEMAS.md §2.3).
 */
final class DpcHandler implements XperfEventHandler {
    private final String kind;
    private final int elapsed;
    private final int cpu;
    private final int routine;
    private final int symbol;

    DpcHandler(XperfSchema s, String kind) {
        this.kind = kind;
        elapsed = s.field("ElapsedTime");
        cpu = s.field("CPU");
        routine = s.field("ServiceAddr", "Routine");
        symbol = s.field("Image!Function");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        Integer c = r.int32(cpu);
        Long duration = r.micros(elapsed);
        sink.accept(new DpcEvent(r.ts(), c == null ? TraceEvent.NO_CPU : c, kind,
                duration == null ? null : r.ts() - duration, duration, r.number(routine), r.text(symbol)), r.extra());
    }
}
