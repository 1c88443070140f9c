package etwreplay.ingest.etl;

import etwreplay.ingest.event.Anomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Classic (MOF) events with a FULL_HEADER: kept in {@code generic_event} under their event-class GUID,
 * with the payload decoded into {@code fields} where the layout is known. Known here: KernelTraceControl
 * ImageID events (they name images: original file name, PDB signature) and the SysConfig path and
 * volume-mapping events (they map NT device paths to drive letters). Their layouts were derived from
 * TraceEvent's decoding of net.4.5.2.x64.etl (net.4.5.2.x64.baseline.txt: field names, values and
 * DataLen agree for every such event there), not from a published schema.
 */
final class ClassicEvents {
    /** KernelTraceControl ImageID event class. */
    static final String IMAGE_ID = "b3e675d7-2554-4f18-830b-2762732560de";
    /** KernelTraceControl SysConfig (merge-time system configuration) event class. */
    static final String SYS_CONFIG = "9b79ee91-b5fd-41c0-a243-4248e266e9d0";
    /** KernelTraceControl MetaData event class. */
    static final String META_DATA = "bbccf6c1-6cd1-48c4-80ff-839482e37671";

    private static final class Known {
        final long high;
        final long low;
        final String task;
        final TreeMap<Integer, KernelEvents.Entry> byOpcode = new TreeMap<>();

        Known(String guid, String task) {
            java.util.UUID u = java.util.UUID.fromString(guid);
            this.high = u.getMostSignificantBits();
            this.low = u.getLeastSignificantBits();
            this.task = task;
        }

        Known op(int opcode, String name, String layout) {
            TreeMap<Integer, Layout> layouts = new TreeMap<>();
            if (layout != null) {
                layouts.put(0, Layout.parse(layout));
            }
            byOpcode.put(opcode, new KernelEvents.Entry(task + "/" + name, layouts, null));
            return this;
        }
    }

    private static final List<Known> KNOWN = new ArrayList<>();

    static {
        KNOWN.add(new Known(IMAGE_ID, "ImageID")
                .op(0, "ImageID", "ImageBase:ptr ImageSize:ptr ProcessId:u32 TimeDateStamp:u32 OriginalFileName:utf16")
                .op(32, "None", null)
                .op(36, "DbgID_RSDS", "ImageBase:ptr ProcessId:u32 GuidSig:guid Age:u32 PdbFileName:ansi")
                .op(37, "DbgID_ILRSDS", "ImageBase:ptr ProcessId:u32 GuidSig:guid Age:u32 PdbFileName:ansi")
                .op(64, "FileVersion", null));
        KNOWN.add(new Known(SYS_CONFIG, "SysConfig")
                .op(32, "BuildInfo", null)
                .op(33, "SystemPaths", "SystemDirectory:utf16 SystemWindowsDirectory:utf16")
                .op(34, "UnknownVolume", "Value:utf16")
                .op(35, "VolumeMapping", "NtPath:utf16 DosPath:utf16"));
        KNOWN.add(new Known(META_DATA, "MetaData")
                .op(32, "EventInfo", null)
                .op(33, "EventMapInfo", null));
    }

    private ClassicEvents() {
    }

    static void decode(EventView ev, Payload p, DecodeContext c) {
        String provider = GenericEvents.guidText(ev);
        KernelEvents.Entry entry = null;
        for (Known k : KNOWN) {
            if (k.high == ev.guidHigh && k.low == ev.guidLow) {
                entry = k.byOpcode.get(ev.opcode);
                break;
            }
        }
        if (entry == null) {
            GenericEvents.emit(c, "Opcode(" + ev.opcode + ")", provider, null);
            return;
        }
        Layout layout = entry.nearest(0);
        if (layout == null) {
            GenericEvents.emit(c, entry.name, provider, null);
            return;
        }
        p.bind(ev.data, ev.payloadStart, ev.payloadLength, ev.pointerSize, layout);
        if (p.truncated() && c.tally.count(Anomaly.TRUNCATED_PAYLOAD)) {
            c.tally.describe(Anomaly.TRUNCATED_PAYLOAD, ev.location(), entry.name + ": payload of "
                    + ev.payloadLength + " bytes is shorter than its layout");
        }
        GenericEvents.emit(c, entry.name, provider, p.toTextMap());
    }
}
