package etwreplay.cli;

import etwreplay.ingest.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --db} and {@code --memory-limit} options of commands that read an existing database. */
final class DatabaseOptions {
    /** A size as DuckDB's memory_limit setting reads it (https://duckdb.org/docs/configuration/overview). */
    private static final Pattern SIZE = Pattern.compile("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    @Option(names = "--db", paramLabel = "FILE",
            description = "Database file (default: $ETWREPLAY_DB, else the only *.duckdb in this directory).")
    Path db;

    @Option(names = "--memory-limit", paramLabel = "SIZE",
            description = "Cap DuckDB's memory for this run, e.g. 2GB (default: DuckDB's, 80 %% of RAM). A larger"
                    + " sort - a whole-trace cpu_timeline - spills to FILE.tmp beside the database instead.")
    String memoryLimit;

    Database openReadOnly(CommandLine cmd) throws Exception {
        checkMemoryLimit(cmd);
        Path file = DatabaseLocation.existing(db, cmd);
        if (!Files.isRegularFile(file)) {
            throw new Main.DatabaseMissingException(file);
        }
        return limited(Database.openReadOnly(file));
    }

    Database openForWrite(CommandLine cmd) throws Exception {
        checkMemoryLimit(cmd);
        Path file = DatabaseLocation.existing(db, cmd);
        if (!Files.isRegularFile(file)) {
            throw new Main.DatabaseMissingException(file);
        }
        return limited(Database.openForWrite(file));
    }

    private void checkMemoryLimit(CommandLine cmd) {
        if (memoryLimit != null && !SIZE.matcher(memoryLimit.strip()).matches()) {
            throw new CommandLine.ParameterException(cmd, "--memory-limit: '" + memoryLimit
                    + "' is not a size such as 2GB or 512MB");
        }
    }

    private Database limited(Database database) throws SQLException {
        if (memoryLimit != null) {
            try (Statement st = database.connection().createStatement()) {
                // Checked against SIZE above: digits, a point and a unit, so safe to put in the statement text.
                st.execute("SET memory_limit = '" + memoryLimit.strip() + "'");
            } catch (SQLException e) {
                database.close();
                throw e;
            }
        }
        return database;
    }
}
