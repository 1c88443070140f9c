package etwreplay.replay;

import etwreplay.ingest.store.BulkWriteSettings;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.store.StoreException;
import etwreplay.replay.machine.MachineChoice;
import etwreplay.replay.machine.MachineInference;
import etwreplay.replay.machine.MachineSpec;
import etwreplay.replay.store.DerivedTable;
import etwreplay.ingest.store.AnomalyCounter;
import etwreplay.replay.store.ReplayAnomaly;
import etwreplay.replay.store.ReplaySchema;
import etwreplay.replay.track.CpuContextTracker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays ingested traces against the machine model and writes the derived tables ({@code machine},
 * {@code cpu_context}, {@code irql_span}, {@code irp}, {@code irq_chain}, {@code hazard}; see
 * {@code replay-schema.sql}) and the replay's anomaly counts in {@code trace_stat}. Reads only the raw
 * tables, so it works the same whatever format the trace was ingested from. Each replay of a trace is one
 * transaction that first deletes that trace's derived rows: replaying again replaces, and a failed replay
 * leaves the previous result. Not thread-safe (a {@link Database} is used by one thread).
 */
public final class ReplayEngine {
    private ReplayEngine() {
    }

    /**
     * Replays one trace.
     *
     * @param db      a database opened for writing
     * @param traceId the trace ({@code trace.trace_id})
     * @param machine the machine to judge the trace against, or null to infer it from the trace
     * @throws IllegalArgumentException when the database is read-only or holds no such trace
     */
    public static ReplaySummary replay(Database db, int traceId, MachineSpec machine) throws SQLException {
        return replay(db, traceId, machine, ReplayProgress.NONE);
    }

    /** As {@link #replay(Database, int, MachineSpec)}, telling {@code progress} how far it has got. */
    public static ReplaySummary replay(Database db, int traceId, MachineSpec machine, ReplayProgress progress)
            throws SQLException {
        if (db.readOnly()) {
            throw new IllegalArgumentException("replay writes derived tables: open the database for writing");
        }
        Connection c = db.connection();
        try (BulkWriteSettings settings = BulkWriteSettings.apply(c)) {
            return replayInTransaction(c, traceId, machine, progress);
        }
    }

    private static ReplaySummary replayInTransaction(Connection c, int traceId, MachineSpec machine,
            ReplayProgress progress) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN TRANSACTION");
        }
        try {
            boolean rebuilt = ReplaySchema.ensure(c);
            TraceRecord trace = TraceRecord.load(c, traceId);
            MachineChoice choice = machine == null ? MachineInference.infer(trace.facts())
                    : MachineInference.given(machine, trace.facts());
            deletePrevious(c, traceId);
            AnomalyCounter<ReplayAnomaly> anomalies = new AnomalyCounter<>(ReplayAnomaly.class);
            noteTrace(trace, choice, anomalies);
            ReplaySummary summary;
            try (ReplayPass pass = new ReplayPass(c, trace, choice, anomalies)) {
                pass.run(progress);
                if (pass.contextMode() == CpuContextTracker.Mode.SAMPLE) {
                    anomalies.add(ReplayAnomaly.CONTEXT_FROM_SAMPLES, null,
                            trace.rows("sample") + " samples, no CSwitch");
                }
                summary = summarize(trace, choice, pass, anomalies, rebuilt);
            }
            anomalies.writeTo(c, traceId);
            try (Statement st = c.createStatement()) {
                st.execute("COMMIT");
            }
            return summary;
        } catch (SQLException | RuntimeException e) {
            try (Statement st = c.createStatement()) {
                st.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // The transaction is already gone; nothing more to undo.
            }
            if (e instanceof StoreException s && s.getCause() instanceof SQLException q) {
                throw q;
            }
            throw e;
        }
    }

    /** Replays every trace in the database, in trace_id order (each in its own transaction). */
    public static List<ReplaySummary> replayAll(Database db, MachineSpec machine) throws SQLException {
        return replayAll(db, machine, ReplayProgress.NONE);
    }

    /** As {@link #replayAll(Database, MachineSpec)}, telling {@code progress} how far each replay has got. */
    public static List<ReplaySummary> replayAll(Database db, MachineSpec machine, ReplayProgress progress)
            throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Statement st = db.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT trace_id FROM trace ORDER BY trace_id")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        List<ReplaySummary> out = new ArrayList<>();
        for (int id : ids) {
            out.add(replay(db, id, machine, progress));
        }
        return out;
    }

    private static void deletePrevious(Connection c, int traceId) throws SQLException {
        for (DerivedTable t : DerivedTable.values()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t.tableName() + " WHERE trace_id = ?")) {
                ps.setInt(1, traceId);
                ps.executeUpdate();
            }
        }
        for (ReplayAnomaly a : ReplayAnomaly.values()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM trace_stat WHERE trace_id = ? AND name = ?")) {
                ps.setInt(1, traceId);
                ps.setString(2, a.sqlName());
                ps.executeUpdate();
            }
        }
    }

    /** Facts about the whole trace that the results depend on. */
    private static void noteTrace(TraceRecord trace, MachineChoice choice, AnomalyCounter<ReplayAnomaly> anomalies) {
        long lost = (trace.eventsLost() == null ? 0 : trace.eventsLost())
                + (trace.buffersLost() == null ? 0 : trace.buffersLost());
        if (lost > 0) {
            anomalies.add(ReplayAnomaly.LOSSY_TRACE, "trace header", "events lost: " + trace.eventsLost()
                    + ", buffers lost: " + trace.buffersLost());
        }
        if (choice.given() && trace.pointerSize() != null && trace.pointerSize() != choice.spec().pointerSize()) {
            anomalies.add(ReplayAnomaly.MACHINE_POINTER_SIZE_MISMATCH, "trace header", "pointer size "
                    + trace.pointerSize() + ", --machine " + choice.spec().name());
        }
    }

    private static ReplaySummary summarize(TraceRecord trace, MachineChoice choice, ReplayPass pass,
            AnomalyCounter<ReplayAnomaly> anomalies, boolean rebuilt) {
        List<String> warnings = new ArrayList<>();
        if (anomalies.count(ReplayAnomaly.LOSSY_TRACE) > 0) {
            warnings.add("the recording lost " + (trace.eventsLost() == null ? 0 : trace.eventsLost()) + " events and "
                    + (trace.buffersLost() == null ? 0 : trace.buffersLost()) + " buffers: unmatched, reused and open"
                    + " requests may be artifacts of the loss (trace_stat: lossy_trace)");
        }
        switch (pass.contextMode()) {
            case SAMPLE -> warnings.add("the trace has no CSwitch events: per-CPU context and foreign_context come from"
                    + " SampledProfile and are approximate (cpu_context.source = 'sample')");
            case NONE -> warnings.add("the trace has neither CSwitch nor SampledProfile events: the process current at"
                    + " each completion is unknown (foreign_context is NULL)");
            default -> {
            }
        }
        if (anomalies.count(ReplayAnomaly.MACHINE_POINTER_SIZE_MISMATCH) > 0) {
            warnings.add("--machine " + choice.spec().name() + " has pointer size " + choice.spec().pointerSize()
                    + " but the trace records " + trace.pointerSize());
        }
        if (anomalies.count(ReplayAnomaly.SPAN_NESTED_AT_EQUAL_OR_HIGHER_IRQL) > 0) {
            warnings.add(anomalies.count(ReplayAnomaly.SPAN_NESTED_AT_EQUAL_OR_HIGHER_IRQL) + " ISR/DPC spans nest"
                    + " where real hardware cannot (irql_span.anomaly); they are kept but not built on");
        }
        if (rebuilt) {
            warnings.add("the derived tables were written by another etwreplay version and were rebuilt: replay the"
                    + " other traces in this database again");
        }
        Map<String, Long> anomalyCounts = new TreeMap<>();
        anomalies.tallies().forEach((k, v) -> anomalyCounts.put(k.sqlName(), v.count()));
        String context = switch (pass.contextMode()) {
            case CSWITCH -> "cswitch";
            case SAMPLE -> "sample";
            default -> "none";
        };
        return new ReplaySummary(trace.traceId(), trace.fileName(), choice, context,
                Collections.unmodifiableMap(trace.rawRows()), pass.rows(DerivedTable.CPU_CONTEXT),
                sorted(pass.spansByKind()), sorted(pass.requests().byFamily()), sorted(pass.requests().byStatus()),
                pass.requests().foreignCompletions(), pass.rows(DerivedTable.IRQ_CHAIN),
                sorted(pass.hazards().byKind()),
                pass.worstSpans(), pass.worstIsrToDpc(), sorted(anomalyCounts), List.copyOf(warnings));
    }

    /** A read-only copy in key order, so a summary prints the same way every time. */
    private static Map<String, Long> sorted(Map<String, Long> m) {
        return Collections.unmodifiableMap(new TreeMap<>(m));
    }
}
