package etwreplay.queries;

import etwreplay.ingest.store.RowSink;
import java.io.IOException;
import java.util.Set;

/**
 * Writes a result in one {@link OutputFormat} as its rows arrive ({@link RowSink}), so the command line prints a
 * result of any size in constant memory; {@link ResultPrinter} feeds it a materialised table the same way, so
 * both give the same text. Call {@link #finish()} after the last row.
 */
public abstract class ResultWriter implements RowSink {
    /** Column types written as JSON numbers and right-aligned in tables. */
    static final Set<String> NUMBER_TYPES = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "DOUBLE", "FLOAT", "DECIMAL", "HUGEINT");

    /** Rows between two updates of {@link #rowsSoFar}: a volatile write per row would cost on 30 M-row results. */
    private static final int PUBLISH_EVERY = 4096;

    protected final Appendable out;
    private long rows;
    private volatile long published;

    protected ResultWriter(Appendable out) {
        this.out = out;
    }

    /** The writer of {@code format} onto {@code out}. */
    public static ResultWriter of(OutputFormat format, Appendable out) {
        return switch (format) {
            case CSV -> new CsvResultWriter(out);
            case JSON -> new JsonResultWriter(out);
            case TABLE -> new TableResultWriter(out);
            case MARKDOWN -> new MarkdownResultWriter(out);
        };
    }

    /**
     * The writer for a report's result: a text report ({@link Report.Output#TEXT}) as its lines where the format
     * is for reading (table, Markdown), any other as {@link #of}.
     */
    public static ResultWriter of(Report report, OutputFormat format, Appendable out) {
        if (report.output() == Report.Output.TEXT && (format == OutputFormat.TABLE || format == OutputFormat.MARKDOWN)) {
            return new TextLinesWriter(out, format == OutputFormat.MARKDOWN);
        }
        return of(format, out);
    }

    @Override
    public final void row(java.util.List<String> cells) throws IOException {
        if (++rows % PUBLISH_EVERY == 0) {
            published = rows;
        }
        writeRow(cells);
    }

    protected abstract void writeRow(java.util.List<String> cells) throws IOException;

    /** Ends the output (closing brackets, a row count); the writer takes no rows after it. */
    public abstract void finish() throws IOException;

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /**
     * Rows written so far as another thread (a progress line) may read them: {@link #rows} rounded down to a
     * multiple of 4096.
     */
    public long rowsSoFar() {
        return published;
    }

    /** 'DECIMAL(18,3)' → 'DECIMAL'. */
    static String baseType(String type) {
        int paren = type.indexOf('(');
        return paren < 0 ? type : type.substring(0, paren);
    }

    static boolean isNumberType(String type) {
        return NUMBER_TYPES.contains(baseType(type));
    }
}
