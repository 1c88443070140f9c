package etwreplay.ingest.xperf;

import etwreplay.ingest.BadInputException;
import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.GenericEvent;
import etwreplay.ingest.event.TraceEvent;
import etwreplay.ingest.event.TraceHeader;
import etwreplay.ingest.format.ProgressListener;
import etwreplay.ingest.format.TraceFormat;
import etwreplay.ingest.format.TraceReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code xperf -i trace.etl -o out.txt} dumper text (FORMATS.md §1, SCHEMAS.md §1.11):
 * {@code BeginHeader}, one schema line per event type, {@code EndHeader}, the trace-info and
 * {@code FirstReliable*} lines, then one line per event. Column positions come from the schema lines
 * only. Timestamps are integer microseconds since the trace start (SCHEMAS.md §2.2), stored ×1000.
 */
public final class XperfDumperReader implements TraceReader {
    private static final String BEGIN_HEADER = "BeginHeader";
    private static final String END_HEADER = "EndHeader";
    private static final String TIMESTAMP_COLUMN = "TimeStamp";
    private static final String STACK = "Stack";
    /** Lines xperf writes after EndHeader that describe the session, not events (FORMATS.md §1b). */
    private static final String FIRST_RELIABLE_EVENT = "FirstReliableEventTimeStamp";
    private static final String FIRST_RELIABLE_CSWITCH = "FirstReliableCSwitchEventTimeStamp";
    private static final String GROUP_MASKS = "GroupMasks";
    private static final long PROGRESS_EVERY_LINES = 1 << 16;

    private enum State { BEFORE_HEADER, IN_HEADER, DATA }

    @Override
    public TraceFormat format() {
        return TraceFormat.XPERF_TEXT;
    }

    @Override
    public void read(Path file, EventSink target, TraceHeader header, ProgressListener progress)
            throws IOException, BadInputException {
        header.clock = TraceHeader.Clock.MICROSECONDS_TEXT;
        header.clockFrequency = 1_000_000L;
        TrackingSink sink = new TrackingSink(target);
        try (InputStream in = Files.newInputStream(file)) {
            new Pass(file, sink, header, progress, new LineSource(in, sink)).run();
        }
    }

    /** Remembers the CPU and time of the last event stored, for Stack and Error lines. */
    private static final class TrackingSink implements EventSink, StackHandler.LastEvent {
        private final EventSink target;
        private Integer lastCpu;
        private long lastTs;
        private long events;

        TrackingSink(EventSink target) {
            this.target = target;
        }

        @Override
        public void accept(TraceEvent event) {
            accept(event, null);
        }

        @Override
        public void accept(TraceEvent event, Map<String, String> extra) {
            target.accept(event, extra);
            events++;
            lastTs = event.ts();
            if (event.table() != etwreplay.ingest.event.EventTable.STACK) {
                lastCpu = event.cpu();
            }
        }

        @Override
        public void anomaly(Anomaly kind, String location, String example) {
            target.anomaly(kind, location, example);
        }

        @Override
        public void anomalies(Anomaly kind, long count, String location, String example) {
            target.anomalies(kind, count, location, example);
        }

        @Override
        public Integer cpu() {
            return lastCpu;
        }
    }

    /** One read of one file. */
    private static final class Pass {
        private final Path file;
        private final TrackingSink sink;
        private final TraceHeader header;
        private final ProgressListener progress;
        private final LineSource lines;
        private final XperfRow row;
        private final Map<String, XperfSchema> schemas = new LinkedHashMap<>();
        private final EventTypeIndex types = new EventTypeIndex();
        private State state = State.BEFORE_HEADER;
        private long beginHeaderLine;

        Pass(Path file, TrackingSink sink, TraceHeader header, ProgressListener progress, LineSource lines) {
            this.file = file;
            this.sink = sink;
            this.header = header;
            this.progress = progress;
            this.lines = lines;
            this.row = new XperfRow(sink);
        }

        void run() throws IOException, BadInputException {
            String line;
            while ((line = lines.next()) != null) {
                long n = lines.lineNumber();
                switch (state) {
                    case BEFORE_HEADER -> beforeHeader(line, n);
                    case IN_HEADER -> inHeader(line, n);
                    default -> data(line, n);
                }
                if (n % PROGRESS_EVERY_LINES == 0) {
                    progress.progress(lines.bytesRead(), sink.events);
                }
            }
            progress.progress(lines.bytesRead(), sink.events);
            if (state == State.BEFORE_HEADER) {
                throw new BadInputException(file, "line " + lines.lineNumber(),
                        "no BeginHeader line: not xperf dumper text (xperf -i trace.etl -o trace.txt)");
            }
            if (state == State.IN_HEADER) {
                throw new BadInputException(file, "line " + lines.lineNumber(), "the file ends inside the header"
                        + " (BeginHeader at line " + beginHeaderLine + " has no EndHeader): truncated export?");
            }
        }

        private void beforeHeader(String line, long n) {
            String t = line.strip();
            if (t.equals(BEGIN_HEADER)) {
                state = State.IN_HEADER;
                beginHeaderLine = n;
            } else if (!t.isEmpty()) {
                sink.anomaly(Anomaly.UNPARSEABLE_LINE, "line " + n, "before BeginHeader: " + t);
            }
        }

        private void inHeader(String line, long n) {
            String t = line.strip();
            if (t.isEmpty()) {
                return;
            }
            if (t.equals(END_HEADER)) {
                state = State.DATA;
                for (XperfSchema s : schemas.values()) {
                    types.add(new EventTypeIndex.EventType(s.eventName(), s, s.eventName().equals(STACK)
                            ? new StackHandler(s, sink) : XperfEventTypes.handlerFor(s)));
                }
                return;
            }
            int count = row.split(line);
            if (count < 2 || !row.rawField(1).equals(TIMESTAMP_COLUMN) || row.rawField(0).isEmpty()) {
                sink.anomaly(Anomaly.MALFORMED_HEADER_LINE, "line " + n, t);
                return;
            }
            List<String> columns = new ArrayList<>(count - 1);
            for (int i = 1; i < count; i++) {
                columns.add(row.rawField(i));
            }
            String name = row.rawField(0);
            schemas.put(name, new XperfSchema(name, columns));
        }

        private void data(String text, long n) {
            String line = text;
            int count = row.split(line);
            int nul = row.lastNul();
            if (nul >= 0) {
                // A run of NUL bytes: what a machine that died while writing the export, or a bad copy,
                // leaves behind. Count it and read whatever follows the last NUL on the line.
                sink.anomaly(Anomaly.DAMAGED_DATA, "line " + n, line);
                line = line.substring(nul + 1);
                count = row.split(line);
            }
            // The stripped line is made only for the rare lines that need it, not for every event.
            int first = firstNonWhitespace(line);
            if (first == line.length()) {
                return;
            }
            if (line.startsWith("Error:", first)) {
                String t = line.strip();
                sink.anomaly(Anomaly.TOOL_ERROR_LINE, "line " + n, t);
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("message", t.substring("Error:".length()).strip());
                sink.accept(new GenericEvent(sink.lastTs, TraceEvent.NO_CPU, "Error", "xperf", null, null, null, null,
                        fields, null));
                return;
            }
            if (line.startsWith("OS Version:", first)) {
                traceInfo(line.strip(), n);
                return;
            }
            Long ts = count > 1 ? XperfValues.parseTimestampNanos(line, row.rawFrom(1), row.rawTo(1)) : null;
            if (ts == null) {
                sink.anomaly(Anomaly.UNPARSEABLE_LINE, "line " + n, line.strip());
                return;
            }
            EventTypeIndex.EventType type = types.find(line, row.rawFrom(0), row.rawTo(0));
            String name = type != null ? type.name() : row.rawField(0);
            if (count == 2 && name.equals(FIRST_RELIABLE_EVENT)) {
                header.firstReliableTs = ts;
                return;
            }
            if (count == 2 && name.equals(FIRST_RELIABLE_CSWITCH)) {
                header.firstReliableCSwitchTs = ts;
                return;
            }
            XperfSchema schema;
            XperfEventHandler handler;
            if (type != null) {
                schema = type.schema();
                handler = type.handler();
            } else {
                if (!name.equals(GROUP_MASKS)) {
                    sink.anomaly(Anomaly.UNKNOWN_EVENT_TYPE, "line " + n, line.strip());
                }
                schema = positionalSchema(name, count);
                handler = new GenericHandler(schema);
            }
            row.bind(schema, n, ts);
            handler.handle(row, sink);
        }

        /** Index of the first character {@link String#strip} would keep; the length when there is none. */
        private static int firstNonWhitespace(String line) {
            int i = 0;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            return i;
        }

        /** A schema naming the fields of a header-less event type by position: field2, field3, … */
        private XperfSchema positionalSchema(String name, int count) {
            List<String> columns = new ArrayList<>();
            columns.add(TIMESTAMP_COLUMN);
            for (int i = 2; i < count; i++) {
                columns.add("field" + i);
            }
            return new XperfSchema(name, columns);
        }

        /**
         * {@code OS Version: 10.0.19043, Trace Size: 20736KB, Events Lost: 0, Buffers lost: 0, Trace Start:
         * 132675686690347142, Trace Length: 2 sec, PointerSize: 8, Trace Name: x.etl} (FORMATS.md §1b). The
         * trace name may hold commas, so it is the rest of the line. Every pair is also kept as a
         * {@code TraceInfo} generic event.
         */
        private void traceInfo(String t, long n) {
            Map<String, String> pairs = new LinkedHashMap<>();
            String rest = t;
            int nameAt = rest.indexOf("Trace Name:");
            String traceName = null;
            if (nameAt >= 0) {
                traceName = rest.substring(nameAt + "Trace Name:".length()).strip();
                rest = rest.substring(0, nameAt);
            }
            for (String part : rest.split(",")) {
                int colon = part.indexOf(':');
                if (colon > 0) {
                    pairs.put(part.substring(0, colon).strip(), part.substring(colon + 1).strip());
                }
            }
            if (traceName != null) {
                pairs.put("Trace Name", traceName);
            }
            header.osVersion = pairs.get("OS Version");
            header.osBuild = osBuild(header.osVersion);
            header.eventsLost = number(pairs.get("Events Lost"), "Events Lost", n);
            header.buffersLost = number(pairs.get("Buffers lost"), "Buffers lost", n);
            header.startFiletime = number(pairs.get("Trace Start"), "Trace Start", n);
            Long ptr = number(pairs.get("PointerSize"), "PointerSize", n);
            header.pointerSize = ptr == null ? null : ptr.intValue();
            header.recordedFileName = traceName;
            sink.accept(new GenericEvent(0, TraceEvent.NO_CPU, "TraceInfo", "xperf", null, null, null, null, pairs,
                    null));
        }

        private Long number(String text, String what, long line) {
            if (text == null) {
                return null;
            }
            Long v = XperfValues.parseNumber(text);
            if (v == null) {
                sink.anomaly(Anomaly.UNPARSEABLE_VALUE, "line " + line, what + ": " + text);
            }
            return v;
        }

        /** {@code 10.0.19043} → 19043; {@code 6.1.7601} → 7601. */
        private static Integer osBuild(String version) {
            if (version == null) {
                return null;
            }
            String[] parts = version.split("\\.");
            if (parts.length < 3) {
                return null;
            }
            Long b = XperfValues.parseNumber(parts[2].strip());
            return b == null ? null : b.intValue();
        }
    }
}
