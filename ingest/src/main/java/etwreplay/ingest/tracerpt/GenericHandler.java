package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.GenericEvent;
import java.util.Map;

/**
 * Any event the canonical tables do not model (other providers, unmodelled kernel opcodes, the header
 * event itself): kept in {@code generic_event} as {@code Class/Opcode} with every payload field by its
 * tracerpt name, and the header's identity (EventID, Level, Task, Keywords, GUIDs) in extra.
 */
final class GenericHandler implements KernelEventHandler {
    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        String provider = e.providerName != null ? e.providerName
                : e.providerGuid != null ? "{" + e.providerGuid + "}" : null;
        Map<String, String> extra = null;
        if (!e.identity.isEmpty() || !e.headerExtra.isEmpty()) {
            extra = e.identity.toMap();
            extra.putAll(e.headerExtra);
        }
        c.sink().accept(new GenericEvent(c.ts(), c.cpu(), e.displayName(), provider, e.opcode, e.version, e.pid,
                e.tid, e.allFields(), null), extra);
    }
}
