package etwreplay.queries;

import java.nio.file.Path;

/**
 * The report reads derived tables, and the database has none: it has never been replayed, or it was replayed
 * by an etwreplay that wrote another version of the derived schema (its tables may lack a column a report reads).
 */
public final class NotReplayedException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotReplayedException(String report, Path db) {
        super("report " + report + " reads the replay's derived tables, and " + db + " has none yet: run"
                + " `etwreplay replay --db " + db + "` first (etwreplay analyze does both)");
    }

    /** {@code version}: the derived schema version the database was replayed with. */
    public NotReplayedException(String report, Path db, String version, int current) {
        super("report " + report + " reads the replay's derived tables, and those in " + db + " were written by"
                + " derived schema version " + version + " (this etwreplay writes version " + current + "): run"
                + " `etwreplay replay --db " + db + "` again");
    }
}
