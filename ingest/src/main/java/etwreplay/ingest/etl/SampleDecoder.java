package etwreplay.ingest.etl;

import etwreplay.ingest.event.SampleEvent;

/**
 * SampledProfile (PerfInfo/46): the thread and instruction pointer a CPU was running. In V2 the byte
 * after Count carries flags: bit 0 ExecutingDPC, bit 1 ExecutingISR, bits 3–7 the thread priority; the
 * next byte is the rank (SCHEMAS.md §1.7, from TraceEvent's SampledProfileTraceData). V1 has a 32-bit
 * Count and no flags (NULL). The process is the sampled thread's ({@link ThreadOwners}).
 */
final class SampleDecoder implements KernelDecoder {
    private static final int INSTRUCTION_POINTER = Fields.id("InstructionPointer");
    private static final int THREAD_ID = Fields.id("ThreadId");
    private static final int COUNT = Fields.id("Count");
    private static final int FLAGS = Fields.id("Reserved");
    private static final int RANK = Fields.id("Rank");

    private static final int EXECUTING_DPC = 0x1;
    private static final int EXECUTING_ISR = 0x2;
    private static final int PRIORITY_SHIFT = 3;

    @Override
    public void decode(Payload p, DecodeContext c) {
        Integer tid = p.id(THREAD_ID);
        Integer pid = c.owners.processOf(tid);
        Integer flags = p.int32(FLAGS);
        c.emit(new SampleEvent(c.ts, c.cpu, pid, tid, c.owners.nameOf(pid), p.number(INSTRUCTION_POINTER), null, null,
                p.int32(COUNT), flags == null ? null : (flags & EXECUTING_DPC) != 0,
                flags == null ? null : (flags & EXECUTING_ISR) != 0, flags == null ? null : flags >>> PRIORITY_SHIFT,
                p.int32(RANK), null));
    }
}
