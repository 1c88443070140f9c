package etwreplay.replay.track;

import etwreplay.replay.scan.ReplayEvent;
import etwreplay.ingest.store.AnomalyCounter;
import etwreplay.replay.store.ReplayAnomaly;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Physical disk requests: DiskIo ReadInit/WriteInit/FlushInit (issue) → Read/Write/FlushBuffers
 * (completion, logged where the request completed: SCHEMAS.md §3.2), matched by IRP address. Memory:
 * the requests in flight. One thread.
 */
public final class DiskRequests {
    private final RequestLog log;
    private final AnomalyCounter<ReplayAnomaly> anomalies;
    private final Map<Long, Request> open = new LinkedHashMap<>();

    public DiskRequests(RequestLog log, AnomalyCounter<ReplayAnomaly> anomalies) {
        this.log = log;
        this.anomalies = anomalies;
    }

    public void on(ReplayEvent.Disk e) {
        String kind = e.kind() == null ? "" : e.kind();
        boolean init = kind.endsWith("Init");
        if (e.irp() == null) {
            anomalies.add(ReplayAnomaly.IRP_EVENT_WITHOUT_IRP, "seq " + e.seq(),
                    "disk_io " + kind + " at ts " + e.ts());
            return;
        }
        if (init) {
            issue(e, kind.substring(0, kind.length() - "Init".length()));
        } else {
            complete(e, kind);
        }
    }

    private void issue(ReplayEvent.Disk e, String op) {
        Request old = open.remove(e.irp());
        if (old != null) {
            log.close(old, RequestLog.MISSING_END, e.ts());
        }
        Request r = log.open(RequestLog.DISK, e.irp());
        r.op = op;
        r.majorFunction = majorOf(op);
        r.issueTs = e.ts();
        r.issueCpu = e.cpu();
        r.issuer = log.state.issuer(e.pid(), e.tid(), e.processName(), e.cpu(), e.ts());
        open.put(e.irp(), r);
    }

    private void complete(ReplayEvent.Disk e, String op) {
        Request r = open.remove(e.irp());
        String status = RequestLog.COMPLETE;
        if (r == null) {
            r = log.open(RequestLog.DISK, e.irp());
            r.op = op;
            r.majorFunction = majorOf(op);
            status = RequestLog.MISSING_START;
        }
        if (r.issuer.tid() == null && r.issuer.pid() == null) {
            // The completion names the issuer (IssuingThreadId, Win8+), never the completing context.
            r.issuer = log.state.issuer(e.pid(), e.tid(), e.processName(), null, e.ts());
        }
        r.transferSize = e.transferSize();
        r.fileObject = e.fileObject();
        r.fileName = e.fileName();
        r.kernelElapsedNs = e.elapsedNs();
        log.complete(r, e.cpu(), e.ts(), e.seq());
        log.close(r, status, e.ts());
    }

    /** IRP_MJ_READ 3, IRP_MJ_WRITE 4, IRP_MJ_FLUSH_BUFFERS 9 (wdm.h; SCHEMAS.md §5.2). */
    private static Integer majorOf(String op) {
        switch (op) {
            case "Read":
                return 0x03;
            case "Write":
                return 0x04;
            case "Flush":
                return 0x09;
            default:
                return null;
        }
    }

    /** Closes the requests still in flight at the trace end. */
    public void finish(long endTs) {
        for (Request r : new ArrayList<>(open.values())) {
            log.close(r, RequestLog.OPEN_AT_END, endTs);
        }
        open.clear();
    }
}
