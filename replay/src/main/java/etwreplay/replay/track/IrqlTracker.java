package etwreplay.replay.track;

import etwreplay.replay.machine.IrqlTable;
import etwreplay.replay.machine.MachineSpec;
import etwreplay.replay.scan.ReplayEvent;
import etwreplay.ingest.store.AnomalyCounter;
import etwreplay.replay.store.ReplayAnomaly;
import etwreplay.replay.store.TableAppender;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Per CPU, the stack of ISR/DPC spans in progress (thread at PASSIVE → DPC at DISPATCH_LEVEL → ISR at
 * DIRQL). Spans arrive at their entry, outer before inner, and carry their exit, so nesting is decided on
 * entry: the span below on the stack that contains the new one is its parent. Writes {@code irql_span}:
 *
 * <pre>
 * irql_span(trace_id, span_id, cpu, kind, start_ts, end_ts, duration_ns, irql, irql_name, irql_basis, vector,
 *           routine, routine_symbol, module, module_basis, parent_span_id, depth, inferred_isr_span_id,
 *           isr_basis, inferred_isr_to_dpc_ns, tid, pid, process_name, context_confidence, starts_before_trace,
 *           anomaly, source_seq)
 * </pre>
 *
 * A span nested inside one of equal or higher IRQL cannot happen on real hardware: it is written with
 * an anomaly and counted, but not pushed, so nothing is attributed to it. Memory: the spans in progress.
 */
public final class IrqlTracker {
    static final String NESTED_AT_EQUAL_OR_HIGHER_IRQL = "nested_at_equal_or_higher_irql";
    static final String OVERLAPS_SPAN = "overlaps_span";
    /** irql_basis: how a span's IRQL was found. */
    static final String BASIS_DPC = "dpc";
    static final String BASIS_IO_TIMER = "io_timer";
    static final String BASIS_THREADED_DPC = "threaded_dpc";
    static final String BASIS_PASSIVE_ISR = "passive_isr";
    static final String BASIS_VECTOR = "vector";
    static final String BASIS_UNKNOWN = "unknown";
    /** module_basis: how a span's module was found. */
    static final String MODULE_FROM_IMAGE = "image";
    static final String MODULE_FROM_SYMBOL = "symbol";

    private final int traceId;
    private final IrqlTable irql;
    private final ModuleMap modules;
    private final CpuContextTracker contexts;
    private final TableAppender out;
    private final AnomalyCounter<ReplayAnomaly> anomalies;
    private final Map<Integer, ArrayDeque<Span>> stacks = new HashMap<>();
    private long nextId = 1;

    public IrqlTracker(int traceId, MachineSpec machine, ModuleMap modules, CpuContextTracker contexts,
            TableAppender out, AnomalyCounter<ReplayAnomaly> anomalies) {
        this.traceId = traceId;
        this.irql = machine.irql();
        this.modules = modules;
        this.contexts = contexts;
        this.out = out;
        this.anomalies = anomalies;
    }

    /** Places a span at its entry (not yet written: see {@link #write}). */
    public Span enter(ReplayEvent.Span e) {
        long end = e.ts();
        long start = e.initialTs() == null ? end : Math.min(e.initialTs(), end);
        if (e.initialTs() == null) {
            anomalies.add(ReplayAnomaly.SPAN_WITHOUT_ENTRY, "seq " + e.seq(), where(e));
        }
        Level level = level(e);
        String module = modules.moduleAt(e.routine());
        String moduleBasis = module != null ? MODULE_FROM_IMAGE : null;
        if (module == null) {
            module = ModuleMap.moduleOfSymbol(e.routineSymbol());
            moduleBasis = module != null ? MODULE_FROM_SYMBOL : null;
        }
        long id = nextId++;
        if (e.cpu() == null) {
            anomalies.add(ReplayAnomaly.SPAN_WITHOUT_CPU, "seq " + e.seq(), where(e));
            return new Span(id, null, e.kind(), start, end, level.irql, level.basis, e.vector(), e.routine(),
                    e.routineSymbol(), module, moduleBasis, null, Context.UNKNOWN, null, e.seq());
        }
        ArrayDeque<Span> stack = stacks.computeIfAbsent(e.cpu(), c -> new ArrayDeque<>());
        boolean overlap = false;
        while (!stack.isEmpty() && !stack.peek().contains(start, end)) {
            overlap |= stack.pop().end > start;
        }
        String anomaly = null;
        if (overlap) {
            anomaly = OVERLAPS_SPAN;
            anomalies.add(ReplayAnomaly.SPAN_OVERLAP, "seq " + e.seq(), e.kind() + " [" + start + ", " + end
                    + "] on cpu " + e.cpu());
        }
        Span parent = stack.peek();
        if (parent != null && level.irql != null && parent.irql != null && level.irql <= parent.irql) {
            anomaly = NESTED_AT_EQUAL_OR_HIGHER_IRQL;
            anomalies.add(ReplayAnomaly.SPAN_NESTED_AT_EQUAL_OR_HIGHER_IRQL, "seq " + e.seq(), e.kind() + " at IRQL "
                    + level.irql + " inside " + parent.kind + " " + parent.id + " at IRQL " + parent.irql + " on cpu "
                    + e.cpu());
        }
        Span span = new Span(id, e.cpu(), e.kind(), start, end, level.irql, level.basis, e.vector(), e.routine(),
                e.routineSymbol(), module, moduleBasis, parent, contexts.at(e.cpu(), start), anomaly, e.seq());
        if (!span.impossible()) {
            stack.push(span);
        }
        return span;
    }

    /** The span's raw row in words, for an anomaly (built only then: most spans have none). */
    private static String where(ReplayEvent.Span e) {
        return e.table() + " " + e.kind() + " at ts " + e.ts();
    }

    /** Writes the span's row, once the chain tracker has paired it. */
    public void write(Span s) {
        Context ctx = s.context;
        out.begin(traceId).i64(s.id).i32(s.cpu).str(s.kind).i64(s.start).i64(s.end).i64(s.end - s.start)
                .i32(s.irql).str(s.irql == null ? null : irql.nameOf(s.irql)).str(s.irqlBasis).i32(s.vector)
                .u64(s.routine).str(s.routineSymbol).str(s.module).str(s.moduleBasis);
        // Branches, not `.i64(s.parent == null ? null : s.parent.id)`: that boxes the id into a Long for every
        // span (JFR, 6.15 M-event replay: 16 % of the trackers' thread's samples in Long.valueOf, most here).
        if (s.parent == null) {
            out.i64(null);
        } else {
            out.i64(s.parent.id);
        }
        out.i32(s.depth);
        if (s.queuedBy == null) {
            out.i64(null).str(s.queuedByBasis).i64(null);
        } else {
            out.i64(s.queuedBy.id).str(s.queuedByBasis).i64(ChainTracker.isrToDpcNs(s));
        }
        out.i32(ctx.tid()).i32(ctx.pid()).str(ctx.processName()).str(ctx.confidence()).bool(s.start < 0)
                .str(s.anomaly).i64(s.sourceSeq).end();
    }

    private record Level(Integer irql, String basis) {
    }

    /** IRQL by kind: SCHEMAS.md §4.2 (DPCs and IoTimer at DISPATCH_LEVEL, threaded DPCs at PASSIVE_LEVEL). */
    private Level level(ReplayEvent.Span e) {
        String kind = e.kind() == null ? "" : e.kind();
        switch (kind) {
            case "DPC", "TimerDPC":
                return new Level(IrqlTable.DISPATCH_LEVEL, BASIS_DPC);
            case "IOTimer":
                return new Level(IrqlTable.DISPATCH_LEVEL, BASIS_IO_TIMER);
            case "ThreadedDPC":
                return new Level(IrqlTable.PASSIVE_LEVEL, BASIS_THREADED_DPC);
            case "ISR-PASS":
                return new Level(IrqlTable.PASSIVE_LEVEL, BASIS_PASSIVE_ISR);
            default:
                if (kind.startsWith("ISR")) {
                    Integer level = irql.isrIrql(e.vector());
                    return new Level(level, level == null ? BASIS_UNKNOWN : BASIS_VECTOR);
                }
                return new Level(null, BASIS_UNKNOWN);
        }
    }

    /** The innermost span in progress on {@code cpu} at {@code ts}, or null at thread level. */
    public Span at(Integer cpu, long ts) {
        ArrayDeque<Span> stack = cpu == null ? null : stacks.get(cpu);
        if (stack == null) {
            return null;
        }
        while (!stack.isEmpty() && stack.peek().end < ts) {
            stack.pop();
        }
        return stack.peek();
    }

    /** The outermost span in progress on {@code cpu} at {@code ts}, or null at thread level. */
    public Span outermost(Integer cpu, long ts) {
        return at(cpu, ts) == null ? null : stacks.get(cpu).peekLast();
    }
}
