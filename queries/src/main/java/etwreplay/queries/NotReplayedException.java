package etwreplay.queries;

import java.nio.file.Path;

/** The report reads derived tables, and the database has never been replayed: there are none. */
public final class NotReplayedException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotReplayedException(String report, Path db) {
        super("report " + report + " reads the replay's derived tables, and " + db + " has none yet: run"
                + " `etwreplay replay --db " + db + "` first (etwreplay analyze does both)");
    }
}
