package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.ProcessEvent;
import etwreplay.ingest.event.TraceEvent;

/**
 * {@code P-Start}, {@code P-End}, {@code P-DCStart}, {@code P-DCEnd}, {@code P-Zombie}. Column names
 * from FORMATS.md §1a and SCHEMAS.md §1.2 (whose Win10 column order is inferred: hence the aliases).
 */
final class ProcessHandler implements XperfEventHandler {
    private final String kind;
    private final int process;
    private final int parent;
    private final int session;
    private final int uniqueKey;
    private final int dirBase;
    private final int exitStatus;
    private final int flags;
    private final int sid;
    private final int commandLine;
    private final int packageName;
    private final int applicationId;
    private final int imageName;

    ProcessHandler(XperfSchema s, String kind) {
        this.kind = kind;
        process = s.field("Process Name ( PID)");
        parent = s.field("ParentPID", "Parent PID", "ParentId");
        session = s.field("SessionID", "Session ID");
        uniqueKey = s.field("UniqueKey", "UniqueProcessKey");
        dirBase = s.field("DirectoryTableBase", "PageDirectoryBase", "DirBase", "Directory Table Base");
        exitStatus = s.field("Status", "ExitStatus", "Exit Status");
        flags = s.field("Flags");
        sid = s.field("UserSid", "User Sid", "UserSID");
        commandLine = s.field("Command Line", "CommandLine");
        packageName = s.field("PackageFullName", "Package Full Name");
        applicationId = s.field("ApplicationId", "Application Id");
        imageName = s.field("ImageFileName", "Image Name");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        String name = imageName > 0 ? r.text(imageName) : null;
        if (name == null) {
            name = r.processName(process);
        }
        sink.accept(new ProcessEvent(r.ts(), TraceEvent.NO_CPU, kind, r.processId(process), r.id(parent),
                r.int32(session), r.number(uniqueKey), r.number(dirBase), r.int32(exitStatus), r.int32(flags), name,
                r.text(commandLine), r.text(sid), r.text(packageName), r.text(applicationId)), r.extra());
    }
}
