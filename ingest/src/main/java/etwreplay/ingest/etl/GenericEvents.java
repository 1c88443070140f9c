package etwreplay.ingest.etl;

import etwreplay.ingest.event.GenericEvent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds {@code generic_event} rows for what the canonical tables do not model: kernel events of other
 * kinds (provider {@value #KERNEL_PROVIDER}, name {@code Group/Opcode}), classic MOF events (provider =
 * event-class GUID) and manifest/TraceLogging events (provider = provider GUID). Every row keeps the raw
 * payload; {@code fields} holds what a known layout decoded, plus the event descriptor of manifest
 * events.
 */
final class GenericEvents {
    /** TraceEvent's name for the kernel logger's provider (MSNT_SystemTrace), as in its baseline dumps. */
    static final String KERNEL_PROVIDER = "Windows Kernel";

    private GenericEvents() {
    }

    /** A kernel event; {@code p} bound to a layout gives its fields, or null for raw only. */
    static void kernel(DecodeContext c, Payload p) {
        EventView ev = c.event;
        String name = KernelEvents.name(ev.group, ev.opcode);
        emit(c, name, KERNEL_PROVIDER, p == null ? null : p.toTextMap());
    }

    static void emit(DecodeContext c, String name, String provider, Map<String, String> fields) {
        EventView ev = c.event;
        byte[] payload = Arrays.copyOfRange(ev.data, ev.payloadStart, ev.payloadStart + ev.payloadLength);
        c.emit(new GenericEvent(c.ts, c.cpu, name, provider, ev.opcode, ev.version, c.headerPid(), c.headerTid(),
                fields == null || fields.isEmpty() ? null : fields, payload));
    }

    /** The manifest-event descriptor fields (id, task, level, keyword, channel) followed by {@code more}. */
    static Map<String, String> descriptor(EventView ev, Map<String, String> more) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Id", Integer.toString(ev.eventId));
        m.put("Task", Integer.toString(ev.task));
        m.put("Level", Integer.toString(ev.level));
        m.put("Keyword", "0x" + Long.toHexString(ev.keyword));
        m.put("Channel", Integer.toString(ev.channel));
        if (more != null) {
            m.putAll(more);
        }
        return m;
    }

    static String guidText(EventView ev) {
        return new UUID(ev.guidHigh, ev.guidLow).toString();
    }
}
