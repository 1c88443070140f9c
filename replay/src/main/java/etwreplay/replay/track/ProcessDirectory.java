package etwreplay.replay.track;

import etwreplay.replay.scan.ReplayEvent;

/**
 * The live processes (name, DirectoryTableBase) and threads (their process), from rundown and
 * start/end events. Rundown at the trace start (DCStart) describes the state then; DCEnd only fills in
 * what is still unknown. Entries are removed when their process or thread ends, so memory follows the
 * live set. One thread.
 */
public final class ProcessDirectory {
    /** A process as far as the trace tells: name and page-table base may be null. */
    public record ProcessInfo(int pid, String name, Long directoryTableBase) {
    }

    /** The Idle process and its threads (one per CPU) are pid 0 / tid 0 in every trace. */
    private static final int IDLE = 0;

    private final IntKeyMap<ProcessInfo> processes = new IntKeyMap<>();
    private final IntKeyMap<Integer> threadProcess = new IntKeyMap<>();
    private final IntKeyMap<String> threadProcessName = new IntKeyMap<>();

    public void onProcess(ReplayEvent.Process e) {
        if (e.pid() == null) {
            return;
        }
        ProcessInfo info = new ProcessInfo(e.pid(), e.imageName(), e.directoryTableBase());
        switch (e.kind() == null ? "" : e.kind()) {
            case "DCStart", "Start" -> processes.put(e.pid(), merge(processes.get(e.pid()), info, e.kind()));
            case "DCEnd" -> processes.putIfAbsent(e.pid(), info);
            case "End", "Defunct" -> processes.remove(e.pid());
            default -> processes.putIfAbsent(e.pid(), info);
        }
    }

    /** A DCStart after a DCEnd-filled entry wins; a Start replaces (pid reuse). */
    private static ProcessInfo merge(ProcessInfo old, ProcessInfo fresh, String kind) {
        if (old == null || "Start".equals(kind)) {
            return fresh;
        }
        return new ProcessInfo(fresh.pid(), fresh.name() != null ? fresh.name() : old.name(),
                fresh.directoryTableBase() != null ? fresh.directoryTableBase() : old.directoryTableBase());
    }

    public void onThread(ReplayEvent.Thread e) {
        if (e.tid() == null) {
            return;
        }
        switch (e.kind() == null ? "" : e.kind()) {
            case "DCStart", "Start" -> put(e);
            case "End" -> {
                threadProcess.remove(e.tid());
                threadProcessName.remove(e.tid());
            }
            default -> {
                if (!threadProcess.containsKey(e.tid())) {
                    put(e);
                }
            }
        }
    }

    private void put(ReplayEvent.Thread e) {
        if (e.pid() != null) {
            threadProcess.put(e.tid(), e.pid());
        }
        if (e.processName() != null) {
            threadProcessName.put(e.tid(), e.processName());
        }
    }

    /** The process of a live thread, or null when unknown; the idle thread is pid 0. */
    public Integer pidOf(Integer tid) {
        if (tid == null) {
            return null;
        }
        Integer pid = threadProcess.get(tid);
        return pid == null && tid == IDLE ? Integer.valueOf(IDLE) : pid;
    }

    /** The process, or null when unknown. */
    public ProcessInfo process(Integer pid) {
        return pid == null ? null : processes.get(pid);
    }

    /** The process name: from the process rundown, else as a thread event printed it, else null. */
    public String processName(Integer pid, Integer tid) {
        ProcessInfo p = process(pid);
        if (p != null && p.name() != null) {
            return p.name();
        }
        return tid == null ? null : threadProcessName.get(tid);
    }

    /** The DirectoryTableBase of a live process, or null. */
    public Long directoryTableBase(Integer pid) {
        ProcessInfo p = process(pid);
        return p == null ? null : p.directoryTableBase();
    }
}
