package etwreplay.ingest.wpa;

import etwreplay.ingest.event.CSwitchEvent;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.ReadyThreadEvent;
import etwreplay.ingest.event.TraceEvent;

/**
 * WPA "CPU Usage (Precise)" rows: one context switch-in per row. Column names are those third-party
 * consumers of real exports use (FORMATS.md §5, not verified against a data file): {@code New Process,
 * New Thread Id, Switch-In Time (s), Last Switch-Out Time (s), Ready Time (s), CPU, Readying Process,
 * Readying Thread Id …}. Each row gives a {@code cswitch} row at Switch-In Time on CPU, with the old
 * thread when the export has its columns; when the row names a readying thread and a Ready Time it also
 * gives the {@code ready_thread} row that made the new thread ready (CPU unknown).
 * {@code new_time_since_last_ns} = Switch-In − Last Switch-Out.
 */
final class CpuPreciseRows implements WpaRowHandler {
    private final int switchIn;
    private final int lastOut;
    private final int readyTime;
    private final int cpu;
    private final int newProcess;
    private final int newTid;
    private final int newPriority;
    private final int oldProcess;
    private final int oldTid;
    private final int oldPriority;
    private final int oldState;
    private final int waitReason;
    private final int idealCpu;
    private final int readyingProcess;
    private final int readyingTid;

    CpuPreciseRows(WpaRow h) {
        switchIn = h.column("Switch-In Time");
        lastOut = h.column("Last Switch-Out Time");
        readyTime = h.column("Ready Time");
        cpu = h.column("CPU");
        newProcess = h.column("New Process", "New Process Name");
        newTid = h.column("New Thread Id", "New Thread ID", "New TID");
        newPriority = h.column("New In Pri", "New Thread Priority", "New Priority");
        oldProcess = h.column("Old Process", "Old Process Name");
        oldTid = h.column("Old Thread Id", "Old Thread ID", "Old TID");
        oldPriority = h.column("Old Out Pri", "Old Thread Priority", "Old Priority");
        oldState = h.column("Old State", "Old Thread State");
        waitReason = h.column("Old Wait Reason", "Wait Reason");
        idealCpu = h.column("Ideal CPU", "Old Ideal CPU");
        readyingProcess = h.column("Readying Process", "Readying Process Name");
        readyingTid = h.column("Readying Thread Id", "Readying Thread ID");
    }

    static boolean recognises(WpaRow h) {
        return h.column("Switch-In Time") >= 0 && h.column("New Thread Id", "New Thread ID", "New TID") >= 0;
    }

    @Override
    public boolean handle(WpaRow r, EventSink sink) {
        Long ts = r.nanos(switchIn);
        if (ts == null) {
            return false;
        }
        Integer c = r.int32(cpu);
        int processor = c == null ? TraceEvent.NO_CPU : c;
        Long out = r.nanos(lastOut);
        Integer newPid = r.processId(newProcess);
        Integer tid = r.int32(newTid);
        Long readyAt = r.nanos(readyTime);
        Integer readier = r.int32(readyingTid);
        Integer readierPid = r.processId(readyingProcess);
        String readierName = r.text(readyingProcess);
        if (readierName != null) {
            // ready_thread has no name column: the readying process's name stays in the cswitch row's extra.
            r.keep(r.columns().get(readyingProcess).title(), readierName);
        }
        sink.accept(new CSwitchEvent(ts, processor, newPid, tid, r.processName(newProcess), r.int32(newPriority),
                r.processId(oldProcess), r.int32(oldTid), r.processName(oldProcess), r.int32(oldPriority),
                r.text(oldState), r.text(waitReason), null, null, out == null ? null : ts - out, null,
                r.int32(idealCpu), null, null, null, null, null, null, null), r.extra());
        if (readyAt != null && readier != null) {
            sink.accept(new ReadyThreadEvent(readyAt, TraceEvent.NO_CPU, newPid, tid, readierPid, readier, null, null,
                    null, null));
        }
        return true;
    }
}
