package etwreplay.ingest.wpa;

import etwreplay.ingest.event.DiskIoEvent;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.TraceEvent;
import java.util.Map;

/**
 * WPA "Disk Usage" rows (FORMATS.md §5a/§5b): one physical disk I/O per row, stored like a DiskIo
 * completion — {@code ts} = Complete Time (else Init Time + IO Time), {@code elapsed_ns} = IO Time
 * (init → complete), {@code disk_service_ns} = Disk Service Time. WPA's Priority names become the
 * IO_PRIORITY_HINT values of wdm.h (VeryLow 0, Low 1, Normal 2, High 3, Critical 4). The export names
 * no IRP, file object or CPU; queue depths and the other columns stay in extra.
 */
final class DiskUsageRows implements WpaRowHandler {
    private static final Map<String, Integer> PRIORITY = Map.of("verylow", 0, "low", 1, "normal", 2, "high", 3,
            "critical", 4);
    private static final Map<String, String> KINDS = Map.of("read", DiskIoEvent.READ, "write", DiskIoEvent.WRITE,
            "flush", DiskIoEvent.FLUSH);

    private final int type;
    private final int complete;
    private final int init;
    private final int ioTime;
    private final int serviceTime;
    private final int process;
    private final int processId;
    private final int tid;
    private final int disk;
    private final int size;
    private final int offset;
    private final int path;
    private final int priority;
    private final int irp;

    DiskUsageRows(WpaRow h) {
        type = h.column("IO Type");
        complete = h.column("Complete Time");
        init = h.column("Init Time");
        ioTime = h.column("IO Time");
        serviceTime = h.column("Disk Service Time");
        process = h.column("Process", "Process (Name)", "Process Name");
        processId = h.column("Process (ID)", "PID", "Process Id");
        tid = h.column("Thread ID", "Thread Id", "ThreadID");
        disk = h.column("Disk");
        int sizeColumn = h.column("Size");
        // Only a size in bytes (or without unit) is a transfer size; "Size (KB)" and the like stay in extra.
        size = sizeColumn >= 0 && h.columns().get(sizeColumn).unit() != WpaColumn.Unit.BYTES
                && h.columns().get(sizeColumn).unit() != WpaColumn.Unit.NONE ? -1 : sizeColumn;
        offset = h.column("Offset", "Min Offset", "Byte Offset");
        path = h.column("Path Name", "File Path", "File Name", "Path");
        priority = h.column("Priority", "IO Priority");
        irp = h.column("IRP", "Irp");
    }

    static boolean recognises(WpaRow h) {
        return h.column("IO Type") >= 0 && (h.column("IO Time") >= 0 || h.column("Disk Service Time") >= 0);
    }

    @Override
    public boolean handle(WpaRow r, EventSink sink) {
        Long done = r.nanos(complete);
        Long elapsed = r.nanos(ioTime);
        if (done == null) {
            Long start = r.nanos(init);
            if (start == null || elapsed == null) {
                return false;
            }
            done = start + elapsed;
        }
        String kind = null;
        String typeText = r.text(type);
        if (typeText != null) {
            kind = KINDS.get(WpaColumn.key(typeText));
            if (kind == null) {
                r.unknownName("IO Type", typeText);
            }
        }
        Integer pid = processId >= 0 ? r.int32(processId) : r.processId(process);
        sink.accept(new DiskIoEvent(done, TraceEvent.NO_CPU, kind, pid, r.int32(tid), r.processName(process),
                r.whole(irp), r.int32(disk), null, r.whole(size), r.whole(offset), null, r.text(path), elapsed,
                r.nanos(serviceTime), priority(r), null), r.extra());
        return true;
    }

    private static void sink(WpaRow r, String priorityText) {
        r.unknownName("Priority", priorityText);
    }

    private Integer priority(WpaRow r) {
        String p = r.text(priority);
        if (p == null) {
            return null;
        }
        Integer hint = PRIORITY.get(WpaColumn.key(p));
        if (hint == null) {
            sink(r, p);
        }
        return hint;
    }
}
