package etwreplay.ingest;

import java.nio.file.Path;

/**
 * Input the user must fix: the message is one line naming the file and the line or byte offset.
 * Ingest that ends with this leaves the database as it was.
 */
public class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadInputException(Path file, String location, String problem) {
        super(file + (location == null ? "" : ": " + location) + ": " + problem);
    }

    public BadInputException(String message) {
        super(message);
    }
}
