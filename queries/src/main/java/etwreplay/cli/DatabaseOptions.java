package etwreplay.cli;

import etwreplay.ingest.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --db} option of commands that read an existing database. */
final class DatabaseOptions {
    @Option(names = "--db", paramLabel = "FILE",
            description = "Database file (default: $ETWREPLAY_DB, else the only *.duckdb in this directory).")
    Path db;

    Database openReadOnly(CommandLine cmd) throws Exception {
        Path file = DatabaseLocation.existing(db, cmd);
        if (!Files.isRegularFile(file)) {
            throw new Main.DatabaseMissingException(file);
        }
        return Database.openReadOnly(file);
    }

    Database openForWrite(CommandLine cmd) throws Exception {
        Path file = DatabaseLocation.existing(db, cmd);
        if (!Files.isRegularFile(file)) {
            throw new Main.DatabaseMissingException(file);
        }
        return Database.openForWrite(file);
    }
}
