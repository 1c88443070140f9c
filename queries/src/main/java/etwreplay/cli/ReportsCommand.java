package etwreplay.cli;

import etwreplay.queries.Report;
import etwreplay.queries.ReportCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code etwreplay reports [NAME]}: the shipped reports, or one report's documentation. */
@Command(name = "reports", mixinStandardHelpOptions = true,
        description = {"Lists the shipped reports with what each one answers; with a NAME, shows that report's"
            + " documentation: its parameters and every column.",
            "Run one with `etwreplay report NAME`. The reports are plain .sql files that also run unchanged in"
                + " the duckdb CLI (see the README)."},
        footer = {"", "Examples:", "  etwreplay reports", "  etwreplay reports dpc_isr_latency", ExitCode.HELP_TEXT})
final class ReportsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "Show this report's documentation.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ReportCatalog catalog = ReportCatalog.shipped();
        if (name == null) {
            int width = catalog.names().stream().mapToInt(String::length).max().orElse(0);
            for (Report r : catalog.all()) {
                out.printf("%-" + width + "s  %s%n", r.name(), r.description());
            }
            out.println();
            out.println("Run one: etwreplay report NAME [--db FILE] [--param name=value ...] [-f table|csv|json|markdown]");
            out.println("Its parameters and columns: etwreplay reports NAME");
        } else {
            Report r = ReportCommand.find(spec.commandLine(), name);
            out.print(r.documentation());
            out.println("Resource: " + r.resourcePath());
        }
        out.flush();
        return ExitCode.OK;
    }
}
