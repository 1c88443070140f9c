package etwreplay.cli;

/** Process exit codes of {@code etwreplay}; documented in the README and in {@code --help}. */
final class ExitCode {
    static final int OK = 0;
    /** A bug in etwreplay: the message says so. */
    static final int INTERNAL = 1;
    /** Wrong options or arguments, or SQL that DuckDB rejects. */
    static final int USAGE = 2;
    /** The trace file cannot be read: the one-line message names the file and line or byte offset. */
    static final int BAD_INPUT = 3;
    /** The database cannot be used: held by another process, another schema version, or missing. */
    static final int DATABASE = 4;
    /** The trace was ingested before (same content); nothing was changed. */
    static final int ALREADY_INGESTED = 5;

    static final String HELP_TEXT = "%nExit codes: 0 ok, 1 internal error (a bug), 2 usage error,"
            + " 3 bad input file, 4 database unusable (in use, other version, missing), 5 already ingested.";

    private ExitCode() {
    }
}
