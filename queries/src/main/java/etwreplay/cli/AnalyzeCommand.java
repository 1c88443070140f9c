package etwreplay.cli;

import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.format.TraceFormat;
import etwreplay.ingest.store.Database;
import etwreplay.queries.OutputFormat;
import etwreplay.queries.ReportOutput;
import etwreplay.queries.ReportResult;
import etwreplay.queries.ResultPrinter;
import etwreplay.queries.TellingReports;
import etwreplay.queries.TraceOverview;
import etwreplay.replay.ReplaySummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etwreplay analyze TRACE}: ingest (once), then summarise what the trace holds. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"The main job: ingests the trace (unless the same file is already in the database),"
            + " replays it against a model of the recording machine, and summarises it: the machine, what the"
            + " trace contains, the requests and where they completed, foreign-context completions, hazards,"
            + " the longest DPC/ISR spans, the anomalies, what to run next, and the three most telling reports."},
        footer = {"", "Examples:", "  etwreplay analyze sample-traces/disk-read-foreign-context.txt",
            "  etwreplay analyze trace.txt --db all.duckdb", ExitCode.HELP_TEXT})
final class AnalyzeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TRACE", description = "The trace file.")
    Path trace;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: beside the trace, .duckdb).")
    Path db;

    @Option(names = "--format", paramLabel = "FORMAT", converter = IngestCommand.TraceFormatConverter.class,
            description = "Read the file as this format instead of detecting it: etl, xperf, tracerpt-xml,"
                + " tracerpt-csv, wpa-csv.")
    TraceFormat format;

    @Option(names = "--replace", description = "Re-ingest even if the same file is already in the database.")
    boolean replace;

    @Mixin
    MemoryLimitOption memory = new MemoryLimitOption();

    @Mixin
    MachineOption machine = new MachineOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        memory.check(spec.commandLine());
        Path dbFile = db != null ? db : DatabaseLocation.besideTrace(trace);
        IngestTarget.with(dbFile, database -> {
            memory.apply(database);
            int traceId;
            try {
                TraceIngester.Result r = IngestCommand.ingest(database, trace, format, replace);
                IngestCommand.printSummary(out, r, dbFile);
                traceId = r.summary().traceId();
            } catch (TraceIngester.AlreadyIngestedException e) {
                traceId = e.traceId();
                out.printf("%s is already in %s as trace %d; showing it (--replace re-ingests it).%n",
                        trace.getFileName(), dbFile, traceId);
            }
            out.println();
            ReplaySummary summary = ReplayCommand.replay(database, traceId, machine.machine).get(0);
            out.print(summary.toText());
            out.println();
            TraceOverview overview = new TraceOverview(database);
            out.println("Anomalies (info: harmless; data_loss: results may be incomplete; error: contradictory input):");
            out.print(ResultPrinter.toTable(overview.anomalies(traceId)));
            overview.warnings(traceId, false).forEach(out::println);
            out.println();
            out.println("Next:");
            out.printf("  etwreplay info --db %s --anomalies%n", dbFile);
            // Bounded on purpose: a 10 GB trace has millions of requests, and a whole-table dump would take
            // longer than the analysis (3.6 M rows took 11-16 s to print, bench/RESULTS.md).
            out.printf("  etwreplay report irp_slowest --db %s --param trace=%d%n", dbFile, traceId);
            out.printf("  etwreplay sql --db %s \"SELECT * FROM irp WHERE trace_id = %d AND foreign_context"
                    + " ORDER BY latency_ns DESC LIMIT 20\"%n", dbFile, traceId);
            out.printf("  etwreplay reports                      (then: etwreplay report NAME --db %s)%n", dbFile);
            for (ReportResult r : TellingReports.forTrace(database, traceId)) {
                out.println();
                out.printf("Report %s: %s%n", r.report().name(), r.report().description());
                out.print(ReportOutput.render(r, OutputFormat.TABLE));
                r.notes().forEach(out::println);
            }
            return traceId;
        });
        out.flush();
        return ExitCode.OK;
    }
}
