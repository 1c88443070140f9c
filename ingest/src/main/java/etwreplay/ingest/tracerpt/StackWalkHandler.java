package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.StackFrameEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * StackWalk Stack (class {@code def2fe46-…}, opcode 32): {@code EventTimeStamp} (the time of the event
 * the stack belongs to, session clock), {@code StackProcess}, {@code StackThread}, then
 * {@code Stack1…StackN}, innermost first. One {@code stack} row per frame, at the owning event's time
 * when it converts (else at the StackWalk event's own), like xperf's Stack lines.
 */
final class StackWalkHandler implements KernelEventHandler {
    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        String owner = e.text("EventTimeStamp");
        Long at = owner == null ? null : c.clock().payloadTime(owner);
        long ts = at != null && at <= c.ts() ? at : c.ts();
        if (owner != null && at == null) {
            e.keep("EventTimeStamp", owner);
        }
        Integer tid = e.id("StackThread");
        List<Long> addresses = new ArrayList<>();
        for (int n = 1; e.has("Stack" + n); n++) {
            addresses.add(e.number("Stack" + n));
        }
        Map<String, String> extra = e.extra();
        for (int i = 0; i < addresses.size(); i++) {
            c.sink().accept(new StackFrameEvent(ts, c.cpu(), tid, i + 1, addresses.get(i), null), i == 0 ? extra : null);
        }
    }
}
