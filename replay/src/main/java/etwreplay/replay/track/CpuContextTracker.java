package etwreplay.replay.track;

import etwreplay.replay.scan.ReplayEvent;
import etwreplay.ingest.store.AnomalyCounter;
import etwreplay.replay.store.ReplayAnomaly;
import etwreplay.replay.store.TableAppender;
import java.util.HashMap;
import java.util.Map;

/**
 * Per CPU, the current thread, its process and that process's DirectoryTableBase; writes the intervals
 * to {@code cpu_context}:
 *
 * <pre>
 * cpu_context(trace_id, cpu, start_ts, end_ts, duration_ns, tid, pid, process_name, directory_table_base,
 *             source, confidence, sample_count, last_seen_ts, gap_ns)
 * </pre>
 *
 * <p>{@link Mode#CSWITCH}: exact from CSwitch; before a CPU's first CSwitch, its old thread (named from
 * the rundown) is taken to have run since the trace start ({@code rundown}, inferred). {@link Mode#SAMPLE}
 * (a trace without CSwitch): a run of consecutive samples of one thread on a CPU is an interval from its
 * first sample to the next thread's first sample; {@code gap_ns} says how much of it was not observed.
 * Memory: one entry per CPU and per running thread. One thread.
 */
public final class CpuContextTracker {
    /** Where contexts come from in this trace. */
    public enum Mode { CSWITCH, SAMPLE, NONE }

    /** cpu_context.source and .confidence. */
    static final String SOURCE_CSWITCH = "cswitch";
    static final String SOURCE_RUNDOWN = "rundown";
    static final String SOURCE_SAMPLE = "sample";
    static final String EXACT = "exact";
    static final String INFERRED = "inferred";
    static final String APPROXIMATE = "approximate";

    private static final class Current {
        final int cpu;
        final Integer tid;
        final Integer pid;
        final String processName;
        final Long directoryTableBase;
        final long start;
        final String source;
        final String confidence;
        int samples;
        long lastSeen;
        /** Who is current at any instant of the interval, made on first use (not for samples: gapNs varies). */
        Context context;

        Current(int cpu, Integer tid, Integer pid, String processName, Long dtb, long start, String source,
                String confidence) {
            this.cpu = cpu;
            this.tid = tid;
            this.pid = pid;
            this.processName = processName;
            this.directoryTableBase = dtb;
            this.start = start;
            this.source = source;
            this.confidence = confidence;
            this.lastSeen = start;
        }
    }

    private final Mode mode;
    private final int traceId;
    private final ProcessDirectory directory;
    private final TableAppender out;
    private final AnomalyCounter<ReplayAnomaly> anomalies;
    private final Map<Integer, Current> current = new HashMap<>();
    private final IntKeyMap<Integer> runningOn = new IntKeyMap<>();

    public CpuContextTracker(Mode mode, int traceId, ProcessDirectory directory, TableAppender out,
            AnomalyCounter<ReplayAnomaly> anomalies) {
        this.mode = mode;
        this.traceId = traceId;
        this.directory = directory;
        this.out = out;
        this.anomalies = anomalies;
    }

    public Mode mode() {
        return mode;
    }

    /** The thread running on {@code cpu} before its first CSwitch (that CSwitch's old thread). */
    public void initial(int cpu, Integer tid, Integer pid, String processName) {
        if (tid == null || mode != Mode.CSWITCH) {
            return;
        }
        put(newCurrent(cpu, tid, pid, processName, 0, SOURCE_RUNDOWN, INFERRED));
    }

    public void onCSwitch(ReplayEvent.CSwitch e) {
        if (mode != Mode.CSWITCH || e.cpu() == null || e.newTid() == null) {
            return;
        }
        Current was = current.get(e.cpu());
        if (was != null && e.oldTid() != null && !e.oldTid().equals(was.tid)) {
            anomalies.add(ReplayAnomaly.CSWITCH_OLD_THREAD_MISMATCH, "seq " + e.seq(), "cpu " + e.cpu() + " at ts "
                    + e.ts() + ": old thread " + e.oldTid() + ", but thread " + was.tid + " was current");
        }
        close(was, e.ts());
        put(newCurrent(e.cpu(), e.newTid(), e.newPid(), e.newProcessName(), e.ts(), SOURCE_CSWITCH, EXACT));
    }

    public void onSample(ReplayEvent.Sample e) {
        if (mode != Mode.SAMPLE || e.cpu() == null || e.tid() == null) {
            return;
        }
        Current was = current.get(e.cpu());
        if (was != null && e.tid().equals(was.tid)) {
            was.samples++;
            was.lastSeen = e.ts();
            return;
        }
        close(was, e.ts());
        Current c = newCurrent(e.cpu(), e.tid(), e.pid(), e.processName(), e.ts(), SOURCE_SAMPLE, APPROXIMATE);
        c.samples = 1;
        put(c);
    }

    private Current newCurrent(int cpu, Integer tid, Integer pid, String name, long start, String source,
            String confidence) {
        Integer p = pid != null ? pid : directory.pidOf(tid);
        String n = directory.processName(p, tid);
        return new Current(cpu, tid, p, n != null ? n : name, directory.directoryTableBase(p), start, source,
                confidence);
    }

    private void put(Current c) {
        current.put(c.cpu, c);
        if (c.tid != null && c.tid != 0) {
            runningOn.put(c.tid, c.cpu);
        }
    }

    private void close(Current c, long end) {
        if (c == null) {
            return;
        }
        if (c.tid != null && runningOn.get(c.tid) != null && runningOn.get(c.tid) == c.cpu) {
            runningOn.remove(c.tid);
        }
        boolean sampled = SOURCE_SAMPLE.equals(c.source);
        out.begin(traceId).i32(c.cpu).i64(c.start).i64(end).i64(end - c.start).i32(c.tid).i32(c.pid)
                .str(c.processName).u64(c.directoryTableBase).str(c.source).str(c.confidence)
                .i32(sampled ? c.samples : null).i64(sampled ? c.lastSeen : null)
                .i64(sampled ? end - c.lastSeen : null).end();
    }

    /** Who is current on {@code cpu} at {@code ts} (the scan has reached {@code ts}). */
    public Context at(Integer cpu, long ts) {
        Current c = cpu == null ? null : current.get(cpu);
        if (c == null) {
            return Context.UNKNOWN;
        }
        if (SOURCE_SAMPLE.equals(c.source)) {
            return new Context(c.tid, c.pid, c.processName, c.directoryTableBase, c.source, c.confidence,
                    Math.max(0, ts - c.lastSeen));
        }
        if (c.context == null) {
            c.context = new Context(c.tid, c.pid, c.processName, c.directoryTableBase, c.source, c.confidence, null);
        }
        return c.context;
    }

    /**
     * The CPU {@code tid} is current on now, or null (never for the idle thread). Only CSwitch contexts
     * say this; samples do not.
     */
    public Integer cpuRunning(Integer tid) {
        return tid == null || mode != Mode.CSWITCH ? null : runningOn.get(tid);
    }

    /** Closes every CPU's interval at the trace end. */
    public void finish(long endTs) {
        for (Current c : current.values().stream().sorted((a, b) -> Integer.compare(a.cpu, b.cpu)).toList()) {
            close(c, Math.max(endTs, c.start));
        }
        current.clear();
    }
}
