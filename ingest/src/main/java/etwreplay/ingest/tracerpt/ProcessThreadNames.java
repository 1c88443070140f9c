package etwreplay.ingest.tracerpt;

import java.util.HashMap;
import java.util.Map;

/**
 * Which process a thread belongs to and what a process is called, learned from the Process and Thread
 * events (rundown and start) as they are read. tracerpt prints only ids in most kernel events (CSwitch
 * has thread ids only, DiskIo the issuing thread id); xperf resolves the same names in its export, and
 * this lets the two readers fill the same canonical columns. A later Start for a reused id replaces the
 * earlier entry; an id never seen stays NULL. Memory is bounded by the distinct ids in the trace.
 */
final class ProcessThreadNames {
    private final Map<Integer, Integer> processOfThread = new HashMap<>();
    private final Map<Integer, String> nameOfProcess = new HashMap<>();

    void process(Integer pid, String imageName) {
        if (pid != null && imageName != null) {
            nameOfProcess.put(pid, imageName);
        }
    }

    void thread(Integer tid, Integer pid) {
        if (tid != null && pid != null) {
            processOfThread.put(tid, pid);
        }
    }

    /** The process of thread {@code tid}, or null when unknown. */
    Integer pidOf(Integer tid) {
        return tid == null ? null : processOfThread.get(tid);
    }

    /** The image name of process {@code pid}, or null when unknown. */
    String nameOf(Integer pid) {
        return pid == null ? null : nameOfProcess.get(pid);
    }
}
