package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.ImageEvent;
import etwreplay.ingest.event.TraceEvent;

/**
 * {@code I-Start}, {@code I-End}, {@code I-DCStart}, {@code I-DCEnd} (FORMATS.md §1a). xperf prints the
 * range as {@code BaseAddr, EndAddr}; the size stored is their difference.
 */
final class ImageHandler implements XperfEventHandler {
    private final String kind;
    private final int process;
    private final int base;
    private final int end;
    private final int size;
    private final int checksum;
    private final int timeDateStamp;
    private final int defaultBase;
    private final int fileName;

    ImageHandler(XperfSchema s, String kind) {
        this.kind = kind;
        process = s.field("Process Name ( PID)");
        base = s.field("BaseAddr", "ImageBase", "BaseAddress");
        end = s.field("EndAddr", "EndAddress");
        size = s.field("ImageSize", "Size");
        checksum = s.field("Checksum", "ImageChecksum");
        timeDateStamp = s.field("TimeDateStamp");
        defaultBase = s.field("DefaultBase");
        fileName = s.field("FileName", "File Name");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        Long b = r.number(base);
        Long sz = r.number(size);
        if (sz == null) {
            Long e = r.number(end);
            sz = b == null || e == null ? null : e - b;
        }
        sink.accept(new ImageEvent(r.ts(), TraceEvent.NO_CPU, kind, r.processId(process), r.processName(process), b,
                sz, r.number(checksum), r.number(timeDateStamp), r.number(defaultBase), r.text(fileName)), r.extra());
    }
}
