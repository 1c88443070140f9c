package etwreplay.queries;

/**
 * A report asked for in a way that cannot work: an unknown report or parameter, a value of the wrong
 * type, a trace the database does not hold. The message says what is valid.
 */
public final class ReportUsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReportUsageException(String message) {
        super(message);
    }
}
