package etwreplay.ingest.etl;

import etwreplay.ingest.event.DiskIoEvent;
import etwreplay.ingest.event.DpcEvent;
import etwreplay.ingest.event.DriverIrpEvent;
import etwreplay.ingest.event.ImageEvent;
import etwreplay.ingest.event.IsrEvent;
import etwreplay.ingest.event.PageFaultEvent;
import etwreplay.ingest.event.ProcessEvent;
import etwreplay.ingest.event.SyscallEvent;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kernel event table: for each HookId (group &lt;&lt; 8 | opcode) its name, its payload layouts by
 * version and the decoder that maps it to a canonical table (none: {@code generic_event} with the
 * decoded fields). Built once. Layout sources are cited per group; unless stated, they are the tables
 * and notes of SCHEMAS.md §1 (MSDN MOF classes, TraceEvent, the TDH manifests of dissect.etl). A
 * version with no layout of its own is decoded with the nearest known one and counted
 * ({@link etwreplay.ingest.event.Anomaly#UNKNOWN_VERSION}).
 */
final class KernelEvents {
    /** Kernel group numbers seen in real files (HookId high byte; FORMATS.md §8). */
    static final int EVENT_TRACE = 0x00;
    static final int DISK_IO = 0x01;
    static final int PAGE_FAULT = 0x02;
    static final int PROCESS = 0x03;
    static final int FILE_IO = 0x04;
    static final int THREAD = 0x05;
    static final int TCPIP = 0x06;
    static final int UDPIP = 0x08;
    static final int SYSTEM_CONFIG = 0x0B;
    static final int PERF_INFO = 0x0F;
    static final int IMAGE = 0x14;
    static final int STACK_WALK = 0x18;

    /** HookId of the EventTrace header event, the first event of every file (FORMATS.md §8). */
    static final int HEADER_HOOK = 0x0000;

    private static final Map<Integer, String> GROUP_NAMES = Map.ofEntries(Map.entry(EVENT_TRACE, "EventTrace"),
            Map.entry(DISK_IO, "DiskIo"), Map.entry(PAGE_FAULT, "PageFault"), Map.entry(PROCESS, "Process"),
            Map.entry(FILE_IO, "FileIo"), Map.entry(THREAD, "Thread"), Map.entry(TCPIP, "TcpIp"),
            Map.entry(UDPIP, "UdpIp"), Map.entry(SYSTEM_CONFIG, "SystemConfig"), Map.entry(PERF_INFO, "PerfInfo"),
            Map.entry(IMAGE, "Image"), Map.entry(STACK_WALK, "StackWalk"));

    /** One HookId's name, layouts by version and decoder. */
    static final class Entry {
        final String name;
        private final TreeMap<Integer, Layout> layouts;
        final KernelDecoder decoder;

        Entry(String name, TreeMap<Integer, Layout> layouts, KernelDecoder decoder) {
            this.name = name;
            this.layouts = layouts;
            this.decoder = decoder;
        }

        /** The layout of {@code version}, or null when this version has none of its own. */
        Layout exact(int version) {
            return layouts.get(version);
        }

        /** The closest layout: the highest version below, else the lowest above; null when there are none. */
        Layout nearest(int version) {
            Map.Entry<Integer, Layout> e = layouts.floorEntry(version);
            if (e == null) {
                e = layouts.ceilingEntry(version);
            }
            return e == null ? null : e.getValue();
        }

        boolean hasLayouts() {
            return !layouts.isEmpty();
        }
    }

    private static final Entry[] BY_HOOK = new Entry[1 << 16];

    // ---- Process (class 3d6fa8d0): SCHEMAS.md §1.2; V0, V1 and V5 from its notes. ----
    private static final String PROCESS_COMMON = "UniqueProcessKey:ptr ProcessId:u32 ParentId:u32 SessionId:u32"
            + " ExitStatus:i32";
    private static final String PROCESS_V4 = PROCESS_COMMON + " DirectoryTableBase:ptr Flags:u32 UserSID:sid"
            + " ImageFileName:ansi CommandLine:utf16 PackageFullName:utf16 ApplicationId:utf16";
    private static final Object[] PROCESS_LAYOUTS = {
        0, "ProcessId:ptr ParentId:ptr UserSID:sid ImageFileName:ansi",
        1, "PageDirectoryBase:ptr ProcessId:u32 ParentId:u32 SessionId:u32 ExitStatus:i32 UserSID:sid"
                + " ImageFileName:ansi",
        2, PROCESS_COMMON + " UserSID:sid ImageFileName:ansi CommandLine:utf16",
        3, PROCESS_COMMON + " DirectoryTableBase:ptr UserSID:sid ImageFileName:ansi CommandLine:utf16",
        4, PROCESS_V4,
        5, PROCESS_V4 + " ExitTime:u64"};

    // ---- Thread (class 3d6fa8d1): SCHEMAS.md §1.3. V1 End/DCEnd carry only the two ids. Win10 builds log
    // ThreadName in V3 too (observed in ShutdownPerfDiagLogger.etl, build 18362), hence optional there. ----
    private static final String THREAD_STACKS = "ProcessId:u32 TThreadId:u32 StackBase:ptr StackLimit:ptr"
            + " UserStackBase:ptr UserStackLimit:ptr";
    private static final String THREAD_V3 = THREAD_STACKS + " Affinity:ptr Win32StartAddr:ptr TebBase:ptr"
            + " SubProcessTag:u32 BasePriority:u8 PagePriority:u8 IoPriority:u8 ThreadFlags:u8";
    private static final Object[] THREAD_START_LAYOUTS = {
        0, "TThreadId:u32 ProcessId:u32",
        1, THREAD_STACKS + " StartAddr:ptr Win32StartAddr:ptr WaitMode:i8",
        2, THREAD_STACKS + " StartAddr:ptr Win32StartAddr:ptr TebBase:ptr SubProcessTag:u32",
        3, THREAD_V3 + " ThreadName:utf16?",
        4, THREAD_V3 + " ThreadName:utf16"};
    private static final Object[] THREAD_END_LAYOUTS = {
        0, "TThreadId:u32 ProcessId:u32",
        1, "ProcessId:u32 TThreadId:u32",
        2, THREAD_START_LAYOUTS[5],
        3, THREAD_START_LAYOUTS[7],
        4, THREAD_START_LAYOUTS[9]};

    // ---- CSwitch (Thread/36): SCHEMAS.md §1.4; V1 = 20 bytes with the quanta in bytes 10/11. ----
    private static final String CSWITCH_V2 = "NewThreadId:u32 OldThreadId:u32 NewThreadPriority:i8"
            + " OldThreadPriority:i8 PreviousCState:u8 SpareByte:i8 OldThreadWaitReason:i8 OldThreadWaitMode:i8"
            + " OldThreadState:i8 OldThreadWaitIdealProcessor:i8 NewThreadWaitTime:u32 Reserved:u32";
    private static final Object[] CSWITCH_LAYOUTS = {
        1, "NewThreadId:u32 OldThreadId:u32 NewThreadPriority:i8 OldThreadPriority:i8 NewThreadQuantum:i8"
                + " OldThreadQuantum:i8 OldThreadWaitReason:i8 OldThreadWaitMode:i8 OldThreadState:i8"
                + " OldThreadWaitIdealProcessor:i8 NewThreadWaitTime:u32",
        2, CSWITCH_V2, 3, CSWITCH_V2, 4, CSWITCH_V2};

    // ---- Image (class 2cb15d1d): SCHEMAS.md §1.6. ----
    private static final String IMAGE_HEAD = "ImageBase:ptr ImageSize:ptr ProcessId:u32 ImageChecksum:u32"
            + " TimeDateStamp:u32";
    private static final String IMAGE_TAIL = " DefaultBase:ptr Reserved1:u32 Reserved2:u32 Reserved3:u32"
            + " Reserved4:u32 FileName:utf16";
    private static final Object[] IMAGE_LAYOUTS = {
        0, "BaseAddress:ptr ModuleSize:u32 ImageFileName:utf16",
        1, "ImageBase:ptr ImageSize:ptr ProcessId:u32 FileName:utf16",
        2, IMAGE_HEAD + " Reserved0:u32" + IMAGE_TAIL,
        3, IMAGE_HEAD + " SignatureLevel:u8 SignatureType:u8 Reserved0:u16" + IMAGE_TAIL};

    // ---- PerfInfo (class ce1dbfb4): SCHEMAS.md §1.7. V1 of DPC is not documented apart: the V2 layout.
    private static final String DPC_V2 = "InitialTime:u64 Routine:ptr";
    private static final String ISR_V2 = "InitialTime:u64 Routine:ptr ReturnValue:u8 Vector:u8 Reserved:u16";

    // ---- DiskIo (class 3d6fa8d4): SCHEMAS.md §1.8. ----
    private static final String DISK_RW_V2 = "DiskNumber:u32 IrpFlags:u32 TransferSize:u32 Reserved:u32"
            + " ByteOffset:u64 FileObject:ptr Irp:ptr HighResResponseTime:u64";
    private static final String DISK_FLUSH_V2 = "DiskNumber:u32 IrpFlags:u32 HighResResponseTime:u64 Irp:ptr";

    // ---- FileIo (class 90cbdc39): SCHEMAS.md §1.9; V2 = MSDN order with a pointer-sized TTID after IrpPtr.
    private static final String FILE_NAME = "FileObject:ptr FileName:utf16";

    // ---- TcpIp (class 9a280ac0) and UdpIp (class bf3a50c5), V2: MSDN TcpIp_*/UdpIp_* MOF classes;
    // ports and addresses in network byte order (checked on net.4.5.2.x64.etl against TraceEvent). ----
    private static final String NET_IDS = "PID:u32 size:u32";
    private static final String NET4 = " daddr:ipv4 saddr:ipv4 dport:port sport:port";
    private static final String NET6 = " daddr:ipv6 saddr:ipv6 dport:port sport:port";
    private static final String NET_CONNECT = " mss:u16 sackopt:u16 tsopt:u16 wsopt:u16 rcvwin:u32 rcvwinscale:i16"
            + " sndwinscale:i16";
    private static final String NET_TAIL = " seqnum:u32 connid:ptr";

    static {
        Object[] processLayouts = PROCESS_LAYOUTS;
        kernel(PROCESS, 1, "Process/Start", new ProcessDecoder(ProcessEvent.START), processLayouts);
        kernel(PROCESS, 2, "Process/End", new ProcessDecoder(ProcessEvent.END), processLayouts);
        kernel(PROCESS, 3, "Process/DCStart", new ProcessDecoder(ProcessEvent.DC_START), processLayouts);
        kernel(PROCESS, 4, "Process/DCEnd", new ProcessDecoder(ProcessEvent.DC_END), processLayouts);
        kernel(PROCESS, 39, "Process/Defunct", new ProcessDecoder(ProcessEvent.DEFUNCT), processLayouts);
        // Image loads are logged with the Process group's hook (0x030A), decoded as Image/Load (class
        // 2cb15d1d opcode 10): net.4.5.2.x64.etl's 35 Process/10 events are TraceEvent's 35 Image/Load.
        kernel(PROCESS, 10, "Image/Load", new ImageDecoder(ImageEvent.LOAD), IMAGE_LAYOUTS);
        // Process/Terminate: the process id only (ShutdownPerfDiagLogger.etl, 4-byte payload).
        kernel(PROCESS, 11, "Process/Terminate", null, new Object[] {2, "ProcessId:u32"});
        // Process/PerfCtr and PerfCtrRundown: MSDN Process_V2_TypeGroup2 (104 bytes on x64, as observed).
        Object[] perfCtr = {2, "ProcessId:u32 PageFaultCount:u32 HandleCount:u32 Reserved:u32 PeakVirtualSize:ptr"
                + " PeakWorkingSetSize:ptr PeakPagefileUsage:ptr QuotaPeakPagedPoolUsage:ptr"
                + " QuotaPeakNonPagedPoolUsage:ptr VirtualSize:ptr WorkingSetSize:ptr PagefileUsage:ptr"
                + " QuotaPagedPoolUsage:ptr QuotaNonPagedPoolUsage:ptr PrivatePageCount:ptr"};
        kernel(PROCESS, 32, "Process/PerfCtr", null, perfCtr);
        kernel(PROCESS, 33, "Process/PerfCtrRundown", null, perfCtr);

        kernel(THREAD, 1, "Thread/Start", new ThreadDecoder("Start"), THREAD_START_LAYOUTS);
        kernel(THREAD, 2, "Thread/End", new ThreadDecoder("End"), THREAD_END_LAYOUTS);
        kernel(THREAD, 3, "Thread/DCStart", new ThreadDecoder("DCStart"), THREAD_START_LAYOUTS);
        kernel(THREAD, 4, "Thread/DCEnd", new ThreadDecoder("DCEnd"), THREAD_END_LAYOUTS);
        kernel(THREAD, 36, "Thread/CSwitch", new CSwitchDecoder(), CSWITCH_LAYOUTS);
        kernel(THREAD, 50, "Thread/ReadyThread", new ReadyThreadDecoder(),
                new Object[] {2, "TThreadId:u32 AdjustReason:i8 AdjustIncrement:i8 Flag:i8 Reserved:i8"});

        kernel(IMAGE, 10, "Image/Load", new ImageDecoder(ImageEvent.LOAD), IMAGE_LAYOUTS);
        kernel(IMAGE, 2, "Image/Unload", new ImageDecoder(ImageEvent.UNLOAD), IMAGE_LAYOUTS);
        kernel(IMAGE, 3, "Image/DCStart", new ImageDecoder(ImageEvent.DC_START), IMAGE_LAYOUTS);
        kernel(IMAGE, 4, "Image/DCEnd", new ImageDecoder(ImageEvent.DC_END), IMAGE_LAYOUTS);
        kernel(IMAGE, 33, "Image/KernelBase", null, new Object[] {2, "ImageBase:ptr"});

        kernel(PERF_INFO, 46, "PerfInfo/SampledProfile", new SampleDecoder(), new Object[] {
            1, "InstructionPointer:ptr ThreadId:u32 Count:u32",
            2, "InstructionPointer:ptr ThreadId:u32 Count:u16 Reserved:u8 Rank:u8"});
        kernel(PERF_INFO, 51, "PerfInfo/SysClEnter", new SyscallDecoder(SyscallEvent.ENTER),
                new Object[] {2, "SysCallAddress:ptr"});
        kernel(PERF_INFO, 52, "PerfInfo/SysClExit", new SyscallDecoder(SyscallEvent.EXIT),
                new Object[] {2, "SysCallNtStatus:u32"});
        Object[] dpc = {1, DPC_V2, 2, DPC_V2};
        kernel(PERF_INFO, 66, "PerfInfo/ThreadedDPC", InterruptDecoder.dpc(DpcEvent.THREADED_DPC), dpc);
        kernel(PERF_INFO, 68, "PerfInfo/DPC", InterruptDecoder.dpc(DpcEvent.DPC), dpc);
        kernel(PERF_INFO, 69, "PerfInfo/TimerDPC", InterruptDecoder.dpc(DpcEvent.TIMER_DPC), dpc);
        kernel(PERF_INFO, 70, "PerfInfo/IOTimer", InterruptDecoder.dpc(DpcEvent.IO_TIMER), dpc);
        Object[] isr = {1, "InitialTime:u64 Routine:ptr ReturnValue:u32", 2, ISR_V2};
        kernel(PERF_INFO, 67, "PerfInfo/ISR", InterruptDecoder.isr(IsrEvent.ISR), isr);
        kernel(PERF_INFO, 95, "PerfInfo/ISR-PASS", InterruptDecoder.isr(IsrEvent.ISR_PASSIVE), isr);
        kernel(PERF_INFO, 50, "PerfInfo/ISR-MSI", InterruptDecoder.isr(IsrEvent.ISR_MSI),
                new Object[] {2, ISR_V2 + " MessageNumber:u32"});
        // Names TraceEvent gives opcodes 73/74 (net.4.5.2.x64.baseline.txt); payload not decoded.
        kernel(PERF_INFO, 73, "PerfInfo/CollectionStart", null, new Object[0]);
        kernel(PERF_INFO, 74, "PerfInfo/CollectionEnd", null, new Object[0]);

        Object[] diskRw = {2, DISK_RW_V2, 3, DISK_RW_V2 + " IssuingThreadId:u32"};
        kernel(DISK_IO, 10, "DiskIo/Read", new DiskIoDecoder(DiskIoEvent.READ), diskRw);
        kernel(DISK_IO, 11, "DiskIo/Write", new DiskIoDecoder(DiskIoEvent.WRITE), diskRw);
        Object[] diskInit = {2, "Irp:ptr", 3, "Irp:ptr IssuingThreadId:u32"};
        kernel(DISK_IO, 12, "DiskIo/ReadInit", new DiskIoDecoder(DiskIoEvent.READ_INIT), diskInit);
        kernel(DISK_IO, 13, "DiskIo/WriteInit", new DiskIoDecoder(DiskIoEvent.WRITE_INIT), diskInit);
        kernel(DISK_IO, 15, "DiskIo/FlushInit", new DiskIoDecoder(DiskIoEvent.FLUSH_INIT), diskInit);
        kernel(DISK_IO, 14, "DiskIo/FlushBuffers", new DiskIoDecoder(DiskIoEvent.FLUSH),
                new Object[] {2, DISK_FLUSH_V2, 3, DISK_FLUSH_V2 + " IssuingThreadId:u32"});
        kernel(DISK_IO, 34, "DiskIo/DrvMjFnCall", new DriverIrpDecoder(DriverIrpEvent.CALL), new Object[] {
            1, "UniqMatchId:u32 RoutineAddr:ptr Irp:ptr MajorFunction:u32 MinorFunction:u32 FileObject:ptr",
            2, "MajorFunction:u32 MinorFunction:u32 RoutineAddr:ptr FileObject:ptr Irp:ptr UniqMatchId:u32"});
        kernel(DISK_IO, 35, "DiskIo/DrvMjFnRet", new DriverIrpDecoder(DriverIrpEvent.RETURN),
                new Object[] {1, "UniqMatchId:u32 Irp:ptr", 2, "Irp:ptr UniqMatchId:u32"});
        kernel(DISK_IO, 37, "DiskIo/DrvComplRout", new DriverIrpDecoder(DriverIrpEvent.COMPLETION_ROUTINE),
                new Object[] {2, "Routine:ptr IrpPtr:ptr UniqMatchId:u32"});
        // V1 of DrvComplReq/DrvComplReqRet is listed (SCHEMAS.md §1.1) but not laid out: nearest = V2.
        kernel(DISK_IO, 52, "DiskIo/DrvComplReq", new DriverIrpDecoder(DriverIrpEvent.COMPLETE_REQUEST),
                new Object[] {2, "RoutineAddr:ptr Irp:ptr UniqMatchId:u32"});
        kernel(DISK_IO, 53, "DiskIo/DrvComplReqRet", new DriverIrpDecoder(DriverIrpEvent.COMPLETE_REQUEST_RETURN),
                new Object[] {2, "Irp:ptr UniqMatchId:u32"});

        Object[] fileName = {0, FILE_NAME, 2, FILE_NAME, 3, FILE_NAME};
        file(0, "Name", fileName);
        file(32, "FileCreate", fileName);
        file(35, "FileDelete", fileName);
        file(36, "FileRundown", fileName);
        file(64, "Create", new Object[] {
            2, "IrpPtr:ptr TTID:ptr FileObject:ptr CreateOptions:u32 FileAttributes:u32 ShareAccess:u32"
                    + " OpenPath:utf16",
            3, "IrpPtr:ptr FileObject:ptr TTID:u32 CreateOptions:u32 FileAttributes:u32 ShareAccess:u32"
                    + " OpenPath:utf16"});
        Object[] simple = {2, "IrpPtr:ptr TTID:ptr FileObject:ptr FileKey:ptr",
            3, "IrpPtr:ptr FileObject:ptr FileKey:ptr TTID:u32"};
        file(65, "Cleanup", simple);
        file(66, "Close", simple);
        file(73, "Flush", simple);
        Object[] readWrite = {
            2, "Offset:u64 IrpPtr:ptr TTID:ptr FileObject:ptr FileKey:ptr IoSize:u32 IoFlags:u32",
            3, "Offset:u64 IrpPtr:ptr FileObject:ptr FileKey:ptr TTID:u32 IoSize:u32 IoFlags:u32"};
        file(67, "Read", readWrite);
        file(68, "Write", readWrite);
        Object[] info = {2, "IrpPtr:ptr TTID:ptr FileObject:ptr FileKey:ptr ExtraInfo:ptr InfoClass:u32",
            3, "IrpPtr:ptr FileObject:ptr FileKey:ptr ExtraInfo:ptr TTID:u32 InfoClass:u32"};
        file(69, "SetInfo", info);
        file(70, "Delete", info);
        file(71, "Rename", info);
        file(74, "QueryInfo", info);
        file(75, "FSControl", info);
        Object[] dirEnum = {
            2, "IrpPtr:ptr TTID:ptr FileObject:ptr FileKey:ptr Length:u32 InfoClass:u32 FileIndex:u32"
                    + " FileName:utf16",
            3, "IrpPtr:ptr FileObject:ptr FileKey:ptr TTID:u32 Length:u32 InfoClass:u32 FileIndex:u32"
                    + " FileName:utf16"};
        file(72, "DirEnum", dirEnum);
        file(77, "DirNotify", dirEnum);
        Object[] path = {3, "IrpPtr:ptr FileObject:ptr FileKey:ptr ExtraInfo:ptr TTID:u32 InfoClass:u32"
                + " FileName:utf16"};
        file(79, "DeletePath", path);
        file(80, "RenamePath", path);
        file(81, "SetLinkPath", path);
        Object[] opEnd = {2, "IrpPtr:ptr ExtraInfo:ptr NtStatus:u32", 3, "IrpPtr:ptr ExtraInfo:ptr NtStatus:u32"};
        file(76, "OpEnd", opEnd);

        Object[] fault = {2, "VirtualAddress:ptr ProgramCounter:ptr"};
        String[] faults = {"TransitionFault", "DemandZeroFault", "CopyOnWrite", "GuardPageFault", "HardPageFault",
            "AccessViolation"};
        for (int i = 0; i < faults.length; i++) {
            kernel(PAGE_FAULT, 10 + i, "PageFault/" + faults[i], new PageFaultDecoder(faults[i]), fault);
        }
        kernel(PAGE_FAULT, 32, "PageFault/HardFault", new PageFaultDecoder(PageFaultEvent.HARD_FAULT), new Object[] {
            2, "InitialTime:u64 ReadOffset:u64 VirtualAddress:ptr FileObject:ptr TThreadId:u32 ByteCount:u32"});

        kernel(STACK_WALK, 32, "StackWalk/Stack", new StackWalkDecoder(),
                new Object[] {2, "EventTimeStamp:u64 StackProcess:u32 StackThread:u32 Stack:rest"});

        network();
        systemConfig();
        eventTrace();
    }

    private static void network() {
        Object[] tcpSend4 = {2, NET_IDS + NET4 + " startime:u32 endtime:u32" + NET_TAIL};
        Object[] tcp1 = {2, NET_IDS + NET4 + NET_TAIL};
        Object[] tcp2 = {2, NET_IDS + NET4 + NET_CONNECT + NET_TAIL};
        Object[] tcpSend6 = {2, NET_IDS + NET6 + " startime:u32 endtime:u32" + NET_TAIL};
        Object[] tcp3 = {2, NET_IDS + NET6 + NET_TAIL};
        Object[] tcp4 = {2, NET_IDS + NET6 + NET_CONNECT + NET_TAIL};
        Object[] fail = {2, "Proto:u16 FailureCode:u16"};
        kernel(TCPIP, 10, "TcpIp/Send", null, tcpSend4);
        kernel(TCPIP, 11, "TcpIp/Recv", null, tcp1);
        kernel(TCPIP, 12, "TcpIp/Connect", null, tcp2);
        kernel(TCPIP, 13, "TcpIp/Disconnect", null, tcp1);
        kernel(TCPIP, 14, "TcpIp/Retransmit", null, tcp1);
        kernel(TCPIP, 15, "TcpIp/Accept", null, tcp2);
        kernel(TCPIP, 16, "TcpIp/Reconnect", null, tcp1);
        kernel(TCPIP, 17, "TcpIp/Fail", null, fail);
        kernel(TCPIP, 18, "TcpIp/TCPCopy", null, tcp1);
        kernel(TCPIP, 26, "TcpIp/SendIPV6", null, tcpSend6);
        kernel(TCPIP, 27, "TcpIp/RecvIPV6", null, tcp3);
        kernel(TCPIP, 28, "TcpIp/ConnectIPV6", null, tcp4);
        kernel(TCPIP, 29, "TcpIp/DisconnectIPV6", null, tcp3);
        kernel(TCPIP, 30, "TcpIp/RetransmitIPV6", null, tcp3);
        kernel(TCPIP, 31, "TcpIp/AcceptIPV6", null, tcp4);
        kernel(TCPIP, 32, "TcpIp/ReconnectIPV6", null, tcp3);
        kernel(TCPIP, 34, "TcpIp/TCPCopyIPV6", null, tcp3);
        kernel(UDPIP, 10, "UdpIp/Send", null, tcp1);
        kernel(UDPIP, 11, "UdpIp/Recv", null, tcp1);
        kernel(UDPIP, 17, "UdpIp/Fail", null, fail);
        kernel(UDPIP, 26, "UdpIp/SendIPV6", null, tcp3);
        kernel(UDPIP, 27, "UdpIp/RecvIPV6", null, tcp3);
    }

    private static final String SERVICES = "ProcessId:u32 ServiceState:u32 SubProcessTag:u32 ServiceName:utf16"
            + " DisplayName:utf16 ProcessName:utf16";

    /**
     * SystemConfig (class 01853a65). Names: those TraceEvent prints for these opcodes in
     * net.4.5.2.x64.baseline.txt. Layouts: MSDN SystemConfig_V2_CPU / SystemConfig_V3_CPU (816 / 828 bytes
     * on x64; 828 observed; the memory size in MB), SystemConfig_Power, SystemConfig_Services and the
     * TCP/IP configuration, each checked against TraceEvent's values in that baseline.
     */
    private static void systemConfig() {
        String cpuV2 = "MHz:u32 NumberOfProcessors:u32 MemSize:u32 PageSize:u32 AllocationGranularity:u32"
                + " ComputerName:wchars[256] DomainName:wchars[134] HyperThreadingFlag:ptr HighestUserAddress:ptr";
        kernel(SYSTEM_CONFIG, 10, "SystemConfig/CPU", null, new Object[] {2, cpuV2, 3, cpuV2
                + " ProcessorArchitecture:u16 ProcessorLevel:u16 ProcessorRevision:u16 PaeEnabled:u8 NxEnabled:u8"
                + " MemorySpeed:u32"});
        kernel(SYSTEM_CONFIG, 11, "SystemConfig/PhyDisk", null, new Object[0]);
        kernel(SYSTEM_CONFIG, 12, "SystemConfig/LogDisk", null, new Object[0]);
        kernel(SYSTEM_CONFIG, 13, "SystemConfig/NIC", null, new Object[0]);
        // Services: the first six fields as TraceEvent prints them; builds append more strings (kept raw).
        kernel(SYSTEM_CONFIG, 15, "SystemConfig/Services", null, new Object[] {2, SERVICES, 3, SERVICES});
        kernel(SYSTEM_CONFIG, 16, "SystemConfig/Power", null,
                new Object[] {2, "S1:u8 S2:u8 S3:u8 S4:u8 S5:u8 Pad1:u8 Pad2:u8 Pad3:u8"});
        kernel(SYSTEM_CONFIG, 17, "SystemConfig/Network", null, new Object[] {2,
            "TcbTablePartitions:u32 MaxHashTableSize:i32 MaxUserPort:u32 TcpTimedWaitDelay:u32"});
        kernel(SYSTEM_CONFIG, 22, "SystemConfig/PnP", null, new Object[0]);
        kernel(SYSTEM_CONFIG, 23, "SystemConfig/IDEChannel", null, new Object[0]);
        kernel(SYSTEM_CONFIG, 25, "SystemConfig/Platform", null, new Object[0]);
    }

    /**
     * EventTrace (class 68fdd900): the header (TRACE_LOGFILE_HEADER, decoded by {@link LogfileHeader})
     * and the session events TraceEvent names in net.4.5.2.x64.baseline.txt.
     */
    private static void eventTrace() {
        kernel(EVENT_TRACE, 0, "EventTrace/Header", null, new Object[] {2, LogfileHeader.LAYOUT});
        kernel(EVENT_TRACE, 5, "EventTrace/Extension", null, new Object[0]);
        kernel(EVENT_TRACE, 8, "EventTrace/RundownComplete", null, new Object[0]);
        kernel(EVENT_TRACE, 32, "EventTrace/EndExtension", null, new Object[0]);
    }

    private static void file(int opcode, String kind, Object[] layouts) {
        kernel(FILE_IO, opcode, "FileIo/" + kind, new FileIoDecoder(kind), layouts);
    }

    private KernelEvents() {
    }

    private static void kernel(int group, int opcode, String name, KernelDecoder decoder, Object[] versions) {
        TreeMap<Integer, Layout> layouts = new TreeMap<>();
        for (int i = 0; i < versions.length; i += 2) {
            layouts.put((Integer) versions[i], Layout.parse((String) versions[i + 1]));
        }
        BY_HOOK[group << 8 | opcode] = new Entry(name, layouts, decoder);
    }

    /** The entry of HookId {@code hook}, or null when etwreplay knows nothing of it. */
    static Entry entry(int hook) {
        return BY_HOOK[hook & 0xFFFF];
    }

    /** "Group/Opcode" for a HookId: the known name, else e.g. {@code StackWalk/Opcode(38)}. */
    static String name(int group, int opcode) {
        Entry e = BY_HOOK[(group & 0xFF) << 8 | (opcode & 0xFF)];
        if (e != null) {
            return e.name;
        }
        String g = GROUP_NAMES.get(group);
        return (g != null ? g : "Group(" + group + ")") + "/Opcode(" + opcode + ")";
    }
}
