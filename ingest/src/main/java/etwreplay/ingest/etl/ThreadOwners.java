package etwreplay.ingest.etl;

/**
 * Which process each thread belongs to and what each process is called, learned from the Process and
 * Thread start/rundown events and from every event header that names both a thread and a process, as
 * they arrive (in time order). Lets the decoders fill {@code pid} and
 * {@code process_name} for events whose header or payload names only a thread (samples, disk I/O by
 * IssuingThreadId, hard faults, file I/O by TTID), as xperf and TraceEvent attribute them. A thread id
 * reused later is simply remapped by its new Start. Not thread-safe.
 */
final class ThreadOwners {
    private final IntMap<Integer> processOfThread = new IntMap<>();
    private final IntMap<String> nameOfProcess = new IntMap<>();

    void thread(int tid, Integer pid) {
        if (pid != null && tid != -1) {
            processOfThread.put(tid, pid);
        }
    }

    /** What an event header says: thread {@code tid} runs in process {@code pid}. Allocates only on change. */
    void header(int tid, int pid) {
        Integer known = processOfThread.get(tid);
        if (known == null || known != pid) {
            processOfThread.put(tid, pid);
        }
    }

    void process(Integer pid, String imageName) {
        if (pid != null && imageName != null) {
            nameOfProcess.put(pid, imageName);
        }
    }

    /** The process of thread {@code tid}, or null when unknown (or {@code tid} is null). */
    Integer processOf(Integer tid) {
        return tid == null ? null : processOfThread.get(tid);
    }

    /** The image name of process {@code pid} (e.g. {@code csrss.exe}), or null. */
    String nameOf(Integer pid) {
        return pid == null ? null : nameOfProcess.get(pid);
    }
}
