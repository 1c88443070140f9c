package etwreplay.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Where the database is when {@code --db} is not given. Ingest and analyze put it beside the trace
 * ({@code trace.txt} → {@code trace.duckdb}); the other commands use {@code $ETWREPLAY_DB}, else the one
 * {@code *.duckdb} file in the current directory.
 */
final class DatabaseLocation {
    static final String ENV = "ETWREPLAY_DB";

    private DatabaseLocation() {
    }

    static Path besideTrace(Path trace) {
        String name = trace.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path dir = trace.toAbsolutePath().getParent();
        return dir.resolve(stem + ".duckdb");
    }

    static Path existing(Path given, CommandLine cmd) {
        if (given != null) {
            return given;
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(""), "*.duckdb")) {
            ds.forEach(found::add);
        } catch (IOException e) {
            // An unreadable directory just means nothing was found.
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        throw new CommandLine.ParameterException(cmd, found.isEmpty()
                ? "no database given: use --db FILE (or set " + ENV + "); `etwreplay ingest TRACE` creates one"
                : "several *.duckdb files here (" + found + "): choose one with --db FILE");
    }
}
