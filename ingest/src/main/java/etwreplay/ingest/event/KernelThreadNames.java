package etwreplay.ingest.event;

import java.util.List;

/**
 * Names of the thread-state, wait-reason and wait-mode bytes of a CSwitch event, so that
 * {@code cswitch.old_state}, {@code old_wait_reason} and {@code old_wait_mode} hold the same names
 * whether the source printed a number (tracerpt, ETL) or a name (xperf). Source: cswitch.md and
 * learn.microsoft.com …/microsoft.windows.eventtracing.cpu.kernelwaitreason (SCHEMAS.md §1.4).
 */
public final class KernelThreadNames {
    /** KTHREAD_STATE, index = value. */
    private static final List<String> STATES = List.of("Initialized", "Ready", "Running", "Standby", "Terminated",
            "Waiting", "Transition", "DeferredReady");
    /** KWAIT_REASON, index = value (37.. are the newer reasons). */
    private static final List<String> WAIT_REASONS = List.of("Executive", "FreePage", "PageIn", "PoolAllocation",
            "DelayExecution", "Suspended", "UserRequest", "WrExecutive", "WrFreePage", "WrPageIn", "WrPoolAllocation",
            "WrDelayExecution", "WrSuspended", "WrUserRequest", "WrEventPair", "WrQueue", "WrLpcReceive",
            "WrLpcReply", "WrVirtualMemory", "WrPageOut", "WrRendezvous", "WrKeyedEvent", "WrTerminated",
            "WrProcessInSwap", "WrCpuRateControl", "WrCalloutStack", "WrKernel", "WrResource", "WrPushLock",
            "WrMutex", "WrQuantumEnd", "WrDispatchInt", "WrPreempted", "WrYieldExecution", "WrFastMutex",
            "WrGuardedMutex", "WrRundown", "WrAlertByThreadId", "WrDeferredPreempt", "WrPhysicalFault", "WrIoRing",
            "WrMdlCache", "WrRcu");
    /** KPROCESSOR_MODE of the wait: 0 KernelMode, 1 UserMode. */
    private static final List<String> WAIT_MODES = List.of("KernelMode", "UserMode");

    private KernelThreadNames() {
    }

    /** 5 → {@code Waiting}; null when out of range. */
    public static String state(long value) {
        return name(STATES, value);
    }

    /** 15 → {@code WrQueue}; null when out of range. */
    public static String waitReason(long value) {
        return name(WAIT_REASONS, value);
    }

    /** 0 → {@code KernelMode}, 1 → {@code UserMode}; null otherwise. */
    public static String waitMode(long value) {
        return name(WAIT_MODES, value);
    }

    /** True when {@code text} is one of the names above (a source that already printed the name). */
    public static boolean isName(String text) {
        return STATES.contains(text) || WAIT_REASONS.contains(text) || WAIT_MODES.contains(text);
    }

    private static String name(List<String> names, long value) {
        return value >= 0 && value < names.size() ? names.get((int) value) : null;
    }
}
