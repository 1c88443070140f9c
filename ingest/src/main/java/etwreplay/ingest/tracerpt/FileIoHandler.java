package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.FileIoEvent;

/**
 * FileIo (class {@code 90cbdc39-…}), SCHEMAS.md §1.9: begin events (Create, Read, Write, Cleanup, …)
 * name the requesting thread in {@code TTID} (pointer-sized in V2, 32-bit in V3); OperationEnd (stored as
 * {@code OpEnd}) and the name events carry no requester, so their {@code pid}/{@code tid} stay NULL and
 * only the logging context (the event header) is recorded. Begin ↔ OpEnd pairing by IRP is replay's.
 */
final class FileIoHandler implements KernelEventHandler {
    private final String kind;
    private final boolean begin;

    FileIoHandler(String kind, boolean begin) {
        this.kind = kind;
        this.begin = begin;
    }

    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        Integer tid = begin ? e.id("TTID") : null;
        Integer pid = c.names().pidOf(tid);
        Integer loggingPid = e.pid != null ? e.pid : c.names().pidOf(e.tid);
        c.sink().accept(new FileIoEvent(c.ts(), c.cpu(), kind, pid, tid, c.names().nameOf(pid), loggingPid, e.tid,
                e.number("IrpPtr"), e.number("FileObject"), e.number("FileKey"), e.number("Offset", "FileIndex"),
                e.number("IoSize", "Length"), e.number("IoFlags"), e.int32("InfoClass"), e.number("ExtraInfo"),
                e.number("NtStatus"), null, null, e.number("CreateOptions"), e.number("FileAttributes"),
                e.number("ShareAccess"), null, e.text("FileName", "OpenPath")), e.extra());
    }
}
