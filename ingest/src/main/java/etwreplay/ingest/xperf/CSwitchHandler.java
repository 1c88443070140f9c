package etwreplay.ingest.xperf;

import etwreplay.ingest.event.CSwitchEvent;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.TraceEvent;

/**
 * {@code CSwitch}, short and full schemas and the Win11 BAM QoS columns (FORMATS.md §1b, §1c;
 * SCHEMAS.md §1.4). xperf renders the wait mode byte as NonSwap/Swapable; it is stored as the
 * KernelMode/UserMode name the ETL decoder uses, so queries need not know the source format.
 */
final class CSwitchHandler implements XperfEventHandler {
    private final int newProcess;
    private final int newTid;
    private final int newPri;
    private final int newQuantum;
    private final int timeSinceLast;
    private final int waitTime;
    private final int oldProcess;
    private final int oldTid;
    private final int oldPri;
    private final int oldQuantum;
    private final int oldState;
    private final int waitReason;
    private final int waitMode;
    private final int inSwitchTime;
    private final int cpu;
    private final int idealProc;
    private final int oldRemQuantum;
    private final int newPriDecr;
    private final int prevCState;
    private final int oldQos;
    private final int newQos;

    CSwitchHandler(XperfSchema s) {
        newProcess = s.field("New Process Name ( PID)");
        newTid = s.field("New TID", "NewThreadId");
        newPri = s.field("NPri", "NewThreadPriority");
        newQuantum = s.field("NQnt");
        timeSinceLast = s.field("TmSinceLast");
        waitTime = s.field("WaitTime", "NewThreadWaitTime");
        oldProcess = s.field("Old Process Name ( PID)");
        oldTid = s.field("Old TID", "OldThreadId");
        oldPri = s.field("OPri", "OldThreadPriority");
        oldQuantum = s.field("OQnt");
        oldState = s.field("OldState", "OldThreadState");
        waitReason = s.field("Wait Reason", "WaitReason", "OldThreadWaitReason");
        waitMode = s.field("Swapable", "WaitMode", "OldThreadWaitMode");
        inSwitchTime = s.field("InSwitchTime");
        cpu = s.field("CPU");
        idealProc = s.field("IdealProc", "OldThreadWaitIdealProcessor");
        oldRemQuantum = s.field("OldRemQnt");
        newPriDecr = s.field("NewPriDecr");
        prevCState = s.field("PrevCState", "PreviousCState");
        oldQos = s.field("OldThrdBamQosLevel");
        newQos = s.field("NewThrdBamQosLevel");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        Integer c = r.int32(cpu);
        sink.accept(new CSwitchEvent(r.ts(), c == null ? TraceEvent.NO_CPU : c, r.processId(newProcess),
                r.id(newTid), r.processName(newProcess), r.int32(newPri), r.processId(oldProcess), r.id(oldTid),
                r.processName(oldProcess), r.int32(oldPri), r.text(oldState), r.text(waitReason),
                waitModeName(r.text(waitMode)), r.number(waitTime), r.micros(timeSinceLast), r.micros(inSwitchTime),
                r.int32(idealProc), r.int32(prevCState), r.number(newQuantum), r.number(oldQuantum),
                r.number(oldRemQuantum), r.int32(newPriDecr), r.text(oldQos), r.text(newQos)), r.extra());
    }

    /** KWAIT mode 0 KernelMode (xperf "NonSwap"), 1 UserMode ("Swapable"); SCHEMAS.md §1.4. */
    static String waitModeName(String xperf) {
        if (xperf == null) {
            return null;
        }
        switch (xperf) {
            case "NonSwap":
            case "0":
                return "KernelMode";
            case "Swapable":
            case "Swappable":
            case "1":
                return "UserMode";
            default:
                return xperf;
        }
    }
}
