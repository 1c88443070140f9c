package etwreplay.replay.track;

import etwreplay.replay.machine.IrqlTable;
import etwreplay.replay.machine.MachineSpec;

/**
 * The replayed machine at the scan's current instant: its model, the live processes and modules, each
 * CPU's current thread and its stack of ISR/DPC spans. Answers the questions every request and hazard
 * rule asks: who issued this, and where and in whose context is this CPU now. One thread.
 */
public final class MachineState {
    /** completion_irql_basis at thread level: no span in progress, PASSIVE_LEVEL assumed. */
    static final String THREAD_ASSUMED = "thread_assumed";
    final MachineSpec machine;
    final ProcessDirectory directory;
    final ModuleMap modules;
    final CpuContextTracker contexts;
    final IrqlTracker irql;

    public MachineState(MachineSpec machine, ProcessDirectory directory, ModuleMap modules,
            CpuContextTracker contexts, IrqlTracker irql) {
        this.machine = machine;
        this.directory = directory;
        this.modules = modules;
        this.contexts = contexts;
        this.irql = irql;
    }

    /** The CPU's situation at {@code ts} (event {@code seq}): span, IRQL and current thread. */
    Completion observe(Integer cpu, long ts, long seq) {
        Span span = irql.at(cpu, ts);
        Context ctx = contexts.at(cpu, ts);
        if (span == null) {
            return new Completion(ts, cpu, seq, null, cpu == null ? null : IrqlTable.PASSIVE_LEVEL,
                    cpu == null ? null : THREAD_ASSUMED, ctx);
        }
        return new Completion(ts, cpu, seq, span, span.irql, span.irqlBasis, ctx);
    }

    /**
     * The issuer from an event's own pid/tid; a missing pid comes from the thread directory; with no tid
     * at all, the thread current on the event's CPU (dispatch runs in the caller's context).
     */
    Issuer issuer(Integer pid, Integer tid, String processName, Integer cpu, long ts) {
        Integer t = tid;
        Integer p = pid;
        if (t == null && p == null && cpu != null && irql.at(cpu, ts) == null) {
            Context c = contexts.at(cpu, ts);
            t = c.tid();
            p = c.pid();
        }
        if (p == null) {
            p = directory.pidOf(t);
        }
        if (t == null && p == null) {
            return Issuer.UNKNOWN;
        }
        String name = directory.processName(p, t);
        return new Issuer(t, p, name != null ? name : processName, directory.directoryTableBase(p));
    }
}
