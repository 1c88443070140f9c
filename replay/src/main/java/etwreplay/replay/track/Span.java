package etwreplay.replay.track;

/**
 * One ISR or DPC execution on one CPU, [start, end] inclusive, as the IRQL tracker placed it (a future
 * {@code irql_span} row). Mutable only in its chain pairing, set once on entry by the chain tracker.
 */
public final class Span {
    final long id;
    /** Null when the trace does not say: such a span is on no CPU's stack. */
    final Integer cpu;
    final String kind;
    final long start;
    final long end;
    final Integer irql;
    final String irqlBasis;
    final Integer vector;
    final Long routine;
    final String routineSymbol;
    final String module;
    final String moduleBasis;
    final Span parent;
    final int depth;
    /** The thread current underneath. */
    final Context context;
    /** Null, or why it cannot be what it seems (irql_span.anomaly). */
    final String anomaly;
    final long sourceSeq;
    /** DPC spans: the ISR inferred to have queued it, and how. */
    Span queuedBy;
    String queuedByBasis;
    /** ISR spans: already paired with a DPC. */
    boolean claimed;

    Span(long id, Integer cpu, String kind, long start, long end, Integer irql, String irqlBasis, Integer vector,
            Long routine, String routineSymbol, String module, String moduleBasis, Span parent, Context context,
            String anomaly, long sourceSeq) {
        this.id = id;
        this.cpu = cpu;
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.irql = irql;
        this.irqlBasis = irqlBasis;
        this.vector = vector;
        this.routine = routine;
        this.routineSymbol = routineSymbol;
        this.module = module;
        this.moduleBasis = moduleBasis;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.context = context;
        this.anomaly = anomaly;
        this.sourceSeq = sourceSeq;
    }

    public long id() {
        return id;
    }

    public Integer cpu() {
        return cpu;
    }

    public String kind() {
        return kind;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public String module() {
        return module;
    }

    /**
     * True for a span nested where real hardware cannot nest it: kept in irql_span, but nothing is
     * attributed to it and no chain is built on it.
     */
    public boolean impossible() {
        return IrqlTracker.NESTED_AT_EQUAL_OR_HIGHER_IRQL.equals(anomaly);
    }

    boolean isIsr() {
        return kind != null && kind.startsWith("ISR");
    }

    boolean contains(long startTs, long endTs) {
        return start <= startTs && endTs <= end;
    }
}
