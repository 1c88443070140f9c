package etwreplay.ingest.tracerpt;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the children of one {@code <Event>} element into a {@link RenderedEvent}. Elements are matched
 * by local name (tracerpt uses the event namespace, with {@code EventName} and
 * {@code ExtendedTracingInfo} in the trace namespace). Layout, FORMATS.md §6:
 * <pre>
 * System: Provider@Name/@Guid, EventID, Version, Level, Task, Opcode, Keywords,
 *         TimeCreated@SystemTime | @RawTime, Correlation@ActivityID, Execution@ProcessID/@ThreadID/
 *         @ProcessorID/@KernelTime/@UserTime, Channel, Computer
 * EventData: Data@Name (text)        UserData: any element tree (leaves become fields)
 * RenderingInfo: Opcode, Task, Provider, EventName, Message
 * ExtendedTracingInfo: EventGuid
 * </pre>
 * Unknown elements are skipped whole. Not thread-safe.
 */
final class EventXml {
    private static final String NO_ACTIVITY = "00000000-0000-0000-0000-000000000000";

    private final XMLStreamReader r;
    private final RenderedEvent e;
    private final SystemTimes systemTimes = new SystemTimes();

    EventXml(XMLStreamReader reader, RenderedEvent event) {
        this.r = reader;
        this.e = event;
    }

    /** Called on the {@code <Event>} start tag; returns on its end tag. */
    void read() throws XMLStreamException {
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "System" -> system();
                case "EventData" -> eventData();
                case "UserData" -> userData();
                case "RenderingInfo" -> renderingInfo();
                case "ExtendedTracingInfo" -> extendedTracingInfo();
                default -> skip();
            }
        }
    }

    /** Advances to the next child start tag (true) or to the parent's end tag (false). */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int t = r.next();
            if (t == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (t == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (t == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entity reference &" + r.getLocalName()
                        + "; refused (entities are never expanded)", r.getLocation());
            }
        }
    }

    private void skip() throws XMLStreamException {
        while (nextChild()) {
            skip();
        }
    }

    /**
     * The text of a simple element, ending on its end tag; child elements are skipped. The parser's
     * string is returned as is when the text comes in one piece, as it nearly always does.
     */
    private String text() throws XMLStreamException {
        String first = null;
        StringBuilder more = null;
        while (true) {
            int t = r.next();
            if (t == XMLStreamConstants.CHARACTERS || t == XMLStreamConstants.CDATA
                    || t == XMLStreamConstants.SPACE) {
                if (first == null) {
                    first = r.getText();
                } else {
                    if (more == null) {
                        more = new StringBuilder(first);
                    }
                    more.append(r.getText());
                }
            } else if (t == XMLStreamConstants.START_ELEMENT) {
                skip();
            } else if (t == XMLStreamConstants.END_ELEMENT) {
                return more != null ? more.toString() : first != null ? first : "";
            } else if (t == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entity reference &" + r.getLocalName()
                        + "; refused (entities are never expanded)", r.getLocation());
            }
        }
    }

    private String attr(String name) {
        return r.getAttributeValue(null, name);
    }

    private void system() throws XMLStreamException {
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "Provider" -> {
                    String name = attr("Name");
                    if (name != null && !name.isBlank()) {
                        e.providerName = name.strip();
                    }
                    e.providerGuid = KernelClasses.normalizeGuid(attr("Guid"));
                    identity("ProviderGuid", e.providerGuid);
                    skip();
                }
                case "EventID" -> e.eventId = intIdentity("EventID", text());
                case "Version" -> e.version = toInt(TracerptValues.number(text()));
                case "Level" -> intIdentity("Level", text());
                case "Task" -> intIdentity("Task", text());
                case "Opcode" -> e.opcode = toInt(TracerptValues.number(text()));
                case "Keywords" -> identity("Keywords", text());
                case "TimeCreated" -> {
                    String system = attr("SystemTime");
                    String raw = attr("RawTime");
                    e.epochNanos = system == null ? null : systemTimes.epochNanos(system);
                    e.rawTime = raw == null ? null : TracerptValues.number(raw);
                    if (e.epochNanos == null && system != null) {
                        e.headerExtra.put("SystemTime", system);
                    }
                    skip();
                }
                case "Correlation" -> {
                    activity("ActivityID", attr("ActivityID"));
                    activity("RelatedActivityID", attr("RelatedActivityID"));
                    skip();
                }
                case "Execution" -> {
                    e.pid = TracerptValues.id(TracerptValues.number(attr("ProcessID")));
                    e.tid = TracerptValues.id(TracerptValues.number(attr("ThreadID")));
                    e.cpu = toInt(TracerptValues.number(attr("ProcessorID")));
                    nonZero("KernelTime", attr("KernelTime"));
                    nonZero("UserTime", attr("UserTime"));
                    skip();
                }
                case "EventRecordID", "Channel", "Computer" -> identity(r.getLocalName(), text());
                case "Security" -> {
                    identity("UserID", attr("UserID"));
                    skip();
                }
                default -> skip();
            }
        }
    }

    private void eventData() throws XMLStreamException {
        int unnamed = 0;
        while (nextChild()) {
            String element = r.getLocalName();
            String name = attr("Name");
            String value = text();
            if (name == null || name.isBlank()) {
                name = element + (++unnamed);
            }
            e.field(name, value);
        }
    }

    /** Manifest events put their payload in an element tree: each leaf element becomes a field. */
    private void userData() throws XMLStreamException {
        while (nextChild()) {
            leaves();
        }
    }

    /** On a start tag: records it as a field if it has no child elements, else recurses. */
    private void leaves() throws XMLStreamException {
        String name = r.getLocalName();
        StringBuilder sb = new StringBuilder();
        boolean children = false;
        while (true) {
            int t = r.next();
            if (t == XMLStreamConstants.START_ELEMENT) {
                children = true;
                leaves();
            } else if (t == XMLStreamConstants.CHARACTERS || t == XMLStreamConstants.CDATA) {
                sb.append(r.getText());
            } else if (t == XMLStreamConstants.END_ELEMENT) {
                if (!children) {
                    e.field(name, sb.toString());
                }
                return;
            } else if (t == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entity reference &" + r.getLocalName()
                        + "; refused (entities are never expanded)", r.getLocation());
            }
        }
    }

    private void renderingInfo() throws XMLStreamException {
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "Opcode" -> e.opcodeName = blankToNull(text());
                case "Task" -> e.taskName = blankToNull(text());
                case "EventName" -> e.className = blankToNull(text());
                case "Provider" -> {
                    String p = blankToNull(text());
                    if (e.providerName == null) {
                        e.providerName = p;
                    }
                }
                case "Message" -> {
                    String m = blankToNull(text());
                    if (m != null) {
                        e.headerExtra.put("Message", m);
                    }
                }
                default -> skip();
            }
        }
    }

    private void extendedTracingInfo() throws XMLStreamException {
        while (nextChild()) {
            if ("EventGuid".equals(r.getLocalName())) {
                e.classGuid = KernelClasses.normalizeGuid(text());
                identity("EventGuid", e.classGuid);
            } else {
                skip();
            }
        }
    }

    private Integer intIdentity(String name, String text) {
        identity(name, text);
        return toInt(TracerptValues.number(text));
    }

    private void identity(String name, String value) {
        if (value != null && !value.isBlank()) {
            e.identity.put(name, value.strip());
        }
    }

    private void activity(String name, String value) {
        String guid = KernelClasses.normalizeGuid(value);
        if (guid != null && !guid.equals(NO_ACTIVITY)) {
            e.headerExtra.put(name, guid);
        }
    }

    private void nonZero(String name, String value) {
        Long v = TracerptValues.number(value);
        if (value != null && (v == null || v != 0)) {
            e.headerExtra.put(name, value.strip());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer toInt(Long v) {
        return v == null ? null : Integer.valueOf(v.intValue());
    }
}
