package etwreplay.ingest.etl;

import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.TraceEvent;
import java.util.Map;

/**
 * What a decoder needs besides the payload: the current event's time (ns since the trace start), CPU
 * and header ids, the clock, the thread → process attribution, the sink and the anomaly tally. One per
 * read; {@link #at} repoints it at each event. Not thread-safe.
 */
final class DecodeContext {
    final EventSink sink;
    final AnomalyTally tally;
    final ThreadOwners owners = new ThreadOwners();
    TimeScale time;
    EventView event;
    /** Nanoseconds since the trace start of the current event. */
    long ts;
    int cpu;

    DecodeContext(EventSink sink, AnomalyTally tally) {
        this.sink = sink;
        this.tally = tally;
    }

    void at(EventView ev) {
        event = ev;
        ts = time.toNs(ev.timestamp);
        cpu = ev.cpu;
        if (ev.threadId != -1 && ev.processId != -1) {
            // A header logged in a thread's context names its process too: the cheapest attribution source,
            // and the only one for threads that started before the trace and log before their rundown.
            owners.header(ev.threadId, ev.processId);
        }
    }

    /** The header's thread id, or null when the header has none (PERFINFO) or logged -1. */
    Integer headerTid() {
        return event.threadId == -1 ? null : event.threadId;
    }

    Integer headerPid() {
        return event.processId == -1 ? null : event.processId;
    }

    /** The header's process id, or, when it has none, the process of its thread. */
    Integer headerPidOrOwner() {
        Integer pid = headerPid();
        return pid != null ? pid : owners.processOf(headerTid());
    }

    /** A raw timestamp of the session clock (e.g. a DPC's InitialTime) in ns since the trace start. */
    Long ns(Long raw) {
        return raw == null ? null : time.toNs(raw);
    }

    void emit(TraceEvent e) {
        sink.accept(e);
    }

    void emit(TraceEvent e, Map<String, String> extra) {
        sink.accept(e, extra);
    }
}
