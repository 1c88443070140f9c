package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.GenericEvent;
import etwreplay.ingest.event.TraceEvent;

/**
 * Any event type the canonical tables do not model ({@code MarkEvent}, {@code Pmc},
 * {@code UnknownEvent/Classic} …): kept in {@code generic_event} with its header's column names.
 */
final class GenericHandler implements XperfEventHandler {
    private final String name;
    private final int process;
    private final int tid;
    private final int cpu;

    GenericHandler(XperfSchema s) {
        name = s.eventName();
        process = s.field("Process Name ( PID)");
        tid = s.field("ThreadID");
        cpu = s.field("CPU");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        // Best effort: every field is kept in `fields` anyway, so an unreadable id is simply NULL here.
        Integer c = quietId(cpu < 0 ? null : r.text(cpu));
        String p = process < 0 ? null : r.text(process);
        Integer pid = p == null ? null : toId(XperfValues.processId(p));
        Integer t = quietId(tid < 0 ? null : r.text(tid));
        sink.accept(new GenericEvent(r.ts(), c == null ? TraceEvent.NO_CPU : c, name, "xperf", null, null, pid, t,
                r.allFields(), null));
    }

    private static Integer quietId(String text) {
        return text == null ? null : toId(XperfValues.parseNumber(text));
    }

    private static Integer toId(Long n) {
        return n == null || n == -1L ? null : Integer.valueOf(n.intValue());
    }
}
