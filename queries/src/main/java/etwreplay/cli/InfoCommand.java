package etwreplay.cli;

import etwreplay.ingest.store.Database;
import etwreplay.queries.ResultPrinter;
import etwreplay.queries.TraceOverview;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code etwreplay info}: the traces in a database, rows per table, anomalies. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Shows the traces in a database, the rows of each event table, and the anomalies counted"
            + " while reading them (by severity; --anomalies lists each kind with its first location).",
        footer = {"", "Examples:", "  etwreplay info --db trace.duckdb", "  etwreplay info --db all.duckdb --trace 2 --anomalies",
            ExitCode.HELP_TEXT})
final class InfoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions dbOptions = new DatabaseOptions();

    @Option(names = "--trace", paramLabel = "ID", description = "Only this trace.")
    Integer traceId;

    @Option(names = "--anomalies", description = "List every anomaly kind with its first location and example.")
    boolean anomalies;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = dbOptions.openReadOnly(spec.commandLine())) {
            TraceOverview overview = new TraceOverview(db);
            out.println("Traces in " + db.file() + ":");
            out.print(ResultPrinter.toTable(overview.traces(traceId)));
            out.println();
            out.println("Rows per event table:");
            out.print(ResultPrinter.toTable(overview.rowsPerTable(traceId)));
            out.println();
            out.println("Anomalies by severity (info: harmless; data_loss: results may be incomplete; error: the"
                    + " input contradicts itself):");
            out.print(ResultPrinter.toTable(anomalies ? overview.anomalies(traceId)
                    : overview.anomaliesBySeverity(traceId)));
            overview.warnings(traceId).forEach(out::println);
        }
        out.flush();
        return ExitCode.OK;
    }
}
