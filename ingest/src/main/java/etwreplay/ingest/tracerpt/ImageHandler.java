package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.ImageEvent;

/**
 * Image Load/UnLoad/DCStart/DCEnd (class {@code 2cb15d1d-…}, opcodes 10/2/3/4). Field names: SCHEMAS.md
 * §1.6 "tracerpt" (MSDN spells both ImageCheckSum and ImageChecksum; V0 has BaseAddress/ModuleSize).
 * The Reserved1-4 slots are padding and are not kept.
 */
final class ImageHandler implements KernelEventHandler {
    private final String kind;

    ImageHandler(String kind) {
        this.kind = kind;
    }

    @Override
    public void handle(RenderedEvent e, MappingContext c) {
        e.skip("Reserved1", "Reserved2", "Reserved3", "Reserved4");
        Integer pid = e.id("ProcessId");
        c.sink().accept(new ImageEvent(c.ts(), c.cpu(), kind, pid, c.names().nameOf(pid),
                e.number("ImageBase", "BaseAddress"), e.number("ImageSize", "ModuleSize"),
                e.number("ImageCheckSum", "ImageChecksum"), e.number("TimeDateStamp"), e.number("DefaultBase"),
                e.text("FileName", "ImageFileName")), e.extra());
    }
}
