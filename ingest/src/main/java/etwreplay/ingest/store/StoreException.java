package etwreplay.ingest.store;

/** The database refused a write: an internal error, not bad input. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String what, Throwable cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
