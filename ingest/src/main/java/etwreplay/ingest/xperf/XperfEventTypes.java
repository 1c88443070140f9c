package etwreplay.ingest.xperf;

import etwreplay.ingest.event.DiskIoEvent;
import etwreplay.ingest.event.DpcEvent;
import etwreplay.ingest.event.DriverIrpEvent;
import etwreplay.ingest.event.ImageEvent;
import etwreplay.ingest.event.PageFaultEvent;
import etwreplay.ingest.event.ProcessEvent;
import etwreplay.ingest.event.SyscallEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The xperf dumper event-type names etwreplay models, each with the handler that maps it to a
 * canonical table. Names: SCHEMAS.md §1.1 ("xperf type" column) and FORMATS.md §1. Built once.
 */
final class XperfEventTypes {
    private static final Map<String, Function<XperfSchema, XperfEventHandler>> HANDLERS = new HashMap<>();

    static {
        process("P-Start", ProcessEvent.START);
        process("P-End", ProcessEvent.END);
        process("P-DCStart", ProcessEvent.DC_START);
        process("P-DCEnd", ProcessEvent.DC_END);
        process("P-Zombie", ProcessEvent.DEFUNCT);
        for (String k : new String[] {"Start", "End", "DCStart", "DCEnd"}) {
            HANDLERS.put("T-" + k, s -> new ThreadHandler(s, k));
        }
        image("I-Start", ImageEvent.LOAD);
        image("I-End", ImageEvent.UNLOAD);
        image("I-DCStart", ImageEvent.DC_START);
        image("I-DCEnd", ImageEvent.DC_END);
        HANDLERS.put("CSwitch", CSwitchHandler::new);
        HANDLERS.put("ReadyThread", ReadyThreadHandler::new);
        dpc("DPC", DpcEvent.DPC);
        dpc("DPCTmr", DpcEvent.TIMER_DPC);
        // The threaded-DPC and IoTimer row names were not found in any public dump (SCHEMAS.md §1.1 "?"):
        // these are the names TraceEvent/MOF use.
        dpc("ThreadedDPC", DpcEvent.THREADED_DPC);
        dpc("DPCThreaded", DpcEvent.THREADED_DPC);
        dpc("IOTimer", DpcEvent.IO_TIMER);
        HANDLERS.put("Interrupt", InterruptHandler::new);
        disk("DiskRead", DiskIoEvent.READ);
        disk("DiskWrite", DiskIoEvent.WRITE);
        disk("DiskFlush", DiskIoEvent.FLUSH);
        disk("DiskReadInit", DiskIoEvent.READ_INIT);
        disk("DiskWriteInit", DiskIoEvent.WRITE_INIT);
        disk("DiskFlushInit", DiskIoEvent.FLUSH_INIT);
        for (String op : new String[] {"Create", "Cleanup", "Close", "Flush", "Read", "Write", "SetInfo",
            "QueryInfo", "Delete", "Rename", "DirEnum", "DirNotify"}) {
            file("FileIo" + op, op);
        }
        file("FileIoFSCTL", "FSControl");
        file("FileIoOpEnd", "OpEnd");
        file("FileName", "Name");
        file("FileNameCreate", "FileCreate");
        file("FileNameDelete", "FileDelete");
        file("FileNameRundown", "FileRundown");
        // 2008-era and Win10-era names of the same driver events (FORMATS.md §1a).
        driver("DriverCall", DriverIrpEvent.CALL);
        driver("DriverReturn", DriverIrpEvent.RETURN);
        driver("DriverComplete", DriverIrpEvent.COMPLETE_REQUEST);
        driver("DriverCompleteReturn", DriverIrpEvent.COMPLETE_REQUEST_RETURN);
        driver("DriverCompletionRoutine", DriverIrpEvent.COMPLETION_ROUTINE);
        for (String k : new String[] {DriverIrpEvent.CALL, DriverIrpEvent.RETURN, DriverIrpEvent.COMPLETE_REQUEST,
            DriverIrpEvent.COMPLETE_REQUEST_RETURN, DriverIrpEvent.COMPLETION_ROUTINE}) {
            driver(k, k);
        }
        HANDLERS.put("PageFault", s -> new PageFaultHandler(s, null));
        for (String k : new String[] {"TransitionFault", "DemandZeroFault", "CopyOnWrite", "GuardPageFault",
            "HardPageFault", "AccessViolation"}) {
            HANDLERS.put(k, s -> new PageFaultHandler(s, k));
        }
        HANDLERS.put("HardFault", s -> new PageFaultHandler(s, PageFaultEvent.HARD_FAULT));
        HANDLERS.put("SampledProfile", s -> new SampleHandler(s, null));
        HANDLERS.put("SampledProfileNmi", s -> new SampleHandler(s, "Nmi"));
        HANDLERS.put("SysCallEnter", s -> new SyscallHandler(s, SyscallEvent.ENTER));
        HANDLERS.put("SysCallExit", s -> new SyscallHandler(s, SyscallEvent.EXIT));
    }

    private XperfEventTypes() {
    }

    private static void process(String name, String kind) {
        HANDLERS.put(name, s -> new ProcessHandler(s, kind));
    }

    private static void image(String name, String kind) {
        HANDLERS.put(name, s -> new ImageHandler(s, kind));
    }

    private static void dpc(String name, String kind) {
        HANDLERS.put(name, s -> new DpcHandler(s, kind));
    }

    private static void disk(String name, String kind) {
        HANDLERS.put(name, s -> new DiskIoHandler(s, kind));
    }

    private static void file(String name, String kind) {
        HANDLERS.put(name, s -> new FileIoHandler(s, kind));
    }

    private static void driver(String name, String kind) {
        HANDLERS.put(name, s -> new DriverIrpHandler(s, kind));
    }

    /** The handler for {@code schema}'s event type, bound to its columns; generic when not modelled. */
    static XperfEventHandler handlerFor(XperfSchema schema) {
        Function<XperfSchema, XperfEventHandler> f = HANDLERS.get(schema.eventName());
        return f == null ? new GenericHandler(schema) : f.apply(schema);
    }

    static boolean isModelled(String eventName) {
        return HANDLERS.containsKey(eventName);
    }
}
