package etwreplay.ingest.etl;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events with an EVENT_HEADER (manifest-based and TraceLogging providers): etwreplay has no manifests,
 * so each is kept in {@code generic_event} with its provider GUID, opcode, version, descriptor (id,
 * task, level, keyword, channel in {@code fields}) and raw payload. TraceLogging events carry their own
 * names in extended data items (evntcons.h EVENT_HEADER_EXT_TYPE_EVENT_SCHEMA_TL = 11: u16 size, tag
 * bytes while the high bit is set, NUL-terminated UTF-8 event name; PROV_TRAITS = 12: u16 size,
 * NUL-terminated provider name): then {@code name} is the event name and {@code ProviderName} is kept.
 * Other events are named {@code EventID(n)}, as TraceEvent names events it cannot resolve.
 */
final class ManifestEvents {
    private static final int EXT_EVENT_SCHEMA_TL = 11;
    private static final int EXT_PROV_TRAITS = 12;

    private ManifestEvents() {
    }

    static void decode(EventView ev, DecodeContext c) {
        String eventName = null;
        String providerName = null;
        if (ev.extEnd > ev.extStart) {
            byte[] d = ev.data;
            for (int p = ev.extStart; ev.extEnd - p >= 8; ) {
                int type = LittleEndian.u16(d, p + 2);
                int size = LittleEndian.u16(d, p + 6);
                int data = p + 8;
                int end = Math.min(data + size, ev.extEnd);
                if (type == EXT_EVENT_SCHEMA_TL && end - data > 2) {
                    int q = data + 2;
                    while (q < end && (d[q] & 0x80) != 0) {
                        q++;
                    }
                    eventName = cString(d, q + 1, end);
                } else if (type == EXT_PROV_TRAITS && end - data > 2) {
                    providerName = cString(d, data + 2, end);
                }
                p += (8 + size + 7) & ~7;
            }
        }
        Map<String, String> more = null;
        if (providerName != null) {
            more = new LinkedHashMap<>();
            more.put("ProviderName", providerName);
        }
        GenericEvents.emit(c, eventName != null ? eventName : "EventID(" + ev.eventId + ")", GenericEvents.guidText(ev),
                GenericEvents.descriptor(ev, more));
    }

    /** The NUL-terminated UTF-8 string at {@code d[from…end)}, or null when empty or absent. */
    private static String cString(byte[] d, int from, int end) {
        if (from >= end) {
            return null;
        }
        int nul = from;
        while (nul < end && d[nul] != 0) {
            nul++;
        }
        return nul == from ? null : new String(d, from, nul - from, StandardCharsets.UTF_8);
    }
}
