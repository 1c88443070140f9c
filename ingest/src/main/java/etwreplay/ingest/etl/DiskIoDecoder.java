package etwreplay.ingest.etl;

import etwreplay.ingest.event.DiskIoEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DiskIo Read/Write/FlushBuffers (logged at completion) and ReadInit/WriteInit/FlushInit (at issue),
 * V2 and V3 (SCHEMAS.md §1.8). The issuing thread is IssuingThreadId (V3, Win8+), else the header's
 * thread; its process comes from {@link ThreadOwners}. When the header names another thread (the one
 * the event was logged in), it is kept in {@code extra} as LoggingThreadId/LoggingProcessId. HighResResponseTime is in ticks of the session
 * clock (QPC, diskio-typegroup1.md) and stored in ns; the I/O priority is IrpFlags bits 17–19, as
 * TraceEvent and xperf's "I/O Pri" read it.
 */
final class DiskIoDecoder implements KernelDecoder {
    private static final int DISK_NUMBER = Fields.id("DiskNumber");
    private static final int IRP_FLAGS = Fields.id("IrpFlags");
    private static final int TRANSFER_SIZE = Fields.id("TransferSize");
    private static final int BYTE_OFFSET = Fields.id("ByteOffset");
    private static final int FILE_OBJECT = Fields.id("FileObject");
    private static final int IRP = Fields.id("Irp");
    private static final int RESPONSE_TIME = Fields.id("HighResResponseTime");
    private static final int ISSUING_THREAD = Fields.id("IssuingThreadId");
    /** Win7: QueueDepth; Vista: ResponseTime in CPU ticks (diskio-typegroup1.md). Kept in extra when set. */
    private static final int RESERVED = Fields.id("Reserved");

    private static final int PRIORITY_SHIFT = 17;
    private static final int PRIORITY_MASK = 0x7;

    private final String kind;

    DiskIoDecoder(String kind) {
        this.kind = kind;
    }

    @Override
    public void decode(Payload p, DecodeContext c) {
        Integer tid = p.id(ISSUING_THREAD);
        Integer pid;
        Map<String, String> extra = null;
        if (tid != null) {
            pid = c.owners.processOf(tid);
            Integer loggingTid = c.headerTid();
            if (loggingTid != null && !loggingTid.equals(tid)) {
                // Logged in another thread's context than the issuer's (e.g. a WriteInit of a lazy-writer I/O).
                extra = new LinkedHashMap<>();
                extra.put("LoggingThreadId", loggingTid.toString());
                extra.put("LoggingProcessId", String.valueOf(c.headerPid()));
            }
        } else {
            tid = c.headerTid();
            pid = c.headerPidOrOwner();
        }
        Long reserved = p.number(RESERVED);
        if (reserved != null && reserved != 0) {
            if (extra == null) {
                extra = new LinkedHashMap<>();
            }
            extra.put("Reserved", reserved.toString());
        }
        Long flags = p.number(IRP_FLAGS);
        Long ticks = p.number(RESPONSE_TIME);
        c.emit(new DiskIoEvent(c.ts, c.cpu, kind, pid, tid, c.owners.nameOf(pid), p.number(IRP), p.int32(DISK_NUMBER),
                flags, p.number(TRANSFER_SIZE), p.number(BYTE_OFFSET), p.number(FILE_OBJECT), null,
                ticks == null ? null : c.time.ticksToNs(ticks), null,
                flags == null ? null : (int) (flags >>> PRIORITY_SHIFT & PRIORITY_MASK), null), extra);
    }
}
