package etwreplay.ingest.etl;

import etwreplay.ingest.event.FileIoEvent;

/**
 * FileIo: name events (Name/FileCreate/FileDelete/FileRundown), the operation begin events (Create,
 * Read, Write, Cleanup, Close, Flush, SetInfo, Delete, Rename, QueryInfo, FSControl, DirEnum,
 * DirNotify, DeletePath, RenamePath, SetLinkPath) and OpEnd, V2 and V3 (SCHEMAS.md §1.9). Begin events
 * name the requesting thread in TTID ({@code tid}; its process from {@link ThreadOwners}); the header
 * thread goes to {@code logging_tid}. {@code size} is IoSize, or Length for DirEnum; {@code file_name}
 * is FileName, or OpenPath for Create.
 */
final class FileIoDecoder implements KernelDecoder {
    private static final int IRP_PTR = Fields.id("IrpPtr");
    private static final int TTID = Fields.id("TTID");
    private static final int FILE_OBJECT = Fields.id("FileObject");
    private static final int FILE_KEY = Fields.id("FileKey");
    private static final int OFFSET = Fields.id("Offset");
    private static final int IO_SIZE = Fields.id("IoSize");
    private static final int LENGTH = Fields.id("Length");
    private static final int IO_FLAGS = Fields.id("IoFlags");
    private static final int INFO_CLASS = Fields.id("InfoClass");
    private static final int EXTRA_INFO = Fields.id("ExtraInfo");
    private static final int NT_STATUS = Fields.id("NtStatus");
    private static final int CREATE_OPTIONS = Fields.id("CreateOptions");
    private static final int FILE_ATTRIBUTES = Fields.id("FileAttributes");
    private static final int SHARE_ACCESS = Fields.id("ShareAccess");
    private static final int OPEN_PATH = Fields.id("OpenPath");
    private static final int FILE_NAME = Fields.id("FileName");
    private static final int FILE_INDEX = Fields.id("FileIndex");

    private final String kind;

    FileIoDecoder(String kind) {
        this.kind = kind;
    }

    @Override
    public void decode(Payload p, DecodeContext c) {
        Integer loggingTid = c.headerTid();
        Integer loggingPid = c.headerPid();
        Integer tid = p.id(TTID);
        Integer pid;
        if (tid != null) {
            pid = c.owners.processOf(tid);
        } else {
            tid = loggingTid;
            pid = c.headerPidOrOwner();
        }
        Long size = p.has(IO_SIZE) ? p.number(IO_SIZE) : p.number(LENGTH);
        String name = p.has(OPEN_PATH) ? p.string(OPEN_PATH) : p.string(FILE_NAME);
        Long fileIndex = p.number(FILE_INDEX);
        FileIoEvent e = new FileIoEvent(c.ts, c.cpu, kind, pid, tid, c.owners.nameOf(pid), loggingPid, loggingTid,
                p.number(IRP_PTR), p.number(FILE_OBJECT), p.number(FILE_KEY), p.number(OFFSET), size,
                p.number(IO_FLAGS), p.int32(INFO_CLASS), p.number(EXTRA_INFO), p.number(NT_STATUS), null, null,
                p.number(CREATE_OPTIONS), p.number(FILE_ATTRIBUTES), p.number(SHARE_ACCESS), null, name);
        if (fileIndex != null) {
            c.emit(e, java.util.Map.of("FileIndex", Long.toString(fileIndex)));
        } else {
            c.emit(e);
        }
    }
}
