package etwreplay.ingest.wpa;

import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.FileIoEvent;
import etwreplay.ingest.event.TraceEvent;

/**
 * WPA "File I/O" rows: one file operation per row ({@code Type} = Create, Read, Write, Close …) with
 * Start/End Time and Duration. Stored as the operation's begin event at Start Time, with its Duration
 * in {@code elapsed_ns} (the export has no separate OpEnd and no IRP to pair one by). No real export was
 * available (FORMATS.md §5): column names are WPA's as displayed, with aliases.
 */
final class FileIoRows implements WpaRowHandler {
    private final int type;
    private final int start;
    private final int end;
    private final int duration;
    private final int process;
    private final int tid;
    private final int path;
    private final int size;
    private final int offset;
    private final int fileObject;
    private final int irp;
    private final int status;

    FileIoRows(WpaRow h) {
        type = h.column("Type", "Event Type");
        start = h.column("Start Time", "Init Time");
        end = h.column("End Time", "Complete Time");
        duration = h.column("Duration", "IO Time");
        process = h.column("Process", "Process Name");
        tid = h.column("Thread ID", "Thread Id", "ThreadID", "Thread");
        path = h.column("File Path", "File Name", "Path Name", "Path");
        size = h.column("Size");
        offset = h.column("Offset", "Byte Offset");
        fileObject = h.column("File Object", "FileObject");
        irp = h.column("IRP", "Irp");
        status = h.column("Result", "Status", "NtStatus");
    }

    static boolean recognises(WpaRow h) {
        return h.column("Type", "Event Type") >= 0 && h.column("File Path", "File Name", "Path Name", "Path") >= 0
                && h.column("Start Time", "End Time", "Duration") >= 0;
    }

    @Override
    public boolean handle(WpaRow r, EventSink sink) {
        String kind = r.text(type);
        Long begin = r.nanos(start);
        Long stop = r.nanos(end);
        Long d = r.nanos(duration);
        if (begin == null && stop != null && d != null) {
            begin = stop - d;
        }
        if (d == null && begin != null && stop != null) {
            d = stop - begin;
        }
        if (kind == null || begin == null) {
            return false;
        }
        sink.accept(new FileIoEvent(begin, TraceEvent.NO_CPU, kind, r.processId(process), r.int32(tid),
                r.processName(process), null, null, r.whole(irp), r.whole(fileObject), null, r.whole(offset),
                r.whole(size), null, null, null, r.whole(status), d, null, null, null, null, null, r.text(path)),
                r.extra());
        return true;
    }
}
