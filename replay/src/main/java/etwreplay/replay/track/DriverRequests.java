package etwreplay.replay.track;

import etwreplay.ingest.event.DriverIrpEvent;
import etwreplay.replay.scan.ReplayEvent;
import etwreplay.ingest.store.AnomalyCounter;
import etwreplay.replay.store.ReplayAnomaly;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Driver requests from the DRIVERS kernel events (SCHEMAS.md §1.8), by IRP address: the outermost
 * DrvMjFnCall opens the request; calls of the same IRP while one is in progress are the IRP going down
 * the driver stack (call_depth); DrvMjFnRet closes the call with the same UniqMatchId; DrvComplReq (the
 * driver calling IoCompleteRequest) is the completion. The request is written once it has both
 * completed and returned: a synchronous request completes inside its dispatch routine, a pending one
 * returns first and completes later, typically in a DPC.
 *
 * <p>A new outermost call on an IRP whose earlier request returned but never completed is taken as
 * reuse (the earlier closes as missing_end); a pended IRP that a worker thread passes down later looks
 * the same and is counted the same way. Memory: the requests in flight. One thread.
 */
public final class DriverRequests {
    private final RequestLog log;
    private final AnomalyCounter<ReplayAnomaly> anomalies;
    private final Map<Long, Request> open = new LinkedHashMap<>();

    public DriverRequests(RequestLog log, AnomalyCounter<ReplayAnomaly> anomalies) {
        this.log = log;
        this.anomalies = anomalies;
    }

    public void on(ReplayEvent.Driver e) {
        String kind = e.kind() == null ? "" : e.kind();
        if (e.irp() == null) {
            anomalies.add(ReplayAnomaly.IRP_EVENT_WITHOUT_IRP, "seq " + e.seq(), "driver_irp " + kind + " at ts "
                    + e.ts());
            return;
        }
        switch (kind) {
            case DriverIrpEvent.CALL -> call(e);
            case DriverIrpEvent.RETURN -> ret(e);
            case DriverIrpEvent.COMPLETE_REQUEST -> completeRequest(e);
            default -> {
                // DrvComplReqRet and DrvComplRout add nothing the request row needs.
            }
        }
    }

    private void call(ReplayEvent.Driver e) {
        Request r = open.get(e.irp());
        if (r != null && !r.openCalls.isEmpty()) {
            r.openCalls.add(e.uniqMatchId());
            r.callDepth = Math.max(r.callDepth, r.openCalls.size());
            return;
        }
        if (r != null) {
            open.remove(e.irp());
            log.close(r, RequestLog.MISSING_END, e.ts());
        }
        r = log.open(RequestLog.DRIVER, e.irp());
        r.uniqMatchId = e.uniqMatchId();
        r.majorFunction = e.majorFunction();
        r.minorFunction = e.minorFunction();
        r.op = RequestLog.majorName(e.majorFunction());
        r.controlCode = e.controlCode();
        r.fileObject = e.fileObject();
        r.fileName = e.fileName();
        r.dispatchRoutine = e.routine();
        r.dispatchSymbol = e.routineSymbol();
        r.dispatchModule = log.state.modules.moduleAt(e.routine());
        if (r.dispatchModule == null) {
            r.dispatchModule = ModuleMap.moduleOfSymbol(e.routineSymbol());
        }
        r.issueTs = e.ts();
        r.issueCpu = e.cpu();
        r.issuer = log.state.issuer(e.pid(), e.tid(), null, e.cpu(), e.ts());
        r.openCalls.add(e.uniqMatchId());
        r.callDepth = 1;
        open.put(e.irp(), r);
    }

    private void ret(ReplayEvent.Driver e) {
        Request r = open.get(e.irp());
        if (r == null || !r.openCalls.remove(e.uniqMatchId())) {
            anomalies.add(ReplayAnomaly.DRIVER_RETURN_WITHOUT_CALL, "seq " + e.seq(), "irp " + RequestLog.hex(e.irp())
                    + " UniqMatchId " + e.uniqMatchId() + " at ts " + e.ts());
            return;
        }
        if (r.openCalls.isEmpty()) {
            r.returnTs = e.ts();
            if (r.completion != null) {
                open.remove(e.irp());
                log.close(r, RequestLog.COMPLETE, e.ts());
            }
        }
    }

    private void completeRequest(ReplayEvent.Driver e) {
        Request r = open.get(e.irp());
        if (r == null) {
            r = log.open(RequestLog.DRIVER, e.irp());
            r.issuer = Issuer.UNKNOWN;
            log.complete(r, e.cpu(), e.ts(), e.seq());
            log.close(r, RequestLog.MISSING_START, e.ts());
            return;
        }
        if (r.completion != null) {
            return; // completed twice: the first completion stands
        }
        log.complete(r, e.cpu(), e.ts(), e.seq());
        if (r.openCalls.isEmpty()) {
            open.remove(e.irp());
            log.close(r, RequestLog.COMPLETE, e.ts());
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
