package etwreplay.replay.track;

import etwreplay.replay.machine.AddressClass;
import etwreplay.replay.scan.ReplayEvent;
import etwreplay.replay.store.TableAppender;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules for what must not happen (DESIGN.md "Hazards"; SCHEMAS.md §4.2), judged with the machine's
 * address classifier at the scan's current instant. Writes {@code hazard}:
 *
 * <pre>
 * hazard(trace_id, hazard_id, kind, ts, cpu, tid, pid, process_name, span_id, span_kind, irql, address,
 *        address_class, irp_id, source_table, source_seq, evidence, explanation)
 * </pre>
 *
 * One thread.
 */
public final class HazardDetector {
    static final String USER_PAGE_FAULT = "user_page_fault_in_dpc_isr";
    static final String USER_IP_SAMPLE = "user_ip_in_dpc_isr_sample";
    static final String NEITHER_FOREIGN = "neither_io_foreign_completion";
    static final String NON_CANONICAL = "non_canonical_address";

    private static final String FAULT_AT_RAISED_IRQL = "An ISR/DPC runs at IRQL >= DISPATCH_LEVEL in whatever thread"
            + " happened to be current: a user address there belongs to that thread's process, not the requester's,"
            + " and a page fault above APC_LEVEL is a fatal error (IRQL_NOT_LESS_OR_EQUAL).";
    private static final String FAULT_IN_THREADED_DPC = "A threaded DPC runs at PASSIVE_LEVEL but in an arbitrary"
            + " thread: a user address there belongs to whichever process is current, not the requester's (and the"
            + " same DPC runs at DISPATCH_LEVEL when threaded DPCs are disabled).";
    private static final String USER_IP = "The CPU was executing an ISR/DPC, which is kernel code in an arbitrary"
            + " context; a user-range instruction pointer there means user memory executed at raised IRQL, or a"
            + " corrupt sample.";
    private static final String NEITHER = "METHOD_NEITHER passes the requester's raw user addresses"
            + " (Type3InputBuffer, UserBuffer), valid only in the requesting process; this request completed while"
            + " another process was current, so a driver touching those buffers at completion uses the wrong"
            + " address space.";
    private static final String NOT_CANONICAL = "No access to this address can succeed on this machine (x64: bits 63"
            + " down to the top VA bit differ; x86: above 4 GB): the value is corrupt, or the machine model is wrong.";

    private final int traceId;
    private final MachineState state;
    private final TableAppender out;
    private long nextId = 1;
    private final Map<String, Long> byKind = new TreeMap<>();

    public HazardDetector(int traceId, MachineState state, TableAppender out) {
        this.traceId = traceId;
        this.state = state;
        this.out = out;
    }

    public void onFault(ReplayEvent.Fault e) {
        long ts = e.sortTs();
        Span span = state.irql.at(e.cpu(), ts);
        Context ctx = state.contexts.at(e.cpu(), ts);
        checkCanonical(e.virtualAddress(), "virtual address", ts, e.cpu(), ctx, span, "page_fault", e.seq());
        checkCanonical(e.programCounter(), "program counter", ts, e.cpu(), ctx, span, "page_fault", e.seq());
        if (span == null || e.virtualAddress() == null || !state.machine.isUser(e.virtualAddress())) {
            return;
        }
        String evidence = e.kind() + " at " + addr(e.virtualAddress()) + " (user) by PC " + addr(e.programCounter())
                + (e.pcSymbol() == null ? "" : " (" + e.pcSymbol() + ")") + " inside " + describe(span) + " on cpu "
                + e.cpu();
        write(USER_PAGE_FAULT, ts, e.cpu(), ctx, span, e.virtualAddress(), null, "page_fault", e.seq(), evidence,
                "ThreadedDPC".equals(span.kind) ? FAULT_IN_THREADED_DPC : FAULT_AT_RAISED_IRQL);
    }

    public void onSample(ReplayEvent.Sample e) {
        Span span = state.irql.at(e.cpu(), e.ts());
        Context ctx = state.contexts.at(e.cpu(), e.ts());
        Long ip = e.instructionPointer();
        checkCanonical(ip, "instruction pointer", e.ts(), e.cpu(), ctx, span, "sample", e.seq());
        boolean flagged = Boolean.TRUE.equals(e.executingDpc()) || Boolean.TRUE.equals(e.executingIsr());
        if (ip == null || !state.machine.isUser(ip) || !flagged && span == null) {
            return;
        }
        String why = flagged ? "flagged " + (Boolean.TRUE.equals(e.executingIsr()) ? "ExecutingISR" : "ExecutingDPC")
                + (span == null ? "" : ", inside " + describe(span)) : "inside " + describe(span);
        String evidence = "sample IP " + addr(ip) + " (user" + (e.ipSymbol() == null ? "" : ", " + e.ipSymbol())
                + ") " + why + " on cpu " + e.cpu();
        write(USER_IP_SAMPLE, e.ts(), e.cpu(), ctx, span, ip, null, "sample", e.seq(), evidence, USER_IP);
    }

    public void onSpan(ReplayEvent.Span e, Span span) {
        checkCanonical(e.routine(), "routine", span.start, e.cpu(), span.context, span.cpu == null ? null : span,
                e.table(), e.seq());
    }

    public void onImage(ReplayEvent.Image e) {
        checkCanonical(e.base(), "image base", e.ts(), null, Context.UNKNOWN, null, "image", e.seq());
    }

    void onRequestClosed(Request r, String bufferMethod) {
        Completion c = r.completion;
        if (r.irp != null && !state.machine.isCanonical(r.irp)) {
            long ts = c != null ? c.ts() : r.issueTs != null ? r.issueTs : 0;
            writeNonCanonical(r.irp, "IRP", ts, c == null ? r.issueCpu : c.cpu(),
                    c == null ? Context.UNKNOWN : c.context(), c == null ? null : c.span(), r.id,
                    r.family + " request");
        }
        if (c == null || !"METHOD_NEITHER".equals(bufferMethod) || !Boolean.TRUE.equals(r.foreignContext())) {
            return;
        }
        String evidence = r.family + " request " + r.id + " (" + r.op + ", control code 0x"
                + Long.toHexString(r.controlCode)
                + ", METHOD_NEITHER) issued by " + r.issuer.processName() + " (" + r.issuer.pid() + ") completed in "
                + c.context().processName() + " (" + c.context().pid() + ") on cpu " + c.cpu()
                + (c.span() == null ? " at thread level" : " inside " + describe(c.span()));
        write(NEITHER_FOREIGN, c.ts(), c.cpu(), c.context(), c.span(), null, r.id,
                r.family.equals(RequestLog.FILE) ? "file_io" : "driver_irp", c.seq(), evidence, NEITHER);
    }

    private void checkCanonical(Long address, String what, long ts, Integer cpu, Context ctx, Span span, String table,
            long seq) {
        if (address != null && !state.machine.isCanonical(address)) {
            write(NON_CANONICAL, ts, cpu, ctx, span, address, null, table, seq, what + " " + addr(address) + " in "
                    + table + " row seq " + seq, NOT_CANONICAL);
        }
    }

    private void writeNonCanonical(long address, String what, long ts, Integer cpu, Context ctx, Span span, long irpId,
            String where) {
        write(NON_CANONICAL, ts, cpu, ctx, span, address, irpId, null, null, what + " " + addr(address) + " of " + where
                + " " + irpId, NOT_CANONICAL);
    }

    private void write(String kind, long ts, Integer cpu, Context ctx, Span span, Long address, Long irpId,
            String table, Long seq, String evidence, String explanation) {
        AddressClass cls = address == null ? null : state.machine.classify(address);
        out.begin(traceId).i64(nextId++).str(kind).i64(ts).i32(cpu).i32(ctx.tid()).i32(ctx.pid())
                .str(ctx.processName()).i64(span == null ? null : span.id).str(span == null ? null : span.kind)
                .i32(span == null ? null : span.irql).u64(address).str(cls == null ? null : cls.sqlName()).i64(irpId)
                .str(table).i64(seq).str(evidence).str(explanation).end();
        byKind.merge(kind, 1L, Long::sum);
    }

    private static String describe(Span s) {
        return s.kind + " span " + s.id + (s.module == null ? "" : " (" + s.module + ")")
                + (s.irql == null ? "" : " at IRQL " + s.irql);
    }

    private static String addr(Long a) {
        return a == null ? "NULL" : "0x" + Long.toHexString(a);
    }

    public Map<String, Long> byKind() {
        return byKind;
    }
}
