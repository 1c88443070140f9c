package etwreplay.ingest.etl;

import etwreplay.ingest.event.CSwitchEvent;
import java.util.List;

/**
 * CSwitch (Thread/36), V1–V4: 20 or 24 bytes, no pointers (SCHEMAS.md §1.4). Thread state, wait reason
 * and wait mode are stored as their names (KTHREAD_STATE, KWAIT_REASON, KernelMode/UserMode; the lists
 * of cswitch.md and SCHEMAS.md §1.4), numbers outside the lists as the number. V1 bytes 10/11 are the
 * quanta, V2+ byte 10 is the previous C-state. Processes come from {@link ThreadOwners}.
 */
final class CSwitchDecoder implements KernelDecoder {
    private static final int NEW_TID = Fields.id("NewThreadId");
    private static final int OLD_TID = Fields.id("OldThreadId");
    private static final int NEW_PRIORITY = Fields.id("NewThreadPriority");
    private static final int OLD_PRIORITY = Fields.id("OldThreadPriority");
    private static final int PREVIOUS_CSTATE = Fields.id("PreviousCState");
    private static final int NEW_QUANTUM = Fields.id("NewThreadQuantum");
    private static final int OLD_QUANTUM = Fields.id("OldThreadQuantum");
    private static final int WAIT_REASON = Fields.id("OldThreadWaitReason");
    private static final int WAIT_MODE = Fields.id("OldThreadWaitMode");
    private static final int STATE = Fields.id("OldThreadState");
    private static final int IDEAL_PROCESSOR = Fields.id("OldThreadWaitIdealProcessor");
    private static final int WAIT_TIME = Fields.id("NewThreadWaitTime");

    /** KTHREAD_STATE. Source: cswitch.md (SCHEMAS.md §1.4). */
    static final List<String> STATES = List.of("Initialized", "Ready", "Running", "Standby", "Terminated", "Waiting",
            "Transition", "DeferredReady");
    /** KWAIT_REASON, 0–42. Source: cswitch.md and KernelWaitReason (SCHEMAS.md §1.4). */
    static final List<String> WAIT_REASONS = List.of("Executive", "FreePage", "PageIn", "PoolAllocation",
            "DelayExecution", "Suspended", "UserRequest", "WrExecutive", "WrFreePage", "WrPageIn", "WrPoolAllocation",
            "WrDelayExecution", "WrSuspended", "WrUserRequest", "WrEventPair", "WrQueue", "WrLpcReceive", "WrLpcReply",
            "WrVirtualMemory", "WrPageOut", "WrRendezvous", "WrKeyedEvent", "WrTerminated", "WrProcessInSwap",
            "WrCpuRateControl", "WrCalloutStack", "WrKernel", "WrResource", "WrPushLock", "WrMutex", "WrQuantumEnd",
            "WrDispatchInt", "WrPreempted", "WrYieldExecution", "WrFastMutex", "WrGuardedMutex", "WrRundown",
            "WrAlertByThreadId", "WrDeferredPreempt", "WrPhysicalFault", "WrIoRing", "WrMdlCache", "WrRcu");
    /** KPROCESSOR_MODE of the wait. */
    static final List<String> WAIT_MODES = List.of("KernelMode", "UserMode");

    @Override
    public void decode(Payload p, DecodeContext c) {
        Integer newTid = p.id(NEW_TID);
        Integer oldTid = p.id(OLD_TID);
        Integer newPid = c.owners.processOf(newTid);
        Integer oldPid = c.owners.processOf(oldTid);
        c.emit(new CSwitchEvent(c.ts, c.cpu, newPid, newTid, c.owners.nameOf(newPid), p.int32(NEW_PRIORITY), oldPid,
                oldTid, c.owners.nameOf(oldPid), p.int32(OLD_PRIORITY), name(STATES, p.number(STATE)),
                name(WAIT_REASONS, p.number(WAIT_REASON)), name(WAIT_MODES, p.number(WAIT_MODE)), p.number(WAIT_TIME),
                null, null, p.int32(IDEAL_PROCESSOR), p.int32(PREVIOUS_CSTATE), p.number(NEW_QUANTUM),
                p.number(OLD_QUANTUM), null, null, null, null));
    }

    private static String name(List<String> names, Long value) {
        if (value == null) {
            return null;
        }
        return value >= 0 && value < names.size() ? names.get(value.intValue()) : Long.toString(value);
    }
}
