package etwreplay.ingest.format;

/** Told how far a reader has got. Called from the reading thread; must be cheap. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (bytes, events) -> { };

    void progress(long bytesRead, long eventsRead);
}
