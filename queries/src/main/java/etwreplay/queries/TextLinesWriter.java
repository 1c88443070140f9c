package etwreplay.queries;

import java.io.IOException;
import java.util.List;

/**
 * A text report's result ({@link Report.Output#TEXT}, e.g. the xperf-style DPC/ISR summary) as the lines of its
 * one column, NULL as an empty line; in Markdown inside a {@code text} code fence.
 */
final class TextLinesWriter extends ResultWriter {
    private final boolean fenced;

    TextLinesWriter(Appendable out, boolean fenced) {
        super(out);
        this.fenced = fenced;
    }

    @Override
    public void columns(List<String> names, List<String> types) throws IOException {
        if (fenced) {
            out.append("```text\n");
        }
    }

    @Override
    protected void writeRow(List<String> cells) throws IOException {
        out.append(cells.get(0) == null ? "" : cells.get(0)).append('\n');
    }

    @Override
    public void finish() throws IOException {
        if (fenced) {
            out.append("```\n");
        }
    }
}
