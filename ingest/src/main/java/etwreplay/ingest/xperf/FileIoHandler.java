package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.FileIoEvent;
import etwreplay.ingest.event.TraceEvent;

/**
 * Every {@code FileIo*} event and the {@code FileName*} events (FORMATS.md §1a, SCHEMAS.md §1.9). Win10
 * rows carry both the attributed {@code Process Name ( PID)}/{@code ThreadID} and the raw
 * {@code LoggingProcessName ( PID)}/{@code LoggingThreadID}. The {@code Parsed*} columns are xperf's
 * renderings of flag columns stored numerically, so they are not kept twice.
 */
final class FileIoHandler implements XperfEventHandler {
    private final String kind;
    private final int process;
    private final int tid;
    private final int loggingProcess;
    private final int loggingTid;
    private final int cpu;
    private final int irp;
    private final int fileObject;
    private final int fileKey;
    private final int byteOffset;
    private final int size;
    private final int flags;
    private final int infoClass;
    private final int extraInfo;
    private final int status;
    private final int elapsed;
    private final int type;
    private final int options;
    private final int attributes;
    private final int shareAccess;
    private final int priority;
    private final int fileName;
    private final int[] renderings;

    FileIoHandler(XperfSchema s, String kind) {
        this.kind = kind;
        process = s.field("Process Name ( PID)");
        tid = s.field("ThreadID", "TTID");
        loggingProcess = s.field("LoggingProcessName ( PID)");
        loggingTid = s.field("LoggingThreadID");
        cpu = s.field("CPU");
        irp = s.field("IrpPtr", "Irp");
        fileObject = s.field("FileObject");
        fileKey = s.field("FileKey");
        byteOffset = s.field("ByteOffset", "Offset");
        size = s.field("Size", "IoSize", "Length");
        flags = s.field("Flags", "IoFlags");
        infoClass = s.field("InfoClass");
        extraInfo = s.field("ExtraInfo");
        status = s.field("Status", "NtStatus");
        elapsed = s.field("ElapsedTime");
        type = s.field("Type");
        options = s.field("Options", "CreateOptions");
        attributes = s.field("Attributes", "FileAttributes");
        shareAccess = s.field("ShareAccess");
        priority = s.field("Priority");
        fileName = s.field("FileName", "OpenPath");
        renderings = new int[] {s.field("ParsedFlags"), s.field("ParsedOptions"), s.field("ParsedAttributes"),
            s.field("ParsedShareAccess")};
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        Integer c = r.int32(cpu);
        for (int f : renderings) {
            r.skip(f);
        }
        Integer pid = r.processId(process);
        Integer logPid = r.processId(loggingProcess);
        sink.accept(new FileIoEvent(r.ts(), c == null ? TraceEvent.NO_CPU : c, kind, pid, r.id(tid),
                r.processName(process), logPid, r.id(loggingTid), r.number(irp), r.number(fileObject),
                r.number(fileKey), r.number(byteOffset), r.number(size), r.number(flags), r.int32(infoClass),
                r.number(extraInfo), r.number(status), r.micros(elapsed), r.text(type), r.number(options),
                r.number(attributes), r.number(shareAccess), r.int32(priority), r.text(fileName)), r.extra());
    }
}
