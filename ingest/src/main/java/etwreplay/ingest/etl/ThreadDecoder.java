package etwreplay.ingest.etl;

import etwreplay.ingest.event.ThreadEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thread Start/End/DCStart/DCEnd, V0–V4 (SCHEMAS.md §1.3). Slot 7 is StartAddr up to V2 and Affinity
 * from V3 (MSDN thread-typegroup1.md): an affinity is not an address, so V3+ keeps it in {@code extra}
 * as {@code Affinity} and leaves {@code start_address} NULL. For Start the header names the creating
 * thread, kept as {@code ParentThreadId}/{@code ParentProcessId} (TraceEvent's reading). Every event
 * teaches {@link ThreadOwners} its thread's process.
 */
final class ThreadDecoder implements KernelDecoder {
    private static final int PROCESS_ID = Fields.id("ProcessId");
    private static final int THREAD_ID = Fields.id("TThreadId");
    private static final int STACK_BASE = Fields.id("StackBase");
    private static final int STACK_LIMIT = Fields.id("StackLimit");
    private static final int USER_STACK_BASE = Fields.id("UserStackBase");
    private static final int USER_STACK_LIMIT = Fields.id("UserStackLimit");
    private static final int START_ADDR = Fields.id("StartAddr");
    private static final int AFFINITY = Fields.id("Affinity");
    private static final int WIN32_START_ADDR = Fields.id("Win32StartAddr");
    private static final int TEB_BASE = Fields.id("TebBase");
    private static final int SUB_PROCESS_TAG = Fields.id("SubProcessTag");
    private static final int BASE_PRIORITY = Fields.id("BasePriority");
    private static final int PAGE_PRIORITY = Fields.id("PagePriority");
    private static final int IO_PRIORITY = Fields.id("IoPriority");
    private static final int THREAD_FLAGS = Fields.id("ThreadFlags");
    private static final int THREAD_NAME = Fields.id("ThreadName");
    private static final int WAIT_MODE = Fields.id("WaitMode");

    private final String kind;
    private final boolean start;

    ThreadDecoder(String kind) {
        this.kind = kind;
        this.start = "Start".equals(kind);
    }

    @Override
    public void decode(Payload p, DecodeContext c) {
        Integer pid = p.id(PROCESS_ID);
        Integer tid = p.id(THREAD_ID);
        if (tid != null) {
            c.owners.thread(tid, pid);
        }
        Map<String, String> extra = null;
        Long affinity = p.number(AFFINITY);
        Long waitMode = p.number(WAIT_MODE);
        if (affinity != null || waitMode != null || start) {
            extra = new LinkedHashMap<>();
            if (affinity != null) {
                extra.put("Affinity", "0x" + Long.toHexString(affinity));
            }
            if (waitMode != null) {
                extra.put("WaitMode", Long.toString(waitMode));
            }
            if (start && c.headerTid() != null) {
                extra.put("ParentThreadId", Integer.toString(c.headerTid()));
            }
            if (start && c.headerPid() != null) {
                extra.put("ParentProcessId", Integer.toString(c.headerPid()));
            }
        }
        c.emit(new ThreadEvent(c.ts, c.cpu, kind, pid, tid, c.owners.nameOf(pid), p.number(STACK_BASE),
                p.number(STACK_LIMIT), p.number(USER_STACK_BASE), p.number(USER_STACK_LIMIT), p.number(START_ADDR),
                p.number(WIN32_START_ADDR), p.number(TEB_BASE), p.int32(SUB_PROCESS_TAG), p.int32(BASE_PRIORITY),
                p.int32(PAGE_PRIORITY), p.int32(IO_PRIORITY), p.int32(THREAD_FLAGS), p.string(THREAD_NAME), null),
                extra);
    }
}
