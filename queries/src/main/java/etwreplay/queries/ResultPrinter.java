package etwreplay.queries;

import etwreplay.ingest.store.ResultTable;
import java.util.List;
import java.util.Set;

/** Writes a {@link ResultTable} in an {@link OutputFormat}. Stateless. */
public final class ResultPrinter {
    /** Widest a TABLE cell is shown; longer text is cut with an ellipsis (CSV/JSON are never cut). */
    static final int MAX_CELL = 60;
    private static final Set<String> JSON_NUMBER_TYPES = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "DOUBLE", "FLOAT", "DECIMAL", "HUGEINT");

    private ResultPrinter() {
    }

    /** The whole result in {@code format}, ending with a newline. */
    public static String render(ResultTable result, OutputFormat format) {
        return switch (format) {
            case CSV -> result.toCsv();
            case JSON -> toJson(result);
            case TABLE -> toTable(result);
            case MARKDOWN -> toMarkdown(result);
        };
    }

    /** Aligned text columns; numbers right-aligned; NULL shown as empty. */
    public static String toTable(ResultTable r) {
        List<String> cols = r.columns();
        int n = cols.size();
        int[] width = new int[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            width[i] = cols.get(i).length();
            right[i] = JSON_NUMBER_TYPES.contains(baseType(r.types().get(i)));
        }
        for (List<String> row : r.rows()) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], shown(row.get(i)).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, cols, width, new boolean[n]);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append('\n');
        for (List<String> row : r.rows()) {
            appendLine(sb, row, width, right);
        }
        sb.append('(').append(r.rows().size()).append(r.rows().size() == 1 ? " row)\n" : " rows)\n");
        return sb.toString();
    }

    /**
     * A GitHub-flavoured Markdown table: a header row, an alignment row (numbers right-aligned), one row
     * per result row. {@code |} in a cell is escaped, line breaks become {@code <br>}, NULL is empty.
     */
    public static String toMarkdown(ResultTable r) {
        List<String> cols = r.columns();
        StringBuilder sb = new StringBuilder("|");
        for (String c : cols) {
            sb.append(' ').append(markdownCell(c)).append(" |");
        }
        sb.append("\n|");
        for (int i = 0; i < cols.size(); i++) {
            sb.append(JSON_NUMBER_TYPES.contains(baseType(r.types().get(i))) ? " ---: |" : " --- |");
        }
        sb.append('\n');
        for (List<String> row : r.rows()) {
            sb.append('|');
            for (String cell : row) {
                sb.append(' ').append(cell == null ? "" : markdownCell(cell)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String markdownCell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")
                .replace("\r", "<br>");
    }

    private static void appendLine(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = shown(cells.get(i));
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(width[i] - c.length());
            line.append(right[i] ? pad + c : c + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    private static String shown(String cell) {
        if (cell == null) {
            return "";
        }
        String oneLine = cell.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() > MAX_CELL ? oneLine.substring(0, MAX_CELL - 1) + "…" : oneLine;
    }

    private static String baseType(String type) {
        int paren = type.indexOf('(');
        return paren < 0 ? type : type.substring(0, paren);
    }

    /** A JSON array of row objects. UBIGINT (addresses) are hex strings, as in every other output. */
    public static String toJson(ResultTable r) {
        StringBuilder sb = new StringBuilder("[");
        List<String> cols = r.columns();
        for (int row = 0; row < r.rows().size(); row++) {
            List<String> cells = r.rows().get(row);
            sb.append(row == 0 ? "\n  {" : ",\n  {");
            for (int i = 0; i < cols.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                jsonString(sb, cols.get(i));
                sb.append(": ");
                String v = cells.get(i);
                String type = baseType(r.types().get(i));
                if (v == null) {
                    sb.append("null");
                } else if ("BOOLEAN".equals(type)) {
                    sb.append(v);
                } else if (JSON_NUMBER_TYPES.contains(type) && isJsonNumber(v)) {
                    sb.append(v);
                } else {
                    jsonString(sb, v);
                }
            }
            sb.append('}');
        }
        sb.append(r.rows().isEmpty() ? "]\n" : "\n]\n");
        return sb.toString();
    }

    private static boolean isJsonNumber(String v) {
        return v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }

    private static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
