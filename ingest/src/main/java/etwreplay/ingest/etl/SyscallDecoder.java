package etwreplay.ingest.etl;

import etwreplay.ingest.event.SyscallEvent;

/**
 * SysClEnter (PerfInfo/51, the service routine's address) and SysClExit (52, its NTSTATUS); logged in
 * the calling thread, whose ids the header gives when it is a SYSTEM header (SCHEMAS.md §1.7).
 */
final class SyscallDecoder implements KernelDecoder {
    private static final int ADDRESS = Fields.id("SysCallAddress");
    private static final int STATUS = Fields.id("SysCallNtStatus");

    private final String kind;

    SyscallDecoder(String kind) {
        this.kind = kind;
    }

    @Override
    public void decode(Payload p, DecodeContext c) {
        Integer pid = c.headerPidOrOwner();
        c.emit(new SyscallEvent(c.ts, c.cpu, kind, pid, c.headerTid(), c.owners.nameOf(pid), p.number(ADDRESS), null,
                p.number(STATUS)));
    }
}
