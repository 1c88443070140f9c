package etwreplay.ingest.event;

/**
 * File I/O: begin events (Create, Read, Write, …) logged at the start of the operation in the
 * requesting thread, {@code OpEnd} at its end, and the file-name events (Name, FileCreate, FileDelete,
 * FileRundown). Begin and OpEnd correlate by {@code irp} (SCHEMAS.md §1.9).
 */
public record FileIoEvent(long ts, int cpu, String kind, Integer pid, Integer tid, String processName,
        Integer loggingPid, Integer loggingTid, Long irp, Long fileObject, Long fileKey, Long byteOffset, Long size,
        Long flags, Integer infoClass, Long extraInfo, Long ntStatus, Long elapsedNs, String opType,
        Long createOptions, Long fileAttributes, Long shareAccess, Integer ioPriority, String fileName)
        implements TraceEvent {

    public static final String OP_END = "OpEnd";

    @Override
    public EventTable table() {
        return EventTable.FILE_IO;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.str(kind);
        row.i32(pid);
        row.i32(tid);
        row.str(processName);
        row.i32(loggingPid);
        row.i32(loggingTid);
        row.u64(irp);
        row.u64(fileObject);
        row.u64(fileKey);
        row.i64(byteOffset);
        row.i64(size);
        row.i64(flags);
        row.i32(infoClass);
        row.u64(extraInfo);
        row.i64(ntStatus);
        row.i64(elapsedNs);
        row.str(opType);
        row.i64(createOptions);
        row.i64(fileAttributes);
        row.i64(shareAccess);
        row.i32(ioPriority);
        row.str(fileName);
    }
}
