package etwreplay.ingest.etl;

import etwreplay.ingest.event.ProcessEvent;
import java.util.Map;

/**
 * Process Start/End/DCStart/DCEnd/Defunct, all layout versions (SCHEMAS.md §1.2). The payload
 * ProcessId names the process (the header may be the parent's). V1 calls the page-table base
 * PageDirectoryBase; V5 (Defunct) appends ExitTime, kept in {@code extra}.
 */
final class ProcessDecoder implements KernelDecoder {
    private static final int UNIQUE_KEY = Fields.id("UniqueProcessKey");
    private static final int PROCESS_ID = Fields.id("ProcessId");
    private static final int PARENT_ID = Fields.id("ParentId");
    private static final int SESSION_ID = Fields.id("SessionId");
    private static final int EXIT_STATUS = Fields.id("ExitStatus");
    private static final int DIRECTORY_TABLE_BASE = Fields.id("DirectoryTableBase");
    private static final int PAGE_DIRECTORY_BASE = Fields.id("PageDirectoryBase");
    private static final int FLAGS = Fields.id("Flags");
    private static final int USER_SID = Fields.id("UserSID");
    private static final int IMAGE_FILE_NAME = Fields.id("ImageFileName");
    private static final int COMMAND_LINE = Fields.id("CommandLine");
    private static final int PACKAGE_FULL_NAME = Fields.id("PackageFullName");
    private static final int APPLICATION_ID = Fields.id("ApplicationId");
    private static final int EXIT_TIME = Fields.id("ExitTime");

    private final String kind;

    ProcessDecoder(String kind) {
        this.kind = kind;
    }

    @Override
    public void decode(Payload p, DecodeContext c) {
        Integer pid = p.id(PROCESS_ID);
        String image = p.string(IMAGE_FILE_NAME);
        c.owners.process(pid, image);
        Long dirBase = p.has(DIRECTORY_TABLE_BASE) ? p.number(DIRECTORY_TABLE_BASE) : p.number(PAGE_DIRECTORY_BASE);
        ProcessEvent e = new ProcessEvent(c.ts, c.cpu, kind, pid, p.id(PARENT_ID), p.int32(SESSION_ID),
                p.number(UNIQUE_KEY), dirBase, p.int32(EXIT_STATUS), p.int32(FLAGS), image, p.string(COMMAND_LINE),
                p.string(USER_SID), p.string(PACKAGE_FULL_NAME), p.string(APPLICATION_ID));
        Long exitTime = p.number(EXIT_TIME);
        if (exitTime != null) {
            c.emit(e, Map.of("ExitTime", Long.toString(exitTime)));
        } else {
            c.emit(e);
        }
    }
}
