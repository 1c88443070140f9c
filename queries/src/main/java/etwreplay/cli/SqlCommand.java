package etwreplay.cli;

import etwreplay.ingest.store.Database;
import etwreplay.queries.ResultWriter;
import java.io.BufferedWriter;
import java.io.Writer;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etwreplay sql "QUERY"}: ad-hoc SQL over the database, read-only unless {@code --write}. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Runs one SQL statement (DuckDB dialect) against the database and prints the result.",
            "The database is opened read-only unless --write is given. Tables: trace, trace_stat, process, thread,"
                + " image, cswitch, ready_thread, dpc, isr, disk_io, file_io, driver_irp, page_fault, sample,"
                + " syscall, stack, generic_event. ts is ns since the trace start; addr(x) prints an address"
                + " in hex. Rows are printed as they come, so a result of any size needs no memory of its own.",
            "Table format aligns its columns over the first 10,000 rows."},
        footer = {"", "Examples:",
            "  etwreplay sql --db t.duckdb \"SELECT kind, count(*) FROM disk_io GROUP BY kind ORDER BY kind\"",
            "  etwreplay sql --db t.duckdb -f csv \"SELECT ts, cpu, addr(routine), routine_symbol FROM dpc\"",
            "  etwreplay sql --db t.duckdb --file my-report.sql      (or QUERY '-' to read it from stdin)",
            ExitCode.HELP_TEXT})
final class SqlCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions dbOptions = new DatabaseOptions();

    @Mixin
    FormatOption format = new FormatOption();

    @Option(names = "--write", description = "Open the database for writing (e.g. to CREATE a table or view).")
    boolean write;

    @Parameters(paramLabel = "QUERY", arity = "0..1",
            description = "The SQL statement ('-' reads it from stdin). A statement that starts with '--' (a comment)"
                + " must come after a lone '--' or from --file.")
    String query;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the SQL statement from this file.")
    java.nio.file.Path file;

    @Override
    public Integer call() throws Exception {
        String sql = statement();
        try (Database db = write ? dbOptions.openForWrite(spec.commandLine())
                : dbOptions.openReadOnly(spec.commandLine())) {
            // Rows are printed as they come, so a result of any size needs no memory for itself.
            Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
            ResultWriter writer = ResultWriter.of(format.format, out);
            // A progress line only when the rows go to a file (stdout redirected to one).
            TerminalProgress terminal = TerminalProgress.stdoutIsFile() ? TerminalProgress.onStderr()
                    : TerminalProgress.none();
            try (AutoCloseable ticking = terminal.ticking("sql", writer::rowsSoFar)) {
                db.stream(writer, sql);
            } catch (SQLException e) {
                throw new Main.UserSqlException(e);
            }
            writer.finish();
            out.flush();
        }
        return ExitCode.OK;
    }

    /** The statement from QUERY, stdin or --file: exactly one of them. */
    private String statement() throws java.io.IOException {
        if ((query == null) == (file == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give the SQL statement either as QUERY or with --file FILE (not both, not neither)");
        }
        if (file != null) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), file + ": no such SQL file");
            }
            return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (query.equals("-")) {
            return new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return query;
    }
}
