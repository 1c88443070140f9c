package etwreplay.replay;

import etwreplay.replay.machine.MachineChoice;
import java.util.List;
import java.util.Map;

/**
 * What one replay produced, for the command line ({@code etwreplay replay} / {@code analyze}) to print.
 * The same facts are in the derived tables; this is the short version. Immutable.
 *
 * @param contextSource    where per-CPU context came from: {@code cswitch} (exact), {@code sample}
 *                         (approximate) or {@code none}
 * @param rawRows          rows per raw table for this trace (what the trace contains)
 * @param spansByKind      irql_span rows per kind
 * @param requestsByFamily irp rows per family (disk, file, driver)
 * @param requestsByStatus irp rows per status (complete, missing_end, missing_start, open_at_end)
 * @param worstSpans       the longest ISR/DPC spans, longest first (at most {@link #WORST_SPANS})
 * @param worstIsrToDpc    the longest inferred wait from an ISR's end to the start of the DPC paired with it,
 *                         or null when no DPC was paired with an ISR
 * @param anomalies        replay anomalies counted in trace_stat, by name
 * @param warnings         things the reader of the results must know (lost events, approximate context …)
 */
public record ReplaySummary(int traceId, String fileName, MachineChoice machine, String contextSource,
        Map<String, Long> rawRows, long cpuContextRows, Map<String, Long> spansByKind,
        Map<String, Long> requestsByFamily, Map<String, Long> requestsByStatus, long foreignCompletions, long chains,
        Map<String, Long> hazardsByKind, List<WorstSpan> worstSpans, IsrToDpc worstIsrToDpc,
        Map<String, Long> anomalies, List<String> warnings) {

    /** How many of the longest spans are kept. */
    public static final int WORST_SPANS = 5;

    /** One long ISR/DPC execution. */
    public record WorstSpan(long spanId, String kind, int cpu, long startTs, long durationNs, String module) {
    }

    /** An ISR and the DPC inferred to have been queued by it (irql_span.inferred_isr_span_id). */
    public record IsrToDpc(long isrSpanId, long dpcSpanId, int cpu, long dpcStartTs, long latencyNs) {
    }

    public long requests() {
        return requestsByFamily.values().stream().mapToLong(Long::longValue).sum();
    }

    public long hazards() {
        return hazardsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Nanoseconds as microseconds, e.g. {@code 1505 µs}, {@code 0.1 µs}. */
    static String micros(long ns) {
        return new java.math.BigDecimal(ns).movePointLeft(3).stripTrailingZeros().toPlainString() + " µs";
    }

    /** A short plain-text report (UTF-8, LF line ends), one fact per line. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("trace ").append(traceId).append(fileName == null ? "" : " (" + fileName + ")").append('\n');
        sb.append("machine: ").append(machine.spec().name()).append(" (").append(machine.source()).append(": ")
                .append(machine.basis()).append(")\n");
        sb.append("contains: ");
        boolean first = true;
        for (Map.Entry<String, Long> e : rawRows.entrySet()) {
            if (e.getValue() > 0) {
                sb.append(first ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey());
                first = false;
            }
        }
        sb.append(first ? "no events" : "").append('\n');
        sb.append("context: ").append(contextSource).append(" (").append(cpuContextRows).append(" cpu_context rows)\n");
        sb.append("requests: ").append(requests()).append(' ').append(requestsByFamily).append(", by status ")
                .append(requestsByStatus).append('\n');
        sb.append("foreign-context completions: ").append(foreignCompletions).append(" (irq_chain rows: ")
                .append(chains).append(")\n");
        sb.append("hazards: ").append(hazards()).append(hazardsByKind.isEmpty() ? "" : " " + hazardsByKind)
                .append('\n');
        sb.append("spans: ").append(spansByKind.isEmpty() ? "none" : spansByKind.toString()).append('\n');
        for (WorstSpan w : worstSpans) {
            sb.append("  longest: ").append(w.kind()).append(" span ").append(w.spanId()).append(" on cpu ")
                    .append(w.cpu()).append(" at ").append(micros(w.startTs())).append(", ran ")
                    .append(micros(w.durationNs())).append(w.module() == null ? "" : " (" + w.module() + ")")
                    .append('\n');
        }
        if (worstIsrToDpc != null) {
            sb.append("  longest ISR -> DPC wait (inferred): ").append(micros(worstIsrToDpc.latencyNs()))
                    .append(", ISR span ").append(worstIsrToDpc.isrSpanId()).append(" -> DPC span ")
                    .append(worstIsrToDpc.dpcSpanId()).append(" on cpu ").append(worstIsrToDpc.cpu()).append('\n');
        }
        if (!anomalies.isEmpty()) {
            sb.append("anomalies: ").append(anomalies).append('\n');
        }
        for (String w : warnings) {
            sb.append("warning: ").append(w).append('\n');
        }
        sb.append("more: tables machine, cpu_context, irql_span, irp, irq_chain, hazard WHERE trace_id = ").append(traceId)
                .append('\n');
        return sb.toString();
    }
}
