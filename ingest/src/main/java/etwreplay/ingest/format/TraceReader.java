package etwreplay.ingest.format;

import etwreplay.ingest.BadInputException;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.TraceHeader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one interface every input format hides behind: read a file, emit canonical events. Readers keep
 * no state between calls and know nothing of storage or replay.
 */
public interface TraceReader {
    TraceFormat format();

    /**
     * Reads {@code file} to the end, handing every event to {@code sink} in file order and filling in
     * what the file says about the recording in {@code header}. Damage the reader can step over is
     * counted through {@link EventSink#anomaly}; damage it cannot is a {@link BadInputException}
     * naming the file and the line or byte offset.
     *
     * @param progress receives the number of input bytes consumed so far (may be called often)
     */
    void read(Path file, EventSink sink, TraceHeader header, ProgressListener progress)
            throws IOException, BadInputException;
}
