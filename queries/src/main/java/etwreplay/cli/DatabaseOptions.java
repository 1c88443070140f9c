package etwreplay.cli;

import etwreplay.ingest.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --db} and {@code --memory-limit} options of commands that read an existing database. */
final class DatabaseOptions {
    @Option(names = "--db", paramLabel = "FILE",
            description = "Database file (default: $ETWREPLAY_DB, else the only *.duckdb in this directory).")
    Path db;

    @Mixin
    MemoryLimitOption memory = new MemoryLimitOption();

    Database openReadOnly(CommandLine cmd) throws Exception {
        memory.check(cmd);
        Path file = DatabaseLocation.existing(db, cmd);
        if (!Files.isRegularFile(file)) {
            throw new Main.DatabaseMissingException(file);
        }
        return memory.apply(Database.openReadOnly(file));
    }

    Database openForWrite(CommandLine cmd) throws Exception {
        memory.check(cmd);
        Path file = DatabaseLocation.existing(db, cmd);
        if (!Files.isRegularFile(file)) {
            throw new Main.DatabaseMissingException(file);
        }
        return memory.apply(Database.openForWrite(file));
    }
}
