package etwreplay.replay.track;

/**
 * Where and in whose context a request completed: the CPU, the innermost ISR/DPC span in progress there
 * (null at thread level), the IRQL, and who was current.
 *
 * @param seq       the raw row of the completion event
 * @param irqlBasis the span's irql_basis, or {@code thread_assumed}
 */
record Completion(long ts, Integer cpu, long seq, Span span, Integer irql, String irqlBasis, Context context) {
    /** completion_span_kind at thread level. */
    static final String THREAD = "thread";

    String spanKind() {
        return span == null ? THREAD : span.kind;
    }
}
