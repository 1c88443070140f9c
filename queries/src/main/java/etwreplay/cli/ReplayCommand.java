package etwreplay.cli;

import etwreplay.ingest.store.Database;
import etwreplay.replay.ReplayEngine;
import etwreplay.replay.ReplaySummary;
import java.io.PrintWriter;
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
            "Replaying again replaces a trace's derived rows (e.g. with another --machine)."},
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
            List<ReplaySummary> summaries = traceId != null
                    ? List.of(ReplayEngine.replay(db, traceId, machine.machine))
                    : ReplayEngine.replayAll(db, machine.machine);
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
}
