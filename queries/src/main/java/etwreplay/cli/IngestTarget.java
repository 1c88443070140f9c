package etwreplay.cli;

import etwreplay.ingest.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the database an ingest writes to. If the file did not exist and the work fails, the file is
 * removed again: a refused trace leaves the disk as it was, not an empty database behind.
 */
final class IngestTarget {
    /** Work done with the open database. */
    interface Work<T> {
        T run(Database db) throws Exception;
    }

    private IngestTarget() {
    }

    static <T> T with(Path dbFile, Work<T> work) throws Exception {
        boolean existed = Files.exists(dbFile);
        boolean ok = false;
        try (Database db = Database.openForWrite(dbFile)) {
            T result = work.run(db);
            ok = true;
            return result;
        } finally {
            if (!ok && !existed) {
                Files.deleteIfExists(dbFile);
                Files.deleteIfExists(dbFile.resolveSibling(dbFile.getFileName() + ".wal"));
            }
        }
    }
}
