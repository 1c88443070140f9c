package etwreplay.cli;

import etwreplay.ingest.store.Database;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --memory-limit} option: DuckDB's memory_limit for the run of one command. */
final class MemoryLimitOption {
    /** A size as DuckDB's memory_limit setting reads it (https://duckdb.org/docs/configuration/overview). */
    private static final Pattern SIZE = Pattern.compile("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    @Option(names = "--memory-limit", paramLabel = "SIZE",
            description = "Cap DuckDB's memory for this run, e.g. 2GB (default: DuckDB's, 80 %% of RAM). Beyond it"
                    + " DuckDB spills to FILE.tmp beside the database where it can - a whole-trace cpu_timeline's"
                    + " sort does.")
    String memoryLimit;

    /** Refuses a malformed size as a usage error, before any database is opened. */
    void check(CommandLine cmd) {
        if (memoryLimit != null && !SIZE.matcher(memoryLimit.strip()).matches()) {
            throw new CommandLine.ParameterException(cmd, "--memory-limit: '" + memoryLimit
                    + "' is not a size such as 2GB or 512MB");
        }
    }

    /** Sets the limit on {@code database} (after {@link #check}); closes it when that fails. */
    Database apply(Database database) throws SQLException {
        if (memoryLimit != null) {
            try (Statement st = database.connection().createStatement()) {
                // Checked against SIZE: digits, a point and a unit, so safe to put in the statement text.
                st.execute("SET memory_limit = '" + memoryLimit.strip() + "'");
            } catch (SQLException e) {
                database.close();
                throw e;
            }
        }
        return database;
    }
}
