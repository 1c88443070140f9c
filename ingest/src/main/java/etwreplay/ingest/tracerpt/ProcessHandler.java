package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.ProcessEvent;

/**
 * Process Start/End/DCStart/DCEnd/Defunct (class {@code 3d6fa8d0-…}, opcodes 1/2/3/4/39). Field names:
 * SCHEMAS.md §1.2 "tracerpt"; V1 names the page-table base {@code PageDirectoryBase}.
 */
final class ProcessHandler implements KernelEventHandler {
    private final String kind;

    ProcessHandler(String kind) {
        this.kind = kind;
    }

    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        Integer pid = e.id("ProcessId");
        String image = e.text("ImageFileName");
        c.names().process(pid, image);
        c.sink().accept(new ProcessEvent(c.ts(), c.cpu(), kind, pid, e.id("ParentId"), e.id("SessionId"),
                e.number("UniqueProcessKey"), e.number("DirectoryTableBase", "PageDirectoryBase"),
                e.int32("ExitStatus"), e.int32("Flags"), image, e.text("CommandLine"), e.text("UserSID"),
                e.text("PackageFullName"), e.text("ApplicationId")), e.extra());
    }
}
