package etwreplay.queries;

import etwreplay.ingest.store.ResultTable;
import java.io.IOException;
import java.util.List;

/** RFC 4180 CSV with a header row, LF line ends, NULL as an empty field ({@link ResultTable#appendCsvRow}). */
final class CsvResultWriter extends ResultWriter {
    private final StringBuilder line = new StringBuilder(256);

    CsvResultWriter(Appendable out) {
        super(out);
    }

    @Override
    public void columns(List<String> names, List<String> types) throws IOException {
        writeRow(names);
    }

    @Override
    protected void writeRow(List<String> cells) throws IOException {
        line.setLength(0);
        ResultTable.appendCsvRow(line, cells);
        out.append(line);
    }

    @Override
    public void finish() {
    }
}
