package etwreplay.ingest.etl;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
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
 *
 * <p>Manifest events repeat a few descriptors thousands of times, so name, provider text and the
 * (immutable) fields map are cached per descriptor. One instance per read; not thread-safe.
 */
final class ManifestEvents {
    private static final int EXT_EVENT_SCHEMA_TL = 11;
    private static final int EXT_PROV_TRAITS = 12;

    /** Direct-mapped: a hit costs a few comparisons, a miss builds the strings once more. */
    private final Descriptor[] cache = new Descriptor[256];

    void decode(EventView ev, DecodeContext c) {
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
        if (eventName == null && providerName == null) {
            Descriptor d = descriptor(ev);
            GenericEvents.emit(c, d.name, d.provider, d.fields);
            return;
        }
        Map<String, String> more = null;
        if (providerName != null) {
            more = new LinkedHashMap<>();
            more.put("ProviderName", providerName);
        }
        GenericEvents.emit(c, eventName != null ? eventName : "EventID(" + ev.eventId + ")", GenericEvents.guidText(ev),
                GenericEvents.descriptor(ev, more));
    }

    private Descriptor descriptor(EventView ev) {
        int slot = (int) ((ev.guidHigh ^ ev.guidLow) * 31 + ev.eventId * 7L + ev.opcode) & (cache.length - 1);
        Descriptor d = cache[slot];
        if (d == null || !d.matches(ev)) {
            d = new Descriptor(ev);
            cache[slot] = d;
        }
        return d;
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

    /** The generic_event name, provider and fields of one event descriptor. Immutable. */
    private static final class Descriptor {
        private final long guidHigh;
        private final long guidLow;
        private final int id;
        private final int version;
        private final int opcode;
        private final int task;
        private final int level;
        private final int channel;
        private final long keyword;
        final String name;
        final String provider;
        final Map<String, String> fields;

        Descriptor(EventView ev) {
            guidHigh = ev.guidHigh;
            guidLow = ev.guidLow;
            id = ev.eventId;
            version = ev.version;
            opcode = ev.opcode;
            task = ev.task;
            level = ev.level;
            channel = ev.channel;
            keyword = ev.keyword;
            name = "EventID(" + ev.eventId + ")";
            provider = GenericEvents.guidText(ev);
            fields = Collections.unmodifiableMap(GenericEvents.descriptor(ev, null));
        }

        boolean matches(EventView ev) {
            return ev.guidHigh == guidHigh && ev.guidLow == guidLow && ev.eventId == id && ev.version == version
                    && ev.opcode == opcode && ev.task == task && ev.level == level && ev.channel == channel
                    && ev.keyword == keyword;
        }
    }
}
