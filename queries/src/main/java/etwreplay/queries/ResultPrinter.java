package etwreplay.queries;

import etwreplay.ingest.store.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a materialised {@link ResultTable} in an {@link OutputFormat}, by the same {@link ResultWriter}s the
 * command line streams a result through, so both give the same text. Stateless.
 */
public final class ResultPrinter {
    private ResultPrinter() {
    }

    /** The whole result in {@code format}, ending with a newline. */
    public static String render(ResultTable result, OutputFormat format) {
        return write(result, ResultWriter.of(format, new StringBuilder()));
    }

    /** Aligned text columns ({@link OutputFormat#TABLE}). */
    public static String toTable(ResultTable r) {
        return render(r, OutputFormat.TABLE);
    }

    /** Feeds every row of {@code table} to {@code writer}; the text it wrote to its StringBuilder. */
    static String write(ResultTable table, ResultWriter writer) {
        try {
            writer.columns(table.columns(), table.types());
            for (List<String> row : table.rows()) {
                writer.row(row);
            }
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return writer.out.toString();
    }
}
