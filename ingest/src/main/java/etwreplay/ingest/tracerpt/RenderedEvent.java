package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event as tracerpt rendered it, whether read from XML ({@code System}, {@code EventData/Data
 * Name=…}, {@code RenderingInfo}) or from a CSV row (fixed columns, then User Data named by
 * {@link TracerptCsvLayouts}). Typed getters read payload fields by tracerpt's names, count what they
 * cannot read instead of throwing, and mark what they read: the rest becomes the row's {@code extra},
 * so ingest is lossless. Reused for every event by one reader; not thread-safe.
 */
final class RenderedEvent {
    /** The kernel logger's provider, MSNT_SystemTrace (SCHEMAS.md §0.1). */
    static final String KERNEL_PROVIDER_GUID = "9e814aad-3204-11d2-9a82-006008a86939";

    String providerName;
    /** Lower case, without braces; null when not given. */
    String providerGuid;
    /** Event class name, e.g. {@code Thread} (RenderingInfo/EventName, CSV "Event Name"). */
    String className;
    /** Event class GUID of a classic (MOF) event, lower case without braces (ExtendedTracingInfo/EventGuid). */
    String classGuid;
    Integer eventId;
    Integer version;
    Integer opcode;
    /** Opcode name, e.g. {@code CSwitch} (RenderingInfo/Opcode, CSV "Type"). */
    String opcodeName;
    String taskName;
    /** Event time as printed in wall-clock form (SystemTime, or a FILETIME), ns since 1970; or null. */
    Long epochNanos;
    /** Event time as a raw session-clock value ({@code RawTime}, tracerpt -rts); or null. */
    Long rawTime;
    Integer pid;
    Integer tid;
    Integer cpu;
    /**
     * Header values that identify the event (EventID, Level, Task, Keywords, GUIDs …): implied by the
     * canonical table a modelled event lands in, kept in extra of generic events.
     */
    final NamedValues identity = new NamedValues();
    /** Header attributes not modelled anywhere else (KernelTime, ActivityID …), kept in extra. */
    final Map<String, String> headerExtra = new LinkedHashMap<>();
    /** Payload fields by tracerpt name, in order, each marked when a getter reads it. */
    final NamedValues fields = new NamedValues();
    /** Line of the event in its file; its location text is made only when an anomaly needs it. */
    private long line;

    private Map<String, String> unreadable;
    private EventSink sink;

    /** Clears everything for the next event. */
    void reset(EventSink anomalies, long lineNumber) {
        providerName = null;
        providerGuid = null;
        className = null;
        classGuid = null;
        eventId = null;
        version = null;
        opcode = null;
        opcodeName = null;
        taskName = null;
        epochNanos = null;
        rawTime = null;
        pid = null;
        tid = null;
        cpu = null;
        identity.clear();
        headerExtra.clear();
        fields.clear();
        unreadable = null;
        sink = anomalies;
        line = lineNumber;
    }

    /** Adds a payload field; a repeated name gets {@code #2}, {@code #3} … */
    void field(String name, String value) {
        fields.add(name, value);
    }

    /** e.g. {@code line 12}. */
    String location() {
        return "line " + line;
    }

    boolean isKernel() {
        return KERNEL_PROVIDER_GUID.equals(providerGuid) || "MSNT_SystemTrace".equals(providerName);
    }

    /** Text of the first present field among {@code names} (marked read), stripped; null when absent or blank. */
    String text(String... names) {
        for (String n : names) {
            int i = fields.indexOf(n);
            if (i >= 0 && fields.value(i) != null) {
                fields.markRead(i);
                String v = fields.value(i);
                return v.isBlank() ? null : v.strip();
            }
        }
        return null;
    }

    /** Whether any of {@code names} is present. */
    boolean has(String... names) {
        for (String n : names) {
            if (fields.containsKey(n)) {
                return true;
            }
        }
        return false;
    }

    /** An integer field (decimal or 0x hex); null when absent; unreadable text is counted and kept. */
    Long number(String... names) {
        for (String n : names) {
            int i = fields.indexOf(n);
            if (i >= 0 && fields.value(i) != null) {
                fields.markRead(i);
                String v = fields.value(i);
                if (v.isBlank()) {
                    return null;
                }
                Long x = TracerptValues.number(v);
                if (x == null) {
                    unreadable(n, v);
                }
                return x;
            }
        }
        return null;
    }

    Integer int32(String... names) {
        Long n = number(names);
        return n == null ? null : Integer.valueOf(n.intValue());
    }

    /** A process or thread id field; {@code 4294967295} is NULL. */
    Integer id(String... names) {
        return TracerptValues.id(number(names));
    }

    /** Marks a field as deliberately not stored (e.g. a padding field). */
    void skip(String... names) {
        for (String n : names) {
            int i = fields.indexOf(n);
            if (i >= 0) {
                fields.markRead(i);
            }
        }
    }

    /** Keeps text that could not be read under its field name, and counts it. */
    void unreadable(String name, String text) {
        sink.anomaly(Anomaly.UNPARSEABLE_VALUE, location(), name + " = " + text);
        keep(name, text);
    }

    /** Keeps a field's text in extra without counting (its anomaly was counted elsewhere). */
    void keep(String name, String text) {
        if (unreadable == null) {
            unreadable = new LinkedHashMap<>();
        }
        unreadable.put(name, text);
    }

    /** Header extras, unread non-blank fields and unreadable text; null when there are none. */
    Map<String, String> extra() {
        Map<String, String> out = null;
        if (!headerExtra.isEmpty()) {
            out = new LinkedHashMap<>(headerExtra);
        }
        for (int i = 0; i < fields.size(); i++) {
            String v = fields.value(i);
            if (!fields.isRead(i) && v != null && !v.isBlank()) {
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(fields.name(i), v.strip());
            }
        }
        if (unreadable != null) {
            if (out == null) {
                out = new LinkedHashMap<>();
            }
            out.putAll(unreadable);
        }
        return out;
    }

    /** Every payload field (values stripped of tracerpt's padding), for generic events. */
    Map<String, String> allFields() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String v = fields.value(i);
            out.put(fields.name(i), v == null ? null : v.strip());
        }
        return out;
    }

    /** {@code Thread/CSwitch}-style name for messages and generic events. */
    String displayName() {
        String cls = className != null ? className : providerName != null ? providerName
                : providerGuid != null ? "{" + providerGuid + "}" : "Event";
        // Classic (MOF) events are told apart by opcode, manifest events by event id.
        String op = opcodeName != null ? opcodeName : classGuid != null && opcode != null ? "opcode " + opcode
                : eventId != null ? "id " + eventId : opcode != null ? "opcode " + opcode : null;
        return op == null ? cls : cls + "/" + op;
    }
}
