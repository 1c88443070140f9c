package etwreplay.cli;

import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.format.ProgressListener;
import etwreplay.ingest.format.TraceFormat;
import etwreplay.ingest.store.Database;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etwreplay ingest TRACE}: reads a trace into the database, all or nothing. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Reads a trace into a DuckDB database, in one transaction: on any error the database is"
            + " left exactly as it was. A file ingested before (same content) is refused unless --replace.",
            "Formats are recognised by content: raw .etl (compressed or not, x86 or x64), xperf dumper text"
                + " (xperf -i trace.etl -o trace.txt), tracerpt XML or CSV (tracerpt trace.etl -of XML), and WPA"
                + " CSV table exports in any locale."},
        footer = {"", "Examples:",
            "  etwreplay ingest trace.txt                  # creates trace.duckdb beside it",
            "  etwreplay ingest b.txt --db all.duckdb      # several traces in one database",
            ExitCode.HELP_TEXT})
final class IngestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TRACE", description = "The trace file.")
    Path trace;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: beside the trace, .duckdb).")
    Path db;

    @Option(names = "--format", paramLabel = "FORMAT", converter = TraceFormatConverter.class,
            description = "Read the file as this format instead of detecting it: etl, xperf, tracerpt-xml,"
                + " tracerpt-csv, wpa-csv.")
    TraceFormat format;

    @Option(names = "--replace", description = "Re-ingest a trace that is already in the database.")
    boolean replace;

    @Mixin
    MemoryLimitOption memory = new MemoryLimitOption();

    @Override
    public Integer call() throws Exception {
        memory.check(spec.commandLine());
        Path dbFile = db != null ? db : DatabaseLocation.besideTrace(trace);
        TraceIngester.Result r = IngestTarget.with(dbFile,
                database -> ingest(memory.apply(database), trace, format, replace));
        printSummary(spec.commandLine().getOut(), r, dbFile);
        return ExitCode.OK;
    }

    /** Ingests with progress on a terminal. */
    static TraceIngester.Result ingest(Database database, Path trace, TraceFormat format, boolean replace)
            throws Exception {
        long size = Files.isRegularFile(trace) ? Files.size(trace) : 0;
        TerminalProgress terminal = TerminalProgress.onStderr();
        ProgressListener progress = terminal.ingest("ingesting " + trace.getFileName(), size);
        try {
            return new TraceIngester(database, Version.current())
                    .ingest(trace, new TraceIngester.Options(format, replace, progress));
        } finally {
            terminal.done();
        }
    }

    static void printSummary(PrintWriter out, TraceIngester.Result r, Path dbFile) {
        var s = r.summary();
        out.printf(Locale.ROOT, "%s trace %d (%s) into %s: %,d events%n",
                r.replacedTraceId() != null ? "Replaced" : "Ingested", s.traceId(), r.format().cliName(), dbFile,
                s.events());
        StringBuilder tables = new StringBuilder();
        for (EventTable t : EventTable.values()) {
            long n = s.rowsPerTable().get(t);
            if (n > 0) {
                tables.append(tables.length() == 0 ? "  " : ", ").append(t.tableName()).append(' ').append(n);
            }
        }
        out.println(tables);
        long anomalies = s.anomalies().tallies().values().stream().mapToLong(x -> x.count()).sum();
        if (anomalies > 0) {
            out.printf(Locale.ROOT, "  %,d anomalies of %d kinds counted in trace_stat (etwreplay info --db %s)%n",
                    anomalies, s.anomalies().tallies().size(), dbFile);
        }
    }

    static final class TraceFormatConverter implements CommandLine.ITypeConverter<TraceFormat> {
        @Override
        public TraceFormat convert(String value) {
            try {
                return TraceFormat.fromCliName(value);
            } catch (IllegalArgumentException e) {
                StringBuilder names = new StringBuilder();
                for (TraceFormat f : TraceFormat.values()) {
                    names.append(names.length() == 0 ? "" : ", ").append(f.cliName());
                }
                throw new CommandLine.TypeConversionException("'" + value + "' is not a trace format (" + names + ")");
            }
        }
    }
}
