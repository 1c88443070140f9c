package etwreplay.cli;

import etwreplay.ingest.store.Database;
import etwreplay.queries.Report;
import etwreplay.queries.ReportCatalog;
import etwreplay.queries.ReportRunner;
import etwreplay.queries.ReportUsageException;
import etwreplay.queries.ResultWriter;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
                + " threshold), top ... They are bound as values, never pasted into the SQL.",
            "Rows are written as they come, so a result of any size (a whole-trace cpu_timeline) needs no memory of its"
                + " own; an --output file appears only once complete. While rows go to a file, a terminal's stderr"
                + " shows how many are written."},
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
        List<String> notes;
        try (Database db = dbOptions.openReadOnly(cmd)) {
            ReportRunner runner = new ReportRunner(db);
            // A progress line only when the rows go to a file (--output, or stdout redirected to one).
            TerminalProgress terminal = output != null || TerminalProgress.stdoutIsFile()
                    ? TerminalProgress.onStderr() : TerminalProgress.none();
            String label = "report " + report.name();
            if (output == null) {
                // Rows are printed as they come: a 30 M-row timeline in constant memory.
                Writer out = new BufferedWriter(cmd.getOut(), 1 << 16);
                ResultWriter writer = ResultWriter.of(report, format.format, out);
                try (AutoCloseable ticking = terminal.ticking(label, writer::rowsSoFar)) {
                    notes = runner.stream(report, params, writer);
                }
                writer.finish();
                out.flush();
            } else {
                ResultWriter[] written = new ResultWriter[1];
                notes = OutputFile.write(output, out -> {
                    written[0] = ResultWriter.of(report, format.format, out);
                    List<String> n;
                    try (AutoCloseable ticking = terminal.ticking(label, written[0]::rowsSoFar)) {
                        n = runner.stream(report, params, written[0]);
                    }
                    written[0].finish();
                    return n;
                });
                long rows = written[0].rows();
                cmd.getOut().printf("Wrote %d %s of report %s to %s%n", rows, rows == 1 ? "row" : "rows",
                        report.name(), output);
            }
        } catch (ReportUsageException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
        cmd.getOut().flush();
        PrintWriter err = cmd.getErr();
        notes.forEach(err::println);
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
