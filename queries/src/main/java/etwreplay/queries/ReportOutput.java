package etwreplay.queries;

import java.util.List;

/** Writes a report's result in an {@link OutputFormat}; a text report ({@link Report.Output#TEXT}) as its lines. */
public final class ReportOutput {
    private ReportOutput() {
    }

    /** The whole result, ending with a newline (empty for a text report without lines). */
    public static String render(ReportResult result, OutputFormat format) {
        if (result.report().output() == Report.Output.TEXT
                && (format == OutputFormat.TABLE || format == OutputFormat.MARKDOWN)) {
            StringBuilder sb = new StringBuilder();
            for (List<String> row : result.table().rows()) {
                sb.append(row.get(0) == null ? "" : row.get(0)).append('\n');
            }
            return format == OutputFormat.MARKDOWN ? "```text\n" + sb + "```\n" : sb.toString();
        }
        return ResultPrinter.render(result.table(), format);
    }
}
