package etwreplay.ingest.etl;

import etwreplay.ingest.event.ReadyThreadEvent;

/**
 * ReadyThread (Thread/50): TThreadId is made ready; the header names the readying thread
 * (SCHEMAS.md §1.5, readythread.md). Flag bit 0x1 = readied from a DPC.
 */
final class ReadyThreadDecoder implements KernelDecoder {
    private static final int THREAD_ID = Fields.id("TThreadId");
    private static final int ADJUST_REASON = Fields.id("AdjustReason");
    private static final int ADJUST_INCREMENT = Fields.id("AdjustIncrement");
    private static final int FLAG = Fields.id("Flag");

    @Override
    public void decode(Payload p, DecodeContext c) {
        Integer tid = p.id(THREAD_ID);
        Integer flag = p.int32(FLAG);
        c.emit(new ReadyThreadEvent(c.ts, c.cpu, c.owners.processOf(tid), tid, c.headerPidOrOwner(), c.headerTid(),
                p.int32(ADJUST_REASON), p.int32(ADJUST_INCREMENT), flag,
                flag == null ? null : (flag & ReadyThreadEvent.FLAG_READIED_FROM_DPC) != 0));
    }
}
