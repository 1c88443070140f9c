package etwreplay.queries;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned text columns for a terminal; numbers right-aligned; NULL shown as empty; a cell cut at
 * {@link #MAX_CELL} characters; a closing '(N rows)'. The column widths come from the first
 * {@link #WIDTH_SAMPLE} rows, which are held back until then; later rows are written as they come, a wider
 * cell among them pushing only its own line out of line — what keeps a 30 M-row result in constant memory.
 */
final class TableResultWriter extends ResultWriter {
    /** Widest a cell is shown; longer text is cut with an ellipsis (CSV/JSON/Markdown are never cut). */
    static final int MAX_CELL = 60;
    /** Rows the widths are measured over: more than any screen, few enough to hold (a few MB at most). */
    static final int WIDTH_SAMPLE = 10_000;

    private final List<List<String>> held = new ArrayList<>();
    private List<String> names;
    private int[] width;
    private boolean[] right;
    private boolean started;

    TableResultWriter(Appendable out) {
        super(out);
    }

    @Override
    public void columns(List<String> names, List<String> types) {
        this.names = List.copyOf(names);
        width = new int[names.size()];
        right = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) {
            width[i] = names.get(i).length();
            right[i] = isNumberType(types.get(i));
        }
    }

    @Override
    protected void writeRow(List<String> cells) throws IOException {
        if (started) {
            line(cells, right);
            return;
        }
        held.add(cells);
        for (int i = 0; i < width.length; i++) {
            width[i] = Math.max(width[i], shown(cells.get(i)).length());
        }
        if (held.size() == WIDTH_SAMPLE) {
            start();
        }
    }

    @Override
    public void finish() throws IOException {
        if (!started) {
            start();
        }
        out.append('(').append(Long.toString(rows())).append(rows() == 1 ? " row)\n" : " rows)\n");
    }

    /** The header, the rule under it and the rows held back for the widths. */
    private void start() throws IOException {
        started = true;
        line(names, new boolean[names.size()]);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        out.append(rule).append('\n');
        for (List<String> row : held) {
            line(row, right);
        }
        held.clear();
    }

    private void line(List<String> cells, boolean[] rightAligned) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = shown(cells.get(i));
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(Math.max(0, width[i] - c.length()));
            line.append(rightAligned[i] ? pad + c : c + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String shown(String cell) {
        if (cell == null) {
            return "";
        }
        String oneLine = cell.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() > MAX_CELL ? oneLine.substring(0, MAX_CELL - 1) + "…" : oneLine;
    }
}
