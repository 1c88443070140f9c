package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.TraceHeader;

/**
 * The common back end of the tracerpt XML and CSV readers: reads the header event into the trace row,
 * places every event on the trace's time line, and dispatches MSNT_SystemTrace events to their handler
 * by (class GUID, opcode); everything else goes to {@code generic_event}. One trace; not thread-safe.
 */
final class RenderedEventMapper {
    private static final KernelEventHandler GENERIC = new GenericHandler();

    private final MappingContext context;
    private long lastTs;
    private long events;

    RenderedEventMapper(EventSink sink, TraceHeader header) {
        this.context = new MappingContext(sink, header);
    }

    MappingContext context() {
        return context;
    }

    long events() {
        return events;
    }

    void map(RenderedEvent e) {
        events++;
        if (e.classGuid == null && e.isKernel()) {
            e.classGuid = KernelClasses.guidOf(e.className);
        }
        if (e.opcode == null) {
            e.opcode = KernelEventTypes.opcodeOf(e.classGuid, e.opcodeName);
        }
        boolean header = HeaderFields.isHeader(e);
        if (header) {
            HeaderFields.read(e, context);
        }
        Long ts = context.clock().ts(e);
        if (ts == null) {
            // Kept, at the previous event's time so that file order is kept; counted.
            context.sink().anomaly(Anomaly.UNRESOLVED_TIME, e.location(), e.displayName() + " has no usable time");
            ts = lastTs;
        }
        lastTs = ts;
        context.current(ts, e.cpu);
        KernelEventHandler h = header ? null : KernelEventTypes.handlerFor(e.classGuid, e.opcode);
        (h == null ? GENERIC : h).handle(e, context);
    }

    /** Completes the trace row once every event is read. */
    void finish() {
        TraceHeader h = context.header();
        if (h.startFiletime == null) {
            h.startFiletime = context.clock().startFiletime();
        }
    }
}
