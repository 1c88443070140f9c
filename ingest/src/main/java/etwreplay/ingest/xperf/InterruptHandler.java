package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.IsrEvent;
import etwreplay.ingest.event.TraceEvent;

/**
 * {@code Interrupt}: one ISR run (SCHEMAS.md §1.7). TimeStamp is the exit, entry = TimeStamp −
 * ElapsedTime; {@code Status} is the ISR's return value [I], {@code MessageIndex} the MSI message.
 */
final class InterruptHandler implements XperfEventHandler {
    private final int elapsed;
    private final int cpu;
    private final int vector;
    private final int message;
    private final int status;
    private final int routine;
    private final int symbol;

    InterruptHandler(XperfSchema s) {
        elapsed = s.field("ElapsedTime");
        cpu = s.field("CPU");
        vector = s.field("Vector");
        message = s.field("MessageIndex", "MessageNumber");
        status = s.field("Status", "ReturnValue");
        routine = s.field("ServiceAddr", "Routine");
        symbol = s.field("Image!Function");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        Integer c = r.int32(cpu);
        Long duration = r.micros(elapsed);
        // 0xFFFFFFFF (printed 4294967295 or -1) = not a message-signalled interrupt.
        Integer msg = r.id(message);
        String kind = msg != null ? IsrEvent.ISR_MSI : IsrEvent.ISR;
        sink.accept(new IsrEvent(r.ts(), c == null ? TraceEvent.NO_CPU : c, kind,
                duration == null ? null : r.ts() - duration, duration, r.number(routine), r.text(symbol),
                r.int32(vector), msg, r.int32(status)), r.extra());
    }
}
