package etwreplay.ingest.tracerpt;

import etwreplay.ingest.event.DiskIoEvent;
import etwreplay.ingest.event.DpcEvent;
import etwreplay.ingest.event.DriverIrpEvent;
import etwreplay.ingest.event.ImageEvent;
import etwreplay.ingest.event.IsrEvent;
import etwreplay.ingest.event.PageFaultEvent;
import etwreplay.ingest.event.ProcessEvent;
import etwreplay.ingest.event.SyscallEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernel events etwreplay models, by (event class GUID, opcode), each with its handler and with
 * tracerpt's opcode name (for CSV rows that give only the name). Opcodes and names: SCHEMAS.md §1.1.
 * Built once; read-only afterwards.
 */
final class KernelEventTypes {
    /** An event's opcode is one byte (EVENT_TRACE_HEADER.Class.Type; SCHEMAS.md §0.1). */
    private static final int OPCODES = 256;
    /**
     * Handlers by class GUID, then by opcode: the lookup runs for every event, and a GUID:opcode key
     * string built per event cost more than the rest of it (issue #7).
     */
    private static final Map<String, KernelEventHandler[]> HANDLERS = new HashMap<>();
    private static final Map<String, Integer> OPCODES_BY_NAME = new HashMap<>();

    static {
        String p = KernelClasses.PROCESS;
        add(p, 1, "Start", new ProcessHandler(ProcessEvent.START));
        add(p, 2, "End", new ProcessHandler(ProcessEvent.END));
        add(p, 3, "DCStart", new ProcessHandler(ProcessEvent.DC_START));
        add(p, 4, "DCEnd", new ProcessHandler(ProcessEvent.DC_END));
        add(p, 39, "Defunct", new ProcessHandler(ProcessEvent.DEFUNCT));
        String t = KernelClasses.THREAD;
        add(t, 1, "Start", new ThreadHandler("Start"));
        add(t, 2, "End", new ThreadHandler("End"));
        add(t, 3, "DCStart", new ThreadHandler("DCStart"));
        add(t, 4, "DCEnd", new ThreadHandler("DCEnd"));
        add(t, 36, "CSwitch", new CSwitchHandler());
        add(t, 50, "ReadyThread", new ReadyThreadHandler());
        String i = KernelClasses.IMAGE;
        add(i, 10, "Load", new ImageHandler(ImageEvent.LOAD));
        add(i, 2, "UnLoad", new ImageHandler(ImageEvent.UNLOAD));
        add(i, 3, "DCStart", new ImageHandler(ImageEvent.DC_START));
        add(i, 4, "DCEnd", new ImageHandler(ImageEvent.DC_END));
        String pi = KernelClasses.PERF_INFO;
        add(pi, 46, "SampleProf", new SampleHandler());
        add(pi, 51, "SysClEnter", new SyscallHandler(SyscallEvent.ENTER));
        add(pi, 52, "SysClExit", new SyscallHandler(SyscallEvent.EXIT));
        add(pi, 66, "ThreadedDPC", new DpcHandler(DpcEvent.THREADED_DPC));
        add(pi, 68, "DPC", new DpcHandler(DpcEvent.DPC));
        add(pi, 69, "TimerDPC", new DpcHandler(DpcEvent.TIMER_DPC));
        add(pi, 70, "IOTimer", new DpcHandler(DpcEvent.IO_TIMER));
        add(pi, 67, "ISR", new IsrHandler(IsrEvent.ISR));
        add(pi, 50, "ISR-MSI", new IsrHandler(IsrEvent.ISR_MSI));
        add(pi, 95, "ISR-PASS", new IsrHandler(IsrEvent.ISR_PASSIVE));
        String d = KernelClasses.DISK_IO;
        add(d, 10, "Read", new DiskIoHandler(DiskIoEvent.READ));
        add(d, 11, "Write", new DiskIoHandler(DiskIoEvent.WRITE));
        add(d, 12, "ReadInit", new DiskIoHandler(DiskIoEvent.READ_INIT));
        add(d, 13, "WriteInit", new DiskIoHandler(DiskIoEvent.WRITE_INIT));
        add(d, 14, "FlushBuffers", new DiskIoHandler(DiskIoEvent.FLUSH));
        add(d, 15, "FlushInit", new DiskIoHandler(DiskIoEvent.FLUSH_INIT));
        add(d, 34, "DrvMjFnCall", new DriverIrpHandler(DriverIrpEvent.CALL));
        add(d, 35, "DrvMjFnRet", new DriverIrpHandler(DriverIrpEvent.RETURN));
        add(d, 37, "DrvComplRout", new DriverIrpHandler(DriverIrpEvent.COMPLETION_ROUTINE));
        add(d, 52, "DrvComplReq", new DriverIrpHandler(DriverIrpEvent.COMPLETE_REQUEST));
        add(d, 53, "DrvComplReqRet", new DriverIrpHandler(DriverIrpEvent.COMPLETE_REQUEST_RETURN));
        String f = KernelClasses.FILE_IO;
        add(f, 0, "Name", new FileIoHandler("Name", false));
        add(f, 32, "FileCreate", new FileIoHandler("FileCreate", false));
        add(f, 35, "FileDelete", new FileIoHandler("FileDelete", false));
        add(f, 36, "FileRundown", new FileIoHandler("FileRundown", false));
        String[] begins = {"64:Create", "65:Cleanup", "66:Close", "67:Read", "68:Write", "69:SetInfo", "70:Delete",
            "71:Rename", "72:DirEnum", "73:Flush", "74:QueryInfo", "75:FSControl", "77:DirNotify"};
        for (String b : begins) {
            String[] op = b.split(":");
            add(f, Integer.parseInt(op[0]), op[1], new FileIoHandler(op[1], true));
        }
        add(f, 76, "OperationEnd", new FileIoHandler("OpEnd", false));
        String pf = KernelClasses.PAGE_FAULT;
        String[] faults = {"10:TransitionFault", "11:DemandZeroFault", "12:CopyOnWrite", "13:GuardPageFault",
            "14:HardPageFault", "15:AccessViolation"};
        for (String fault : faults) {
            String[] op = fault.split(":");
            add(pf, Integer.parseInt(op[0]), op[1], new PageFaultHandler(op[1]));
        }
        add(pf, 32, "HardFault", new PageFaultHandler(PageFaultEvent.HARD_FAULT));
        add(KernelClasses.STACK_WALK, 32, "Stack", new StackWalkHandler());
    }

    private KernelEventTypes() {
    }

    private static void add(String classGuid, int opcode, String opcodeName, KernelEventHandler handler) {
        HANDLERS.computeIfAbsent(classGuid, g -> new KernelEventHandler[OPCODES])[opcode] = handler;
        OPCODES_BY_NAME.put(classGuid + ":" + opcodeName, opcode);
    }

    /** The handler of a modelled kernel event, or null. */
    static KernelEventHandler handlerFor(String classGuid, Integer opcode) {
        if (classGuid == null || opcode == null || opcode < 0 || opcode >= OPCODES) {
            return null;
        }
        KernelEventHandler[] byOpcode = HANDLERS.get(classGuid);
        return byOpcode == null ? null : byOpcode[opcode];
    }

    /** The opcode of a modelled event named {@code opcodeName} in its class (CSV without an Opcode column). */
    static Integer opcodeOf(String classGuid, String opcodeName) {
        return classGuid == null || opcodeName == null ? null : OPCODES_BY_NAME.get(classGuid + ":" + opcodeName.strip());
    }
}
