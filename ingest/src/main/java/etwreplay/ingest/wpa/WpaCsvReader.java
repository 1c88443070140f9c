package etwreplay.ingest.wpa;

import etwreplay.ingest.BadInputException;
import etwreplay.ingest.csv.CsvInput;
import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.GenericEvent;
import etwreplay.ingest.event.TraceEvent;
import etwreplay.ingest.event.TraceHeader;
import etwreplay.ingest.format.ProgressListener;
import etwreplay.ingest.format.TraceFormat;
import etwreplay.ingest.format.TraceReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a WPA / wpaexporter table exported as CSV (FORMATS.md §5). The table is recognised from its
 * header: "Disk Usage" rows go to {@code disk_io}, "CPU Usage (Precise)" rows to {@code cswitch} (and
 * {@code ready_thread}), "DPC/ISR" rows to {@code dpc}/{@code isr}, "File I/O" rows to {@code file_io}.
 * Every other table, every aggregate row (Count &gt; 1, counted as {@link Anomaly#AGGREGATE_ROW}) and
 * every row that lacks what its table needs is kept whole in {@code generic_event}: {@code name} = the
 * table ("Disk Usage", … or "WPA table"), {@code provider} = {@code wpa}, {@code fields} = every cell by
 * its column title, exactly as printed, so a query can still reach it.
 *
 * <p>Locale: the delimiter ({@code ,} or {@code ;}) is read from the header; the decimal and thousands
 * separators are learned from the first {@value #LOOKAHEAD_ROWS} rows and every row after
 * ({@link WpaNumbers}); units come from the column titles (s, ms, µs, ns, B). Times are seconds since
 * the trace start, so {@code ts} needs no origin; the export states no clock, start or CPU count.
 */
public final class WpaCsvReader implements TraceReader {
    /** Rows read ahead to learn the number format before the first row is stored. */
    static final int LOOKAHEAD_ROWS = 4096;
    private static final long PROGRESS_EVERY_ROWS = 1 << 14;

    /** The tables recognised, with their generic_event name. */
    enum Table {
        DISK_USAGE("Disk Usage"), CPU_PRECISE("CPU Usage (Precise)"), DPC_ISR("DPC/ISR"), FILE_IO("File I/O"),
        OTHER("WPA table");

        final String label;

        Table(String label) {
            this.label = label;
        }
    }

    @Override
    public TraceFormat format() {
        return TraceFormat.WPA_CSV;
    }

    @Override
    public void read(Path file, EventSink sink, TraceHeader header, ProgressListener progress)
            throws IOException, BadInputException {
        header.clock = TraceHeader.Clock.UNKNOWN;
        try (CsvInput csv = CsvInput.open(file, sink)) {
            List<String> head = csv.next();
            if (head == null || head.size() < 2) {
                throw new BadInputException(file, "line 1", "no table header: not a WPA table export (CSV with a"
                        + " header row of column titles)");
            }
            List<WpaColumn> columns = new ArrayList<>();
            for (String title : head) {
                columns.add(WpaColumn.of(title));
            }
            WpaRow row = new WpaRow(columns, new WpaNumbers(), sink);
            Table table = recognise(row);
            WpaRowHandler handler = switch (table) {
                case DISK_USAGE -> new DiskUsageRows(row);
                case CPU_PRECISE -> new CpuPreciseRows(row);
                case DPC_ISR -> new DpcIsrRows(row);
                case FILE_IO -> new FileIoRows(row);
                case OTHER -> null;
            };
            Pass pass = new Pass(row, table, handler, sink, row.column("Count"));
            ArrayDeque<Buffered> ahead = new ArrayDeque<>();
            List<String> cells;
            while (ahead.size() < LOOKAHEAD_ROWS && (cells = csv.next()) != null) {
                row.learn(cells);
                ahead.add(new Buffered(csv.line(), cells));
            }
            long rows = 0;
            for (Buffered b : ahead) {
                pass.row(b.cells, b.line);
                rows++;
            }
            ahead.clear();
            while ((cells = csv.next()) != null) {
                row.learn(cells);
                pass.row(cells, csv.line());
                if (++rows % PROGRESS_EVERY_ROWS == 0) {
                    progress.progress(csv.bytesRead(), rows);
                }
            }
            progress.progress(csv.bytesRead(), rows);
            if (rows == 0) {
                throw new BadInputException(file, "line " + csv.line(), "a table header but no rows");
            }
        }
    }

    static Table recognise(WpaRow header) {
        if (DiskUsageRows.recognises(header)) {
            return Table.DISK_USAGE;
        }
        if (CpuPreciseRows.recognises(header)) {
            return Table.CPU_PRECISE;
        }
        if (DpcIsrRows.recognises(header)) {
            return Table.DPC_ISR;
        }
        if (FileIoRows.recognises(header)) {
            return Table.FILE_IO;
        }
        return Table.OTHER;
    }

    private record Buffered(long line, List<String> cells) {
    }

    /** Stores rows of one table. */
    private static final class Pass {
        private final WpaRow row;
        private final Table table;
        private final WpaRowHandler handler;
        private final EventSink sink;
        private final int count;

        Pass(WpaRow row, Table table, WpaRowHandler handler, EventSink sink, int count) {
            this.row = row;
            this.table = table;
            this.handler = handler;
            this.sink = sink;
            this.count = count;
        }

        void row(List<String> cells, long line) {
            String where = "line " + line;
            row.bind(cells, where);
            if (cells.size() != row.columns().size()) {
                sink.anomaly(Anomaly.FIELD_COUNT_MISMATCH, where, cells.size() + " cells for " + row.columns().size()
                        + " columns: " + String.join(",", cells));
                generic(cells);
                return;
            }
            if (count >= 0) {
                Long n = row.whole(count);
                if (n != null && n > 1) {
                    sink.anomaly(Anomaly.AGGREGATE_ROW, where, table.label + " row with Count = " + n);
                    generic(cells);
                    return;
                }
                row.bind(cells, where);
            }
            if (handler == null || !handler.handle(row, sink)) {
                row.bind(cells, where);
                generic(cells);
            }
        }

        /** The row as printed, at its first readable seconds column (else 0), in generic_event. */
        private void generic(List<String> cells) {
            long ts = 0;
            int cpu = TraceEvent.NO_CPU;
            for (int i = 0; i < row.columns().size() && i < cells.size(); i++) {
                WpaColumn c = row.columns().get(i);
                if (c.unit() == WpaColumn.Unit.SECONDS && !cells.get(i).isEmpty()) {
                    Long ns = quietNanos(cells.get(i), c);
                    if (ns != null) {
                        ts = ns;
                        break;
                    }
                }
            }
            int cpuColumn = row.column("CPU");
            if (cpuColumn >= 0 && cpuColumn < cells.size() && cells.get(cpuColumn).matches("[0-9]{1,5}")) {
                cpu = Integer.parseInt(cells.get(cpuColumn));
            }
            sink.accept(new GenericEvent(ts, cpu, table.label, "wpa", null, null, null, null, row.all(), null));
        }

        private Long quietNanos(String cell, WpaColumn c) {
            WpaNumbers.Result r = row.numbersResult(cell);
            return r.value() == null ? null
                    : r.value().multiply(BigDecimal.valueOf(c.unit().factor)).setScale(0, RoundingMode.HALF_EVEN)
                            .longValue();
        }
    }
}
