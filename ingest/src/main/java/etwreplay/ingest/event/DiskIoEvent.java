package etwreplay.ingest.event;

/**
 * Physical disk I/O. Read/Write/Flush are logged at completion (in whatever context completed them),
 * the *Init kinds at issue (SCHEMAS.md §1.8, §3.2). {@code pid}/{@code tid} name the issuing thread.
 * {@code elapsedNs} is the kernel's own init→completion time (HighResResponseTime / xperf ElapsedTime).
 */
public record DiskIoEvent(long ts, int cpu, String kind, Integer pid, Integer tid, String processName, Long irp,
        Integer diskNumber, Long irpFlags, Long transferSize, Long byteOffset, Long fileObject, String fileName,
        Long elapsedNs, Long diskServiceNs, Integer ioPriority, String volSnap) implements TraceEvent {

    public static final String READ = "Read", WRITE = "Write", FLUSH = "Flush", READ_INIT = "ReadInit",
            WRITE_INIT = "WriteInit", FLUSH_INIT = "FlushInit";

    @Override
    public EventTable table() {
        return EventTable.DISK_IO;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.str(kind);
        row.i32(pid);
        row.i32(tid);
        row.str(processName);
        row.u64(irp);
        row.i32(diskNumber);
        row.i64(irpFlags);
        row.i64(transferSize);
        row.i64(byteOffset);
        row.u64(fileObject);
        row.str(fileName);
        row.i64(elapsedNs);
        row.i64(diskServiceNs);
        row.i32(ioPriority);
        row.str(volSnap);
    }
}
