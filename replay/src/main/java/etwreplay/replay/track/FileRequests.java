package etwreplay.replay.track;

import etwreplay.replay.scan.ReplayEvent;
import etwreplay.ingest.store.AnomalyCounter;
import etwreplay.replay.store.ReplayAnomaly;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * File requests: a FileIo begin event (Create, Read, Write, …: logged by the requesting thread at the
 * start) → OpEnd, matched by IRP address (SCHEMAS.md §1.9). Memory: the requests in flight. One thread.
 */
public final class FileRequests {
    static final String OP_END = "OpEnd";

    private final RequestLog log;
    private final AnomalyCounter<ReplayAnomaly> anomalies;
    private final Map<Long, Request> open = new LinkedHashMap<>();

    public FileRequests(RequestLog log, AnomalyCounter<ReplayAnomaly> anomalies) {
        this.log = log;
        this.anomalies = anomalies;
    }

    public void on(ReplayEvent.File e) {
        if (e.irp() == null) {
            anomalies.add(ReplayAnomaly.IRP_EVENT_WITHOUT_IRP, "seq " + e.seq(), "file_io " + e.kind() + " at ts "
                    + e.ts());
            return;
        }
        if (OP_END.equals(e.kind())) {
            end(e);
        } else {
            begin(e);
        }
    }

    private void begin(ReplayEvent.File e) {
        Request old = open.remove(e.irp());
        if (old != null) {
            log.close(old, RequestLog.MISSING_END, e.ts());
        }
        Request r = log.open(RequestLog.FILE, e.irp());
        r.op = e.kind();
        r.majorFunction = majorOf(e.kind());
        r.controlCode = e.controlCode();
        r.fileObject = e.fileObject();
        r.fileName = e.fileName();
        r.transferSize = e.size();
        r.issueTs = e.ts();
        r.issueCpu = e.cpu();
        r.issuer = log.state.issuer(e.pid(), e.tid(), e.processName(), e.cpu(), e.ts());
        open.put(e.irp(), r);
    }

    private void end(ReplayEvent.File e) {
        Request r = open.remove(e.irp());
        String status = RequestLog.COMPLETE;
        if (r == null) {
            r = log.open(RequestLog.FILE, e.irp());
            r.op = e.opType();
            r.majorFunction = majorOf(e.opType());
            r.fileObject = e.fileObject();
            r.fileName = e.fileName();
            // The attributed thread of an OpEnd is the requester (join on IrpPtr, SCHEMAS.md §3.2).
            r.issuer = log.state.issuer(e.pid(), e.tid(), e.processName(), null, e.ts());
            status = RequestLog.MISSING_START;
        }
        r.ntStatus = e.ntStatus();
        r.kernelElapsedNs = e.elapsedNs();
        log.complete(r, e.cpu(), e.ts(), e.seq());
        log.close(r, status, e.ts());
    }

    /** FileIo operation ↔ IRP_MJ_* (SCHEMAS.md §5.2, inferred there). */
    static Integer majorOf(String op) {
        if (op == null) {
            return null;
        }
        switch (op) {
            case "Create":
                return 0x00;
            case "Close":
                return 0x02;
            case "Read":
                return 0x03;
            case "Write":
                return 0x04;
            case "QueryInfo":
                return 0x05;
            case "SetInfo", "Delete", "Rename":
                return 0x06;
            case "Flush":
                return 0x09;
            case "DirEnum", "DirNotify":
                return 0x0c;
            case "FSControl":
                return 0x0d;
            case "Cleanup":
                return 0x12;
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
