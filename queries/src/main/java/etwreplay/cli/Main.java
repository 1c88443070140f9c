package etwreplay.cli;

import etwreplay.ingest.BadInputException;
import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.store.DatabaseInUseException;
import etwreplay.ingest.store.Schema;
import etwreplay.queries.NotReplayedException;
import java.io.PrintWriter;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code etwreplay} command line. Every failure the user can act on ends in one line on stderr and a
 * documented exit code ({@link ExitCode}); only bugs print a stack trace, and only with
 * {@code ETWREPLAY_DEBUG=1}.
 */
@Command(name = "etwreplay", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Replays Windows ETW kernel traces against a model of the recording machine and answers"
            + " in SQL: where each I/O request completed, in whose process context, at which IRQL.", ""},
        subcommands = {AnalyzeCommand.class, IngestCommand.class, ReplayCommand.class, InfoCommand.class, SqlCommand.class,
            ReportsCommand.class, ReportCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Start with:  etwreplay analyze TRACE",
            "TRACE: a raw .etl file, xperf dumper text (xperf -i t.etl -o t.txt), a tracerpt XML/CSV export or a"
                + " WPA CSV table export; recognised by content.",
            ExitCode.HELP_TEXT})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (see --help)");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given output streams; returns the exit code. For tests and embedding. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            int code = exitCodeFor(e);
            err.println("etwreplay: " + messageFor(e, code));
            if (code == ExitCode.INTERNAL && "1".equals(System.getenv("ETWREPLAY_DEBUG"))) {
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        cl.setParameterExceptionHandler((e, params) -> {
            err.println("etwreplay: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
            err.flush();
            return ExitCode.USAGE;
        });
        return cl.execute(args);
    }

    static int exitCodeFor(Throwable e) {
        if (e instanceof BadInputException) {
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof DatabaseInUseException || e instanceof Schema.SchemaMismatchException
                || e instanceof DatabaseMissingException || e instanceof NotReplayedException) {
            return ExitCode.DATABASE;
        }
        if (e instanceof TraceIngester.AlreadyIngestedException) {
            return ExitCode.ALREADY_INGESTED;
        }
        if (e instanceof UserSqlException) {
            return ExitCode.USAGE;
        }
        return ExitCode.INTERNAL;
    }

    private static String messageFor(Throwable e, int code) {
        if (code != ExitCode.INTERNAL) {
            return e.getMessage();
        }
        String what = e instanceof SQLException ? "database error" : e.getClass().getSimpleName();
        return "internal error (" + what + ": " + e.getMessage() + "); this is a bug, please report it with the"
                + " command line (ETWREPLAY_DEBUG=1 shows the stack trace)";
    }

    /** SQL the user wrote that DuckDB rejected. */
    static final class UserSqlException extends Exception {
        private static final long serialVersionUID = 1L;

        UserSqlException(SQLException e) {
            super("SQL error: " + e.getMessage().lines().findFirst().orElse("")
                    + (String.valueOf(e.getMessage()).contains("read-only") ? " (add --write to change the database)"
                            : ""));
        }
    }

    /** No database file where one was expected. */
    static final class DatabaseMissingException extends Exception {
        private static final long serialVersionUID = 1L;

        DatabaseMissingException(java.nio.file.Path file) {
            super(file + ": no such database; create one with `etwreplay ingest TRACE --db " + file + "`");
        }
    }
}
