package etwreplay.replay.track;

import etwreplay.ingest.event.IrpMajorFunction;
import etwreplay.ingest.store.AnomalyCounter;
import etwreplay.replay.store.ReplayAnomaly;
import etwreplay.replay.store.TableAppender;
import java.util.Map;
import java.util.TreeMap;

/**
 * Numbers requests and writes each one to {@code irp} when its tracker closes it, handing completed ones
 * to the chain tracker and the hazard rules:
 *
 * <pre>
 * irp(trace_id, irp_id, family, op, irp, uniq_match_id, major_function, minor_function, control_code,
 *     buffer_method, file_object, file_name, transfer_size, issue_ts, issue_cpu, issuer_tid, issuer_pid,
 *     issuer_process_name, issuer_dtb, dispatch_routine, dispatch_symbol, dispatch_module, call_depth, return_ts,
 *     complete_ts, complete_cpu, latency_ns, kernel_elapsed_ns, completion_span_id, completion_span_kind,
 *     completion_irql, completion_irql_basis, completion_tid, completion_pid, completion_process_name,
 *     completion_dtb, context_source, context_confidence, context_gap_ns, foreign_context, status, closed_ts,
 *     nt_status)
 * </pre>
 */
public final class RequestLog {
    /** Request families (irp.family). */
    static final String DISK = "disk";
    static final String FILE = "file";
    static final String DRIVER = "driver";
    /** irp.status. */
    static final String COMPLETE = "complete";
    static final String MISSING_END = "missing_end";
    static final String MISSING_START = "missing_start";
    static final String OPEN_AT_END = "open_at_end";

    private final int traceId;
    final MachineState state;
    private final TableAppender out;
    private final AnomalyCounter<ReplayAnomaly> anomalies;
    private final ChainTracker chains;
    private final HazardDetector hazards;
    private long nextId = 1;
    private final Map<String, Long> byStatus = new TreeMap<>();
    private final Map<String, Long> byFamily = new TreeMap<>();
    private long foreign;

    public RequestLog(int traceId, MachineState state, TableAppender out, AnomalyCounter<ReplayAnomaly> anomalies,
            ChainTracker chains, HazardDetector hazards) {
        this.traceId = traceId;
        this.state = state;
        this.out = out;
        this.anomalies = anomalies;
        this.chains = chains;
        this.hazards = hazards;
    }

    Request open(String family, Long irp) {
        return new Request(nextId++, family, irp);
    }

    /** Observes the completion of {@code r} on {@code cpu} at {@code ts}. */
    void complete(Request r, Integer cpu, long ts, long seq) {
        r.completion = state.observe(cpu, ts, seq);
        if (!r.completion.context().known()) {
            anomalies.add(ReplayAnomaly.CONTEXT_UNKNOWN_AT_COMPLETION, "seq " + seq, r.family + " irp "
                    + hex(r.irp) + " completed at ts " + ts + (cpu == null ? " (cpu not recorded)" : " on cpu " + cpu));
        }
    }

    /** Writes {@code r} with its final status and hands it on. */
    void close(Request r, String status, long closedTs) {
        switch (status) {
            case MISSING_END -> anomalies.add(ReplayAnomaly.IRP_MISSING_END, "ts " + closedTs, r.family + " irp "
                    + hex(r.irp) + " issued at ts " + r.issueTs + " reused at ts " + closedTs);
            case MISSING_START -> anomalies.add(ReplayAnomaly.IRP_END_WITHOUT_START, "ts " + closedTs, r.family
                    + " irp " + hex(r.irp) + " ended at ts " + closedTs);
            case OPEN_AT_END -> anomalies.add(ReplayAnomaly.IRP_OPEN_AT_TRACE_END, "ts " + closedTs, r.family
                    + " irp " + hex(r.irp) + " issued at ts " + r.issueTs);
            default -> {
            }
        }
        Boolean foreignContext = r.foreignContext();
        Completion c = r.completion;
        Context ctx = c == null ? Context.UNKNOWN : c.context();
        out.begin(traceId).i64(r.id).str(r.family).str(r.op).u64(r.irp).i64(r.uniqMatchId).i32(r.majorFunction)
                .i32(r.minorFunction).i64(r.controlCode).str(bufferMethod(r.controlCode)).u64(r.fileObject)
                .str(r.fileName).i64(r.transferSize).i64(r.issueTs).i32(r.issueCpu).i32(r.issuer.tid())
                .i32(r.issuer.pid()).str(r.issuer.processName()).u64(r.issuer.directoryTableBase())
                .u64(r.dispatchRoutine).str(r.dispatchSymbol).str(r.dispatchModule)
                .i32(r.callDepth == 0 ? null : r.callDepth).i64(r.returnTs).i64(c == null ? null : c.ts())
                .i32(c == null ? null : c.cpu()).i64(r.latencyNs()).i64(r.kernelElapsedNs)
                .i64(c == null || c.span() == null ? null : c.span().id).str(c == null ? null : c.spanKind())
                .i32(c == null ? null : c.irql()).str(c == null ? null : c.irqlBasis()).i32(ctx.tid()).i32(ctx.pid())
                .str(ctx.processName()).u64(ctx.directoryTableBase()).str(ctx.source())
                .str(c == null ? null : ctx.confidence()).i64(ctx.gapNs()).bool(foreignContext).str(status)
                .i64(closedTs).i64(r.ntStatus).end();
        byStatus.merge(status, 1L, Long::sum);
        byFamily.merge(r.family, 1L, Long::sum);
        if (Boolean.TRUE.equals(foreignContext)) {
            foreign++;
        }
        hazards.onRequestClosed(r, bufferMethod(r.controlCode));
        if (c != null && (c.span() != null || Boolean.TRUE.equals(foreignContext))) {
            chains.onCompletion(r);
        }
    }

    /** METHOD_* of a CTL_CODE: its two low bits (wdm.h; SCHEMAS.md §5.1). */
    static String bufferMethod(Long controlCode) {
        if (controlCode == null) {
            return null;
        }
        switch ((int) (controlCode & 3)) {
            case 0:
                return "METHOD_BUFFERED";
            case 1:
                return "METHOD_IN_DIRECT";
            case 2:
                return "METHOD_OUT_DIRECT";
            default:
                return "METHOD_NEITHER";
        }
    }

    /** IRP_MJ_* name of a code, e.g. 14 → IRP_MJ_DEVICE_CONTROL; null when unknown. */
    static String majorName(Integer code) {
        return code == null ? null : IrpMajorFunction.nameOf(code);
    }

    static String hex(Long address) {
        return address == null ? "NULL" : "0x" + Long.toHexString(address);
    }

    public Map<String, Long> byStatus() {
        return byStatus;
    }

    public Map<String, Long> byFamily() {
        return byFamily;
    }

    public long foreignCompletions() {
        return foreign;
    }
}
