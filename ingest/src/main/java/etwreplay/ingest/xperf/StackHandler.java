package etwreplay.ingest.xperf;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.StackFrameEvent;
import etwreplay.ingest.event.TraceEvent;

/**
 * {@code Stack, TimeStamp, ThreadID, No., Address, Image!Function} lines (SCHEMAS.md §1.11): frames of the
 * stack walk of the event printed just before them, stored in the {@code stack} table on that event's CPU.
 */
final class StackHandler implements XperfEventHandler {
    private final LastEvent last;
    private final int tid;
    private final int frame;
    private final int address;
    private final int symbol;

    /** What the reader last stored (a stack belongs to it). */
    interface LastEvent {
        /** CPU of the last non-stack event, or {@link TraceEvent#NO_CPU}; null before any event. */
        Integer cpu();
    }

    StackHandler(XperfSchema s, LastEvent last) {
        this.last = last;
        tid = s.field("ThreadID");
        frame = s.field("No.", "Frame");
        address = s.field("Address");
        symbol = s.field("Image!Function");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        Integer cpu = last.cpu();
        if (cpu == null) {
            sink.anomaly(Anomaly.ORPHAN_STACK, r.location(), "Stack line before any event");
        }
        sink.accept(new StackFrameEvent(r.ts(), cpu == null ? TraceEvent.NO_CPU : cpu, r.id(tid), r.int32(frame),
                r.number(address), r.text(symbol)), r.extra());
    }
}
