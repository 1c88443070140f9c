package etwreplay.replay.track;

/**
 * One ISR or DPC execution on one CPU, [start, end] inclusive, as the IRQL tracker placed it. Mutable
 * only in its chain pairing, set once when a DPC is entered.
 */
public final class Span {
    final long id;
    final int cpu;
    final String kind;
    final long start;
    final long end;
    final Integer irql;
    final String irqlBasis;
    final Integer vector;
    final String module;
    final Span parent;
    final int depth;
    /** True for a span that cannot be what it seems (see {@code irql_span.anomaly}). */
    final boolean anomalous;
    /** DPC spans: the ISR inferred to have queued it, and how. */
    Span queuedBy;
    String queuedByBasis;
    /** ISR spans: already paired with a DPC. */
    boolean claimed;

    Span(long id, int cpu, String kind, long start, long end, Integer irql, String irqlBasis, Integer vector,
            String module, Span parent, int depth, boolean anomalous) {
        this.id = id;
        this.cpu = cpu;
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.irql = irql;
        this.irqlBasis = irqlBasis;
        this.vector = vector;
        this.module = module;
        this.parent = parent;
        this.depth = depth;
        this.anomalous = anomalous;
    }

    public long id() {
        return id;
    }

    public int cpu() {
        return cpu;
    }

    public boolean anomalous() {
        return anomalous;
    }

    public String kind() {
        return kind;
    }

    public Integer irql() {
        return irql;
    }

    public String irqlBasis() {
        return irqlBasis;
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

    boolean isIsr() {
        return kind != null && kind.startsWith("ISR");
    }

    boolean isDpc() {
        return !isIsr();
    }

    boolean contains(long ts) {
        return start <= ts && ts <= end;
    }

    boolean contains(Span s) {
        return start <= s.start && s.end <= end;
    }
}
