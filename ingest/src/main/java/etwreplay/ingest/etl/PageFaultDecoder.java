package etwreplay.ingest.etl;

import etwreplay.ingest.event.PageFaultEvent;

/**
 * PageFault: the soft and hard page-fault kinds (TypeGroup1, opcodes 10–15: faulting address and
 * program counter, logged in the faulting thread) and HardFault (32: logged at completion, with the
 * start in InitialTime and the thread in TThreadId). SCHEMAS.md §1.10.
 */
final class PageFaultDecoder implements KernelDecoder {
    private static final int VIRTUAL_ADDRESS = Fields.id("VirtualAddress");
    private static final int PROGRAM_COUNTER = Fields.id("ProgramCounter");
    private static final int INITIAL_TIME = Fields.id("InitialTime");
    private static final int READ_OFFSET = Fields.id("ReadOffset");
    private static final int FILE_OBJECT = Fields.id("FileObject");
    private static final int THREAD_ID = Fields.id("TThreadId");
    private static final int BYTE_COUNT = Fields.id("ByteCount");

    private final String kind;

    PageFaultDecoder(String kind) {
        this.kind = kind;
    }

    @Override
    public void decode(Payload p, DecodeContext c) {
        Integer tid = p.id(THREAD_ID);
        Integer pid;
        if (tid != null) {
            pid = c.owners.processOf(tid);
        } else {
            tid = c.headerTid();
            pid = c.headerPidOrOwner();
        }
        Long initial = c.ns(p.number(INITIAL_TIME));
        c.emit(new PageFaultEvent(c.ts, c.cpu, kind, pid, tid, c.owners.nameOf(pid), p.number(VIRTUAL_ADDRESS),
                p.number(PROGRAM_COUNTER), null, initial, initial == null ? null : c.ts - initial,
                p.number(READ_OFFSET), p.number(BYTE_COUNT), p.number(FILE_OBJECT), null));
    }
}
