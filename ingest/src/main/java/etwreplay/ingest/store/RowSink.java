package etwreplay.ingest.store;

import java.io.IOException;
import java.util.List;

/**
 * Receives a query result row by row, as {@link ResultCells} renders it, so a result of any size is written
 * out in constant memory ({@link Database#stream}) instead of being materialised as a {@link ResultTable}.
 */
public interface RowSink {
    /** Called once, before any row. */
    void columns(List<String> names, List<String> types) throws IOException;

    /** One row's cells; NULL is {@code null}. The list is the sink's to keep. */
    void row(List<String> cells) throws IOException;
}
