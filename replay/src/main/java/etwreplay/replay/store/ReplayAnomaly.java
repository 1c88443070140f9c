package etwreplay.replay.store;

import etwreplay.ingest.event.AnomalyKind;
import etwreplay.ingest.event.Severity;

/**
 * What the replay counts in {@code trace_stat} (beside ingest's own anomalies): never thrown, never
 * silently dropped. Names are persisted; add, don't rename. Replaying a trace again replaces exactly
 * these rows of it.
 */
public enum ReplayAnomaly implements AnomalyKind {
    IRP_MISSING_END(Severity.DATA_LOSS, "a request whose IRP address was used by a new request before its end was"
            + " seen; closed with status missing_end"),
    IRP_END_WITHOUT_START(Severity.INFO, "a request end (completion, OpEnd, DrvComplReq) without its start, usually"
            + " issued before the trace began; kept with status missing_start"),
    IRP_OPEN_AT_TRACE_END(Severity.INFO, "a request still open when the trace ended; closed with status open_at_end"),
    IRP_EVENT_WITHOUT_IRP(Severity.DATA_LOSS, "an I/O event without an IRP address; it cannot be matched and is"
            + " not in the irp table"),
    DRIVER_RETURN_WITHOUT_CALL(Severity.INFO, "a DrvMjFnRet without an open DrvMjFnCall of the same IRP and"
            + " UniqMatchId (called before the trace began, or the call was lost)"),
    SPAN_NESTED_AT_EQUAL_OR_HIGHER_IRQL(Severity.ERROR, "an ISR/DPC that appears inside a span of equal or higher"
            + " IRQL on the same CPU: impossible on real hardware; kept with an anomaly and not used for nesting or"
            + " chains"),
    SPAN_OVERLAP(Severity.ERROR, "an ISR/DPC that starts inside another span on the same CPU but ends after it;"
            + " the earlier span is taken to have ended"),
    SPAN_WITHOUT_ENTRY(Severity.DATA_LOSS, "an ISR/DPC whose entry time is not recorded; treated as zero-length at"
            + " its exit"),
    SPAN_WITHOUT_CPU(Severity.DATA_LOSS, "an ISR/DPC whose CPU is not recorded; not placed on any CPU"),
    CSWITCH_OLD_THREAD_MISMATCH(Severity.DATA_LOSS, "a CSwitch whose old thread is not the one the previous"
            + " CSwitch put on that CPU: context switches were lost between them"),
    CONTEXT_FROM_SAMPLES(Severity.INFO, "the trace has no CSwitch events: per-CPU context comes from"
            + " SampledProfile and is approximate (cpu_context.source = sample)"),
    CONTEXT_UNKNOWN_AT_COMPLETION(Severity.INFO, "a completion on a CPU whose current thread is unknown (or whose"
            + " CPU is not recorded): its foreign_context is NULL"),
    MACHINE_POINTER_SIZE_MISMATCH(Severity.ERROR, "the machine given with --machine has another pointer size than"
            + " the trace records; addresses are judged as on the given machine"),
    LOSSY_TRACE(Severity.DATA_LOSS, "the recording lost events or buffers: unmatched, reused and open requests and"
            + " broken context-switch chains may be artifacts of the loss");

    private final Severity severity;
    private final String description;

    ReplayAnomaly(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String description() {
        return description;
    }

}
