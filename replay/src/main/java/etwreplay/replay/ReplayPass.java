package etwreplay.replay;

import etwreplay.replay.machine.MachineChoice;
import etwreplay.replay.machine.MachineSpec;
import etwreplay.replay.scan.OrderedScan;
import etwreplay.replay.scan.ReplayEvent;
import etwreplay.replay.store.DerivedTable;
import etwreplay.ingest.store.AnomalyCounter;
import etwreplay.replay.store.DerivedWriter;
import etwreplay.replay.store.ReplayAnomaly;
import etwreplay.replay.store.TableAppender;
import etwreplay.replay.track.ChainTracker;
import etwreplay.replay.track.CpuContextTracker;
import etwreplay.replay.track.DiskRequests;
import etwreplay.replay.track.DriverRequests;
import etwreplay.replay.track.FileRequests;
import etwreplay.replay.track.HazardDetector;
import etwreplay.replay.track.IrqlTracker;
import etwreplay.replay.track.MachineState;
import etwreplay.replay.track.ModuleMap;
import etwreplay.replay.track.ProcessDirectory;
import etwreplay.replay.track.RequestLog;
import etwreplay.replay.track.Span;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;

/**
 * One replay of one trace: builds the trackers, feeds them the ordered scan through a handler per event
 * kind (dispatched from a map built once), closes what is still open at the trace end, and writes the
 * {@code machine} row:
 *
 * <pre>
 * machine(trace_id, name, architecture, source, basis, pointer_size, os_build, cpu_count, page_size, va_bits,
 *         lowest_user_address, highest_user_address, user_probe_address, system_range_start, dirql_min,
 *         dirql_max, isr_irql_rule, irql_levels)
 * </pre>
 *
 * Runs inside the caller's transaction. One thread; use once.
 */
final class ReplayPass implements AutoCloseable {
    private final TraceRecord trace;
    private final MachineChoice machine;
    private final Connection connection;
    private final AnomalyCounter<ReplayAnomaly> anomalies;
    private final Map<DerivedTable, TableAppender> out = new EnumMap<>(DerivedTable.class);
    /** Stores the derived rows (on a thread of its own when the machine has two or more processors). */
    private final DerivedWriter writer;
    private final ProcessDirectory directory = new ProcessDirectory();
    private final ModuleMap modules;
    private final CpuContextTracker contexts;
    private final IrqlTracker irql;
    private final ChainTracker chains;
    private final HazardDetector hazards;
    private final RequestLog requests;
    private final DiskRequests disk;
    private final FileRequests file;
    private final DriverRequests driver;
    private final Map<Class<? extends ReplayEvent>, Consumer<ReplayEvent>> handlers = new HashMap<>();
    private final Map<String, Long> spansByKind = new TreeMap<>();
    /** The longest spans so far; its head is the shortest of them (later spans lose ties). */
    private final PriorityQueue<Span> longest = new PriorityQueue<>(Comparator.comparingLong(ReplayPass::duration)
            .thenComparing(Comparator.comparingLong(Span::id).reversed()));
    private long lastTs = Long.MIN_VALUE;
    /** Events the ordered scan has fed so far, and the count at which progress is told next. */
    private long scanned;
    private long nextProgress = ReplayProgress.EVERY_EVENTS;

    ReplayPass(Connection connection, TraceRecord trace, MachineChoice machine, AnomalyCounter<ReplayAnomaly> anomalies)
            throws SQLException {
        this.connection = connection;
        this.trace = trace;
        this.machine = machine;
        this.anomalies = anomalies;
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        writer = new DerivedWriter(duck, trace.traceId());
        for (DerivedTable t : DerivedTable.values()) {
            out.put(t, writer.appender(t));
        }
        int id = trace.traceId();
        MachineSpec spec = machine.spec();
        CpuContextTracker.Mode mode = trace.rows("cswitch") > 0 ? CpuContextTracker.Mode.CSWITCH
                : trace.rows("sample") > 0 ? CpuContextTracker.Mode.SAMPLE : CpuContextTracker.Mode.NONE;
        modules = new ModuleMap(spec);
        contexts = new CpuContextTracker(mode, id, directory, out.get(DerivedTable.CPU_CONTEXT), anomalies);
        irql = new IrqlTracker(id, spec, modules, contexts, out.get(DerivedTable.IRQL_SPAN), anomalies);
        MachineState state = new MachineState(spec, directory, modules, contexts, irql);
        chains = new ChainTracker(id, state, out.get(DerivedTable.IRQ_CHAIN));
        hazards = new HazardDetector(id, state, out.get(DerivedTable.HAZARD));
        requests = new RequestLog(id, state, out.get(DerivedTable.IRP), anomalies, chains, hazards);
        disk = new DiskRequests(requests, anomalies);
        file = new FileRequests(requests, anomalies);
        driver = new DriverRequests(requests, anomalies);
        on(ReplayEvent.Process.class, directory::onProcess);
        on(ReplayEvent.Thread.class, e -> {
            directory.onThread(e);
            if ("End".equals(e.kind())) {
                chains.onThreadEnd(e);
            }
        });
        on(ReplayEvent.Image.class, e -> {
            modules.onImage(e);
            hazards.onImage(e);
        });
        on(ReplayEvent.CSwitch.class, e -> {
            contexts.onCSwitch(e);
            chains.onCSwitch(e);
        });
        on(ReplayEvent.Ready.class, chains::onReady);
        on(ReplayEvent.Span.class, this::onSpan);
        on(ReplayEvent.Disk.class, disk::on);
        on(ReplayEvent.File.class, file::on);
        on(ReplayEvent.Driver.class, driver::on);
        on(ReplayEvent.Fault.class, hazards::onFault);
        on(ReplayEvent.Sample.class, e -> {
            contexts.onSample(e);
            hazards.onSample(e);
            chains.onSample(e);
        });
    }

    private <E extends ReplayEvent> void on(Class<E> kind, Consumer<E> handler) {
        handlers.put(kind, e -> handler.accept(kind.cast(e)));
    }

    private void onSpan(ReplayEvent.Span e) {
        Span s = irql.enter(e);
        chains.onSpan(s);
        irql.write(s);
        hazards.onSpan(e, s);
        spansByKind.merge(e.kind() == null ? "unknown" : e.kind(), 1L, Long::sum);
        if (s.cpu() != null && !s.impossible()) {
            longest.add(s);
            if (longest.size() > ReplaySummary.WORST_SPANS) {
                longest.poll();
            }
        }
    }

    private static long duration(Span s) {
        return s.end() - s.start();
    }

    /** Runs the whole pass, telling {@code progress} how far the scan has got. */
    void run(ReplayProgress progress) throws SQLException {
        writeMachine();
        OrderedScan scan = new OrderedScan(connection, trace.traceId());
        scan.rundown(this::dispatch);
        for (TraceRecord.FirstSwitch f : trace.firstSwitches()) {
            contexts.initial(f.cpu(), f.oldTid(), f.oldPid(), f.oldProcessName());
        }
        // The per-event path is one increment and a compare; the call sits out of line (a small consumer
        // lambda keeps dispatch inlined into it).
        scan.events(e -> {
            lastTs = Math.max(lastTs, e.ts());
            dispatch(e);
            if (++scanned == nextProgress) {
                nextProgress += ReplayProgress.EVERY_EVENTS;
                progress.progress(trace.traceId(), lastTs, trace.durationNs(), scanned);
            }
        });
        long end = Math.max(trace.durationNs(), lastTs == Long.MIN_VALUE ? 0 : lastTs);
        progress.progress(trace.traceId(), end, trace.durationNs(), scanned);
        disk.finish(end);
        file.finish(end);
        driver.finish(end);
        chains.finish();
        contexts.finish(end);
    }

    private void dispatch(ReplayEvent e) {
        Consumer<ReplayEvent> h = handlers.get(e.getClass());
        if (h != null) {
            h.accept(e);
        }
    }

    private void writeMachine() {
        MachineSpec s = machine.spec();
        out.get(DerivedTable.MACHINE).begin(trace.traceId()).str(s.name()).str(s.architecture().sqlName())
                .str(machine.source()).str(machine.basis()).i32(s.pointerSize()).i32(machine.osBuild())
                .i32(machine.cpuCount()).i32(s.pageSize()).i32(s.vaBits()).u64(s.lowestUserAddress())
                .u64(s.highestUserAddress()).u64(s.userProbeAddress()).u64(s.systemRangeStart())
                .i32(s.irql().deviceMin()).i32(s.irql().deviceMax()).str(s.irql().isrIrqlRule())
                .map(s.irql().levels()).end();
    }

    CpuContextTracker.Mode contextMode() {
        return contexts.mode();
    }

    long rows(DerivedTable t) {
        return out.get(t).rows();
    }

    Map<String, Long> spansByKind() {
        return spansByKind;
    }

    RequestLog requests() {
        return requests;
    }

    HazardDetector hazards() {
        return hazards;
    }

    /** The paired DPC that waited longest after its ISR, or null. */
    ReplaySummary.IsrToDpc worstIsrToDpc() {
        Span dpc = chains.worstIsrToDpc();
        return dpc == null ? null : new ReplaySummary.IsrToDpc(ChainTracker.isrOf(dpc).id(), dpc.id(), dpc.cpu(),
                dpc.start(), ChainTracker.isrToDpcNs(dpc));
    }

    /** The longest spans, longest first. */
    List<ReplaySummary.WorstSpan> worstSpans() {
        List<Span> spans = new ArrayList<>(longest);
        spans.sort(Comparator.comparingLong(ReplayPass::duration).reversed().thenComparingLong(Span::id));
        List<ReplaySummary.WorstSpan> outList = new ArrayList<>();
        for (Span s : spans) {
            outList.add(new ReplaySummary.WorstSpan(s.id(), s.kind(), s.cpu(), s.start(), duration(s), s.module()));
        }
        return outList;
    }

    /** Stores the rows still collected into the transaction. */
    @Override
    public void close() throws SQLException {
        writer.finish();
    }
}
