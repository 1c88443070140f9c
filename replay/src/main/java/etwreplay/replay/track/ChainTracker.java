package etwreplay.replay.track;

import etwreplay.replay.scan.ReplayEvent;
import etwreplay.replay.store.TableAppender;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ISR → DPC → completion → APC chain of each request completed in an arbitrary context (inside an
 * ISR/DPC span, or in a foreign process). Writes {@code irq_chain}:
 *
 * <pre>
 * irq_chain(trace_id, irp_id, family, irp, cpu, isr_span_id, isr_basis, isr_start_ts, isr_end_ts, isr_module,
 *           isr_vector, isr_irql, inferred_isr_to_dpc_ns, dpc_span_id, dpc_kind, dpc_start_ts, dpc_end_ts,
 *           dpc_module, dpc_duration_ns, completion_ts, dpc_to_completion_ns, completion_span_kind,
 *           foreign_context, ready_ts, ready_cpu, ready_from_dpc, inferred_apc_ts, inferred_apc_cpu, apc_basis,
 *           inferred_completion_to_apc_ns, inferred_total_ns)
 * </pre>
 *
 * <p>The ISR: ETW logs no DPC-queue link in the raw tables, so a DPC is paired on entry with the ISR that
 * most probably queued it: among the ISRs on the same CPU that ended before the DPC started, within
 * {@link #MAX_ISR_TO_DPC_NS}, and were not yet paired, the latest of the same module if any
 * ({@code same_module}), else the latest ({@code nearest_preceding}). Timer DPCs have no ISR.
 *
 * <p>The APC: ETW logs none (SCHEMAS.md §3.1). Stage 2 runs in the issuing thread as a special kernel APC
 * as soon as that thread runs below APC_LEVEL: if it is current on the completion CPU, when that CPU's
 * outermost ISR/DPC span ends; if current on another CPU, at once; otherwise at its next CSwitch-in (in a
 * trace without CSwitch: its next sample). A ReadyThread of the issuer after the completion is kept as
 * supporting evidence. A chain waits (memory: one per request in that state) until its APC is seen or the
 * trace ends. One thread.
 */
public final class ChainTracker {
    /** Longest ISR-exit-to-DPC-entry gap still paired (an inference window, not a hardware limit). */
    static final long MAX_ISR_TO_DPC_NS = 50_000_000L;
    /** isr_basis: how a chain's (or a DPC span's) ISR was found; irq_chain adds COMPLETED_IN_ISR. */
    static final String SAME_MODULE = "same_module";
    static final String NEAREST_PRECEDING = "nearest_preceding";
    static final String TIMER_DPC = "timer_dpc";
    static final String NO_ISR = "none";
    static final String COMPLETED_IN_ISR = "completed_in_isr";
    /** apc_basis: how the completion APC's time was inferred. */
    static final String NEXT_SWITCH_IN = "next_switch_in";
    static final String ISSUER_INTERRUPTED = "issuer_interrupted";
    static final String ISSUER_RUNNING = "issuer_running";
    static final String NEXT_SAMPLE = "next_sample";
    static final String NOT_SEEN = "not_seen";
    /** ISRs remembered per CPU for pairing. */
    private static final int RECENT_ISRS = 32;

    private static final class Chain {
        final Request request;
        final Span isr;
        final String isrBasis;
        final Span dpc;
        final Completion completion;
        Long readyTs;
        Integer readyCpu;
        Boolean readyFromDpc;

        Chain(Request request, Span isr, String isrBasis, Span dpc) {
            this.request = request;
            this.isr = isr;
            this.isrBasis = isrBasis;
            this.dpc = dpc;
            this.completion = request.completion;
        }
    }

    private final int traceId;
    private final MachineState state;
    private final TableAppender out;
    private final Map<Integer, ArrayDeque<Span>> recentIsrs = new HashMap<>();
    private final Map<Integer, List<Chain>> waitingForApc = new LinkedHashMap<>();
    private long written;
    private Span worstWaitDpc;

    public ChainTracker(int traceId, MachineState state, TableAppender out) {
        this.traceId = traceId;
        this.state = state;
        this.out = out;
    }

    /** Remembers ISRs and pairs each DPC with the ISR that queued it. */
    public void onSpan(Span s) {
        if (s.cpu == null || s.impossible()) {
            return;
        }
        ArrayDeque<Span> recent = recentIsrs.computeIfAbsent(s.cpu, c -> new ArrayDeque<>());
        if (s.isIsr()) {
            recent.addLast(s);
            if (recent.size() > RECENT_ISRS) {
                recent.removeFirst();
            }
            return;
        }
        if ("TimerDPC".equals(s.kind) || "IOTimer".equals(s.kind)) {
            s.queuedByBasis = TIMER_DPC;
            return;
        }
        Span latest = null;
        Span sameModule = null;
        for (Span isr : recent) {
            if (isr.end <= s.start && s.start - isr.end <= MAX_ISR_TO_DPC_NS && !isr.claimed) {
                latest = isr;
                if (isr.module != null && isr.module.equals(s.module)) {
                    sameModule = isr;
                }
            }
        }
        Span pick = sameModule != null ? sameModule : latest;
        if (pick != null) {
            pick.claimed = true;
            s.queuedBy = pick;
            s.queuedByBasis = sameModule != null ? SAME_MODULE : NEAREST_PRECEDING;
            if (worstWaitDpc == null || wait(s) > wait(worstWaitDpc)) {
                worstWaitDpc = s;
            }
        } else {
            s.queuedByBasis = NO_ISR;
        }
    }

    /** A request completed in an arbitrary context: build its chain and infer its APC, now or later. */
    void onCompletion(Request r) {
        Completion c = r.completion;
        Span dpc = null;
        Span isr = null;
        String isrBasis = NO_ISR;
        if (c.span() != null && c.span().isIsr()) {
            isr = c.span();
            isrBasis = COMPLETED_IN_ISR;
        } else if (c.span() != null) {
            dpc = c.span();
            isr = dpc.queuedBy;
            isrBasis = dpc.queuedByBasis == null ? NO_ISR : dpc.queuedByBasis;
        }
        Chain chain = new Chain(r, isr, isrBasis, dpc);
        Integer tid = r.issuer.tid();
        if (tid == null) {
            write(chain, null, null, NOT_SEEN);
            return;
        }
        Integer running = state.contexts.cpuRunning(tid);
        if (running != null && running.equals(c.cpu())) {
            Span outer = state.irql.outermost(c.cpu(), c.ts());
            write(chain, outer == null ? c.ts() : outer.end, running, ISSUER_INTERRUPTED);
        } else if (running != null) {
            write(chain, c.ts(), running, ISSUER_RUNNING);
        } else {
            waitingForApc.computeIfAbsent(tid, t -> new ArrayList<>()).add(chain);
        }
    }

    public void onReady(ReplayEvent.Ready e) {
        List<Chain> waiting = e.readiedTid() == null ? null : waitingForApc.get(e.readiedTid());
        if (waiting == null) {
            return;
        }
        for (Chain ch : waiting) {
            if (ch.readyTs == null) {
                ch.readyTs = e.ts();
                ch.readyCpu = e.cpu();
                ch.readyFromDpc = e.fromDpc();
            }
        }
    }

    /** The issuer's next CSwitch-in carries its APC. */
    public void onCSwitch(ReplayEvent.CSwitch e) {
        resolve(e.newTid(), e.ts(), e.cpu(), NEXT_SWITCH_IN);
    }

    /** Without CSwitch, the issuer's next sample is the first sign it ran. */
    public void onSample(ReplayEvent.Sample e) {
        if (state.contexts.mode() == CpuContextTracker.Mode.SAMPLE) {
            resolve(e.tid(), e.ts(), e.cpu(), NEXT_SAMPLE);
        }
    }

    private void resolve(Integer tid, long ts, Integer cpu, String basis) {
        List<Chain> waiting = tid == null ? null : waitingForApc.remove(tid);
        if (waiting != null) {
            for (Chain ch : waiting) {
                write(ch, ts, cpu, basis);
            }
        }
    }

    /**
     * A thread that ended never runs its pending APCs in the trace: its chains are written now, so that
     * waiting chains are bounded by the live threads.
     */
    public void onThreadEnd(ReplayEvent.Thread e) {
        List<Chain> waiting = e.tid() == null ? null : waitingForApc.remove(e.tid());
        if (waiting != null) {
            for (Chain ch : waiting) {
                write(ch, null, null, NOT_SEEN);
            }
        }
    }

    /** Writes the chains whose APC the trace never showed. */
    public void finish() {
        for (Iterator<List<Chain>> it = waitingForApc.values().iterator(); it.hasNext(); ) {
            for (Chain ch : it.next()) {
                write(ch, null, null, NOT_SEEN);
            }
            it.remove();
        }
    }

    public long written() {
        return written;
    }

    private static long wait(Span dpc) {
        return dpc.start - dpc.queuedBy.end;
    }

    /** The paired DPC that waited longest after its ISR, or null when none was paired. */
    public Span worstIsrToDpc() {
        return worstWaitDpc;
    }

    /** Its ISR's end to its start, in ns. */
    public static long isrToDpcNs(Span dpc) {
        return wait(dpc);
    }

    /** The ISR paired with a DPC span, or null. */
    public static Span isrOf(Span dpc) {
        return dpc.queuedBy;
    }

    private void write(Chain ch, Long apcTs, Integer apcCpu, String apcBasis) {
        Request r = ch.request;
        Completion c = ch.completion;
        Span isr = ch.isr;
        Span dpc = ch.dpc;
        long chainStart = isr != null ? isr.start : dpc != null ? dpc.start : c.ts();
        out.begin(traceId).i64(r.id).str(r.family).u64(r.irp).i32(c.cpu()).i64(isr == null ? null : isr.id)
                .str(ch.isrBasis).i64(isr == null ? null : isr.start).i64(isr == null ? null : isr.end)
                .str(isr == null ? null : isr.module).i32(isr == null ? null : isr.vector)
                .i32(isr == null ? null : isr.irql)
                .i64(isr == null || dpc == null ? null : dpc.start - isr.end).i64(dpc == null ? null : dpc.id)
                .str(dpc == null ? null : dpc.kind).i64(dpc == null ? null : dpc.start)
                .i64(dpc == null ? null : dpc.end).str(dpc == null ? null : dpc.module)
                .i64(dpc == null ? null : dpc.end - dpc.start).i64(c.ts())
                .i64(dpc == null ? null : c.ts() - dpc.start).str(c.spanKind()).bool(r.foreignContext())
                .i64(ch.readyTs).i32(ch.readyCpu).bool(ch.readyFromDpc).i64(apcTs).i32(apcCpu).str(apcBasis)
                .i64(apcTs == null ? null : apcTs - c.ts()).i64(apcTs == null ? null : apcTs - chainStart).end();
        written++;
    }
}
