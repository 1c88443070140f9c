package etwreplay.cli;

import etwreplay.ingest.store.Database;
import etwreplay.replay.ReplayEngine;
import etwreplay.replay.ReplaySummary;
import etwreplay.replay.machine.MachineSpec;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code etwreplay replay}: (re)builds the derived tables of one or every trace. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays ingested traces against a model of the recording machine and writes the derived"
            + " tables: machine, cpu_context (who ran where, with which CR3), irql_span (ISR/DPC spans),"
            + " irp (every request: issuer, completion CPU/IRQL/span, foreign_context), irq_chain"
            + " (ISR → DPC → completion → APC with latencies) and hazard.",
            "Replaying again replaces a trace's derived rows (e.g. with another --machine).",
            "When stderr is a terminal, a replay longer than a second shows how far it has got (trace time"
                + " reached, events, events/s)."},
        footer = {"", "Examples:", "  etwreplay replay --db trace.duckdb",
            "  etwreplay replay --db trace.duckdb --trace 2 --machine x86-3gb", ExitCode.HELP_TEXT})
final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions dbOptions = new DatabaseOptions();

    @Mixin
    MachineOption machine = new MachineOption();

    @Option(names = "--trace", paramLabel = "ID", description = "Only this trace (default: every trace).")
    Integer traceId;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = dbOptions.openForWrite(spec.commandLine())) {
            List<ReplaySummary> summaries = replay(db, traceId, machine.machine);
            for (ReplaySummary s : summaries) {
                out.print(s.toText());
                out.println();
            }
            if (summaries.isEmpty()) {
                out.println("The database holds no traces; ingest one first (etwreplay ingest TRACE).");
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Replays one trace (or every trace when {@code traceId} is null) with progress on a terminal. */
    static List<ReplaySummary> replay(Database db, Integer traceId, MachineSpec machine) throws SQLException {
        TerminalProgress terminal = TerminalProgress.onStderr();
        try {
            return traceId != null ? List.of(ReplayEngine.replay(db, traceId, machine, terminal.replay()))
                    : ReplayEngine.replayAll(db, machine, terminal.replay());
        } finally {
            terminal.done();
        }
    }
}
