package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.SampleEvent;
import etwreplay.ingest.event.TraceEvent;

/**
 * {@code SampledProfile} and {@code SampledProfileNmi} (FORMATS.md §1b). The dumper prints no
 * ExecutingDPC/ExecutingISR flag column, so those stay NULL unless a column of that name exists.
 */
final class SampleHandler implements XperfEventHandler {
    private final String source;
    private final int process;
    private final int tid;
    private final int ip;
    private final int cpu;
    private final int threadStart;
    private final int symbol;
    private final int count;
    private final int type;
    private final int dpc;
    private final int isr;
    private final int priority;
    private final int rank;

    SampleHandler(XperfSchema s, String source) {
        this.source = source;
        process = s.field("Process Name ( PID)");
        tid = s.field("ThreadID");
        ip = s.field("PrgrmCtr", "InstructionPointer");
        cpu = s.field("CPU");
        threadStart = s.field("ThreadStartImage!Function");
        symbol = s.field("Image!Function");
        count = s.field("Count");
        type = s.field("SampledProfile type", "Type");
        dpc = s.field("ExecutingDPC");
        isr = s.field("ExecutingISR");
        priority = s.field("Priority");
        rank = s.field("Rank");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        Integer c = r.int32(cpu);
        String profileSource = r.text(type);
        sink.accept(new SampleEvent(r.ts(), c == null ? TraceEvent.NO_CPU : c, r.processId(process), r.id(tid),
                r.processName(process), r.number(ip), r.text(symbol), r.text(threadStart), r.int32(count), r.bool(dpc),
                r.bool(isr), r.int32(priority), r.int32(rank), profileSource != null ? profileSource : source),
                r.extra());
    }
}
