package etwreplay.queries;

/** Writes a report's result in an {@link OutputFormat}; a text report ({@link Report.Output#TEXT}) as its lines. */
public final class ReportOutput {
    private ReportOutput() {
    }

    /** The whole result, ending with a newline (empty for a text report without lines). */
    public static String render(ReportResult result, OutputFormat format) {
        return ResultPrinter.write(result.table(), ResultWriter.of(result.report(), format, new StringBuilder()));
    }
}
