package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.DiskIoEvent;

/**
 * DiskIo Read/Write/FlushBuffers (logged at completion) and ReadInit/WriteInit/FlushInit (at issue),
 * class {@code 3d6fa8d4-…}, opcodes 10-15 (SCHEMAS.md §1.8). The issuer is {@code IssuingThreadId}
 * (V3, Win8+); before V3 only an Init event's own header thread names it. {@code HighResResponseTime}
 * is in QPC ticks. The file name is not in the payload (xperf joins it from FileIo names).
 */
final class DiskIoHandler implements KernelEventHandler {
    private final String kind;
    private final boolean init;

    DiskIoHandler(String kind) {
        this.kind = kind;
        this.init = kind.endsWith("Init");
    }

    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        Integer tid = e.id("IssuingThreadId");
        Integer pid = c.names().pidOf(tid);
        if (tid == null && init) {
            tid = e.tid;
            pid = e.pid != null ? e.pid : c.names().pidOf(tid);
        }
        c.sink().accept(new DiskIoEvent(c.ts(), c.cpu(), kind, pid, tid, c.names().nameOf(pid), e.number("Irp"),
                e.int32("DiskNumber"), e.number("IrpFlags"), e.number("TransferSize"), e.number("ByteOffset"),
                e.number("FileObject"), null, c.qpcDuration(e, "HighResResponseTime"), null, null, null), e.extra());
    }
}
