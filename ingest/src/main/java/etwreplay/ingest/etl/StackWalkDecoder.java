package etwreplay.ingest.etl;

import etwreplay.ingest.event.StackFrameEvent;

/**
 * StackWalk/Stack (group 0x18, opcode 32): EventTimeStamp, StackProcess, StackThread, then one return
 * address per frame, pointer-sized, innermost first (TraceEvent StackWalkStackTraceData). Each frame is
 * one {@code stack} row at the time of the event it belongs to. The compressed-stack events (stack key
 * definitions and references, opcodes 34–38) stay in {@code generic_event}.
 */
final class StackWalkDecoder implements KernelDecoder {
    private static final int EVENT_TIMESTAMP = Fields.id("EventTimeStamp");
    private static final int STACK_THREAD = Fields.id("StackThread");

    @Override
    public void decode(Payload p, DecodeContext c) {
        Long raw = p.number(EVENT_TIMESTAMP);
        long ts = raw == null ? c.ts : c.time.toNs(raw);
        Integer tid = p.id(STACK_THREAD);
        EventView ev = c.event;
        int frames = (ev.payloadLength - 16) / ev.pointerSize;
        if (frames <= 0) {
            GenericEvents.kernel(c, p);
            return;
        }
        for (int i = 0; i < frames; i++) {
            long address = LittleEndian.pointer(ev.data, ev.payloadStart + 16 + i * ev.pointerSize, ev.pointerSize);
            c.emit(new StackFrameEvent(ts, c.cpu, tid, i + 1, address, null));
        }
    }
}
