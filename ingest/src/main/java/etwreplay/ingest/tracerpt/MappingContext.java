package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.KernelThreadNames;
import etwreplay.ingest.event.TraceEvent;
import etwreplay.ingest.event.TraceHeader;
import java.util.function.LongFunction;

/**
 * What handlers share while one trace is read: the sink, the clock, the process/thread names learned so
 * far, the header, and the time and CPU of the event being handled. One reader; not thread-safe.
 */
final class MappingContext {
    /** First build with the SampledProfile flag bits (Windows 8; SCHEMAS.md §1.7). */
    static final int FIRST_BUILD_WITH_SAMPLE_FLAGS = 9200;

    private final EventSink sink;
    private final EventClock clock = new EventClock();
    private final ProcessThreadNames names = new ProcessThreadNames();
    private final TraceHeader header;
    private long ts;
    private int cpu;

    MappingContext(EventSink sink, TraceHeader header) {
        this.sink = sink;
        this.header = header;
    }

    EventSink sink() {
        return sink;
    }

    EventClock clock() {
        return clock;
    }

    ProcessThreadNames names() {
        return names;
    }

    TraceHeader header() {
        return header;
    }

    void current(long timestamp, Integer processor) {
        ts = timestamp;
        cpu = processor == null ? TraceEvent.NO_CPU : processor;
    }

    /** ts of the event being handled. */
    long ts() {
        return ts;
    }

    /** CPU of the event being handled, or {@link TraceEvent#NO_CPU}. */
    int cpu() {
        return cpu;
    }

    /** A payload time field (e.g. InitialTime) as ts; null, counted and kept in extra when not convertible. */
    Long payloadTime(RenderedEvent e, String field) {
        String text = e.text(field);
        if (text == null) {
            return null;
        }
        Long t = clock.payloadTime(text);
        if (t == null || t > ts) {
            sink.anomaly(Anomaly.UNRESOLVED_TIME, e.location(), e.displayName() + " " + field + " = " + text.strip());
            e.keep(field, text.strip());
            return null;
        }
        return t;
    }

    /** A QPC tick-count field (HighResResponseTime) in ns; null, counted and kept when PerfFreq is unknown. */
    Long qpcDuration(RenderedEvent e, String field) {
        String text = e.text(field);
        Long ticks = e.number(field);
        if (ticks == null) {
            return null;
        }
        Long ns = clock.qpcTicksToNanos(ticks);
        if (ns == null) {
            sink.anomaly(Anomaly.UNRESOLVED_TIME, e.location(), e.displayName() + " " + field + " = " + text.strip());
            e.keep(field, text.strip());
        }
        return ns;
    }

    /** A CSwitch enum byte (state, wait reason, wait mode) as its name, whether printed as number or name. */
    String enumName(RenderedEvent e, String field, LongFunction<String> names) {
        String text = e.text(field);
        if (text == null) {
            return null;
        }
        Long n = TracerptValues.number(text);
        if (n == null) {
            if (KernelThreadNames.isName(text.strip())) {
                return text.strip();
            }
            sink.anomaly(Anomaly.UNKNOWN_NAME, e.location(), field + " = " + text);
            e.keep(field, text);
            return null;
        }
        String name = names.apply(n);
        if (name == null) {
            sink.anomaly(Anomaly.OUT_OF_RANGE_VALUE, e.location(), field + " = " + text.strip());
            e.keep(field, text.strip());
        }
        return name;
    }

    /** True when the trace's OS build is known to carry the SampledProfile flag bits. */
    boolean sampleFlagsKnown() {
        return header.osBuild != null && header.osBuild >= FIRST_BUILD_WITH_SAMPLE_FLAGS;
    }
}
