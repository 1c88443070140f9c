package etwreplay.ingest.tracerpt;

import etwreplay.ingest.BadInputException;
import etwreplay.ingest.csv.CsvInput;
import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.TraceHeader;
import etwreplay.ingest.format.ProgressListener;
import etwreplay.ingest.format.TraceFormat;
import etwreplay.ingest.format.TraceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code tracerpt trace.etl -of CSV} output (FORMATS.md §6): one header row {@code Event Name,
 * Type, Event ID, Version, Channel, Level, Opcode, Task, Keyword, PID, TID, Processor Number, Instance
 * ID, Parent Instance ID, Activity ID, Related Activity ID, Clock-Time, Kernel(ms), User(ms), User Data},
 * then one row per event whose payload values spill from "User Data" into as many further columns as the
 * event has fields. The values carry no names: kernel events get tracerpt's names from
 * {@link TracerptCsvLayouts} and then go through the same handlers as the XML; other events keep their
 * values as {@code UserData1…} in {@code generic_event}. Columns are found by name, so the older
 * (XP-era) header without Event ID/Version/Opcode works too.
 */
public final class TracerptCsvReader implements TraceReader {
    private static final String USER_DATA = "user data";
    /** Payload fields that may hold unquoted commas; surplus values are folded back into the first present. */
    private static final List<String> FREE_TEXT = List.of("CommandLine", "OpenPath", "FileName", "ThreadName");
    private static final long PROGRESS_EVERY_ROWS = 1 << 14;

    @Override
    public TraceFormat format() {
        return TraceFormat.TRACERPT_CSV;
    }

    @Override
    public void read(Path file, EventSink sink, TraceHeader header, ProgressListener progress)
            throws IOException, BadInputException {
        RenderedEventMapper mapper = new RenderedEventMapper(sink, header);
        try (CsvInput csv = CsvInput.open(file, sink)) {
            List<String> head = csv.next();
            Columns cols = head == null ? null : Columns.of(head);
            if (cols == null) {
                throw new BadInputException(file, "line 1", "no tracerpt CSV header (a row starting 'Event Name,"
                        + " Type' with a 'User Data' column): not tracerpt -of CSV output");
            }
            RenderedEvent e = new RenderedEvent();
            List<String> row;
            long rows = 0;
            while ((row = csv.next()) != null) {
                e.reset(sink, csv.line());
                if (fill(e, row, cols, mapper.context())) {
                    mapper.map(e);
                }
                if (++rows % PROGRESS_EVERY_ROWS == 0) {
                    progress.progress(csv.bytesRead(), mapper.events());
                }
            }
            progress.progress(csv.bytesRead(), mapper.events());
            if (rows == 0) {
                throw new BadInputException(file, "line " + csv.line(), "a tracerpt CSV header but no event rows");
            }
        }
        mapper.finish();
    }

    /** Fills {@code e} from one row; false (counted) when the row cannot be read at all. */
    private static boolean fill(RenderedEvent e, List<String> row, Columns c, MappingContext ctx) {
        String name = c.get(row, c.eventName);
        if (name == null || name.isEmpty()) {
            ctx.sink().anomaly(Anomaly.UNPARSEABLE_LINE, e.location(), String.join(", ", row));
            return false;
        }
        String classGuid = KernelClasses.guidOf(name);
        if (classGuid != null) {
            e.providerName = "MSNT_SystemTrace";
            e.providerGuid = RenderedEvent.KERNEL_PROVIDER_GUID;
            e.className = name;
            e.classGuid = classGuid;
        } else {
            e.providerName = name;
        }
        e.opcodeName = blankToNull(c.get(row, c.type));
        e.eventId = toInt(number(c.get(row, c.eventId)));
        e.version = toInt(number(c.get(row, c.version)));
        e.opcode = toInt(number(c.get(row, c.opcode)));
        e.pid = TracerptValues.id(number(c.get(row, c.pid)));
        e.tid = TracerptValues.id(number(c.get(row, c.tid)));
        e.cpu = toInt(number(c.get(row, c.cpu)));
        for (Map.Entry<String, Integer> id : c.identity.entrySet()) {
            String v = c.get(row, id.getValue());
            if (v != null && !v.isEmpty()) {
                e.identity.put(id.getKey(), v);
            }
        }
        for (int i : new int[] {c.kernelMs, c.userMs}) {
            String v = c.get(row, i);
            Long n = number(v);
            if (v != null && !v.isEmpty() && (n == null || n != 0)) {
                e.headerExtra.put(c.names.get(i), v);
            }
        }
        Long clock = number(c.get(row, c.clockTime));
        if (clock != null) {
            ctx.clock().csvClockTime(e, clock);
        }
        if (e.opcode == null) {
            e.opcode = KernelEventTypes.opcodeOf(classGuid, e.opcodeName);
        }
        payload(e, row, c.userData, ctx);
        return true;
    }

    /** Names the User Data values by the event's layout, or positionally when it has none. */
    private static void payload(RenderedEvent e, List<String> row, int from, MappingContext ctx) {
        TracerptCsvLayouts.Layout layout = TracerptCsvLayouts.find(e.classGuid, e.opcode, e.version);
        int end = row.size();
        if (layout == null) {
            while (end > from && row.get(end - 1).isEmpty()) {
                end--;
            }
        }
        int count = Math.max(0, end - from);
        if (layout != null && layout.names().contains(TracerptCsvLayouts.STACK_FRAMES)) {
            layout = TracerptCsvLayouts.stackWalk(layout, count);
        }
        if (layout == null) {
            if (count > 0 || e.classGuid != null) {
                ctx.sink().anomaly(Anomaly.UNKNOWN_EVENT_TYPE, e.location(), e.displayName() + " version " + e.version
                        + ": no field names known; kept as UserData1…");
            }
            for (int i = 0; i < count; i++) {
                e.field("UserData" + (i + 1), row.get(from + i));
            }
            return;
        }
        if (layout.otherVersion()) {
            ctx.sink().anomaly(Anomaly.UNKNOWN_VERSION, e.location(), e.displayName() + " version " + e.version);
        }
        List<String> names = layout.names();
        int surplus = count - names.size();
        int free = surplus > 0 ? freeTextIndex(names) : -1;
        int v = from;
        for (int i = 0; i < names.size(); i++) {
            if (i == free) {
                StringBuilder sb = new StringBuilder(row.get(v++));
                for (int k = 0; k < surplus; k++) {
                    sb.append(',').append(row.get(v++));
                }
                e.field(names.get(i), sb.toString());
            } else if (v < end) {
                e.field(names.get(i), row.get(v++));
            }
        }
        if (count != names.size() && !(surplus > 0 && free >= 0)) {
            ctx.sink().anomaly(Anomaly.FIELD_COUNT_MISMATCH, e.location(), e.displayName() + ": " + count
                    + " User Data values for " + names.size() + " fields " + names);
            for (int k = 1; v < end; k++) {
                e.field("UserData" + (names.size() + k), row.get(v++));
            }
        }
    }

    private static int freeTextIndex(List<String> names) {
        for (String f : FREE_TEXT) {
            int i = names.indexOf(f);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static Long number(String s) {
        return s == null || s.isEmpty() ? null : TracerptValues.number(s);
    }

    private static Integer toInt(Long v) {
        return v == null ? null : Integer.valueOf(v.intValue());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Positions of the header's columns (-1 when absent). */
    private static final class Columns {
        final List<String> names;
        int eventName = -1;
        int type = -1;
        int eventId = -1;
        int version = -1;
        int opcode = -1;
        int pid = -1;
        int tid = -1;
        int cpu = -1;
        int clockTime = -1;
        int kernelMs = -1;
        int userMs = -1;
        int userData = -1;
        final Map<String, Integer> identity = new HashMap<>();

        private Columns(List<String> names) {
            this.names = names;
        }

        /** The header's columns, or null when this is not a tracerpt CSV header row. */
        static Columns of(List<String> header) {
            Columns c = new Columns(header);
            for (int i = 0; i < header.size(); i++) {
                String k = header.get(i).replace(" ", "").toLowerCase(Locale.ROOT);
                switch (k) {
                    case "eventname" -> c.eventName = i;
                    case "type" -> c.type = i;
                    case "eventid" -> c.eventId = i;
                    case "version" -> c.version = i;
                    case "opcode" -> c.opcode = i;
                    case "pid" -> c.pid = i;
                    case "tid" -> c.tid = i;
                    case "processornumber" -> c.cpu = i;
                    case "clock-time" -> c.clockTime = i;
                    case "kernel(ms)" -> c.kernelMs = i;
                    case "user(ms)" -> c.userMs = i;
                    case "userdata" -> c.userData = i;
                    case "channel", "level", "task", "keyword", "instanceid", "parentinstanceid", "activityid",
                            "relatedactivityid" -> c.identity.put(header.get(i).strip(), i);
                    default -> {
                        // An unknown fixed column is ignored; its values are not payload.
                    }
                }
            }
            return c.eventName == 0 && c.userData > 0 && USER_DATA.equals(header.get(c.userData).strip()
                    .toLowerCase(Locale.ROOT)) ? c : null;
        }

        String get(List<String> row, int i) {
            return i < 0 || i >= row.size() ? null : row.get(i);
        }
    }
}
