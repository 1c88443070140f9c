package etwreplay.queries;

import java.io.IOException;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table: a header row, an alignment row (numbers right-aligned), one row per
 * result row. {@code |} in a cell is escaped, line breaks become {@code <br>}, NULL is empty, cells never cut.
 */
final class MarkdownResultWriter extends ResultWriter {
    private final StringBuilder sb = new StringBuilder(256);

    MarkdownResultWriter(Appendable out) {
        super(out);
    }

    @Override
    public void columns(List<String> names, List<String> types) throws IOException {
        sb.setLength(0);
        sb.append('|');
        for (String c : names) {
            sb.append(' ').append(cell(c)).append(" |");
        }
        sb.append("\n|");
        for (String type : types) {
            sb.append(isNumberType(type) ? " ---: |" : " --- |");
        }
        out.append(sb.append('\n'));
    }

    @Override
    protected void writeRow(List<String> cells) throws IOException {
        sb.setLength(0);
        sb.append('|');
        for (String cell : cells) {
            sb.append(' ').append(cell == null ? "" : cell(cell)).append(" |");
        }
        out.append(sb.append('\n'));
    }

    @Override
    public void finish() {
    }

    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")
                .replace("\r", "<br>");
    }
}
