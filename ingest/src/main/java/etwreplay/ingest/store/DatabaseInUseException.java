package etwreplay.ingest.store;

import java.nio.file.Path;

/** Another process holds the database file open for writing (DuckDB allows one writer process). */
public final class DatabaseInUseException extends Exception {
    private static final long serialVersionUID = 1L;

    public DatabaseInUseException(Path file) {
        super(file + ": the database is in use by another process (an ingest or another etwreplay); "
                + "wait for it to finish or use another --db file");
    }
}
