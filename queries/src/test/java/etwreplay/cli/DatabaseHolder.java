package etwreplay.cli;

import etwreplay.ingest.store.Database;
import java.nio.file.Path;

/** Child-process helper: holds a database open for writing until its stdin closes. */
public final class DatabaseHolder {
    private DatabaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Database db = Database.openForWrite(Path.of(args[0]))) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the parent to close our stdin.
            }
        }
    }
}
