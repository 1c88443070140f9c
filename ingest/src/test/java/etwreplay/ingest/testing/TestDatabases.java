package etwreplay.ingest.testing;

import etwreplay.ingest.BadInputException;
import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds databases for tests: ingest a file or an inline text block into a fresh temp database. */
public final class TestDatabases {
    public static final String TEST_TOOL_VERSION = "test";

    private TestDatabases() {
    }

    /** A new, empty database file in {@code dir}. */
    public static Database create(Path dir) throws Exception {
        return Database.openForWrite(dir.resolve("test-" + System.nanoTime() + ".duckdb"));
    }

    /** Ingests {@code trace} (format detected) into a new database in {@code dir}. */
    public static Database ingest(Path dir, Path trace) throws Exception {
        Database db = create(dir);
        new TraceIngester(db, TEST_TOOL_VERSION).ingest(trace, TraceIngester.Options.defaults());
        return db;
    }

    /**
     * Writes {@code text} to a file (CRLF line ends, as xperf writes them, when {@code crlf}) and ingests it.
     */
    public static Database ingestText(Path dir, String text, boolean crlf) throws Exception {
        Path file = writeText(dir, text, crlf);
        return ingest(dir, file);
    }

    public static Path writeText(Path dir, String text, boolean crlf) throws Exception {
        Path file = dir.resolve("trace-" + System.nanoTime() + ".txt");
        String body = crlf ? text.replace("\r\n", "\n").replace("\n", "\r\n") : text;
        Files.writeString(file, body, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs the ingest and returns the bad-input message, or fails the test if it succeeded. */
    public static String badInputMessage(Database db, Path trace) throws Exception {
        try {
            new TraceIngester(db, TEST_TOOL_VERSION).ingest(trace, TraceIngester.Options.defaults());
        } catch (BadInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected " + trace + " to be refused as bad input");
    }
}
