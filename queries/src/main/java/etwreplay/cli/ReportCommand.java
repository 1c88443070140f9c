package etwreplay.cli;

import etwreplay.ingest.store.Database;
import etwreplay.queries.Report;
import etwreplay.queries.ReportCatalog;
import etwreplay.queries.ReportOutput;
import etwreplay.queries.ReportResult;
import etwreplay.queries.ReportRunner;
import etwreplay.queries.ReportUsageException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etwreplay report NAME}: runs one shipped report, its parameters bound as values. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Runs a shipped report (etwreplay reports lists them) against the database, read-only.",
            "Parameters are given as --param name=value (see `etwreplay reports NAME` for a report's own): trace,"
                + " cpu, module, process, from_us/to_us (a time window, µs since the trace start), min_us (a"
                + " threshold), top ... They are bound as values, never pasted into the SQL."},
        footer = {"", "Examples:",
            "  etwreplay report foreign_completions --db trace.duckdb",
            "  etwreplay report dpc_isr_latency --db t.duckdb --param module=ndis.sys --param cpu=0",
            "  etwreplay report cpu_timeline --db t.duckdb -p from_us=1400 -p to_us=1600 -f markdown",
            "  etwreplay report dpc_isr_xperf --db t.duckdb --output dpcisr.txt", ExitCode.HELP_TEXT})
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The report (etwreplay reports lists them).")
    String name;

    @Mixin
    DatabaseOptions dbOptions = new DatabaseOptions();

    @Mixin
    FormatOption format = new FormatOption();

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A report parameter; repeat for several.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        Report report = find(cmd, name);
        ReportResult result;
        try (Database db = dbOptions.openReadOnly(cmd)) {
            result = new ReportRunner(db).run(report, params);
        } catch (ReportUsageException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
        String text = ReportOutput.render(result, format.format);
        if (output != null) {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            int rows = result.table().rows().size();
            cmd.getOut().printf("Wrote %d %s of report %s to %s%n", rows, rows == 1 ? "row" : "rows", report.name(),
                    output);
        } else {
            cmd.getOut().print(text);
        }
        cmd.getOut().flush();
        PrintWriter err = cmd.getErr();
        result.notes().forEach(err::println);
        err.flush();
        return ExitCode.OK;
    }

    /** The shipped report called {@code name}, or a usage error listing them all. */
    static Report find(CommandLine cmd, String name) {
        ReportCatalog catalog = ReportCatalog.shipped();
        return catalog.find(name).orElseThrow(() -> new CommandLine.ParameterException(cmd,
                "no report '" + name + "'; reports: " + String.join(", ", catalog.names())));
    }
}
