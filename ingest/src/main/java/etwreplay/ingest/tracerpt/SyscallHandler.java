package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.SyscallEvent;

/** SysClEnter / SysClExit (class {@code ce1dbfb4-…}, opcodes 51/52), logged in the calling thread. */
final class SyscallHandler implements KernelEventHandler {
    private final String kind;

    SyscallHandler(String kind) {
        this.kind = kind;
    }

    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        Integer pid = e.pid != null ? e.pid : c.names().pidOf(e.tid);
        c.sink().accept(new SyscallEvent(c.ts(), c.cpu(), kind, pid, e.tid, c.names().nameOf(pid),
                e.number("SysCallAddress"), null, e.number("SysCallNtStatus")), e.extra());
    }
}
