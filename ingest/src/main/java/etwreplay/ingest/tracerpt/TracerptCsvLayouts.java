package etwreplay.ingest.tracerpt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Field names, in payload order, of the kernel events whose tracerpt CSV rows etwreplay names: the CSV
 * prints only the values ("User Data" spills into as many columns as the event has fields, FORMATS.md
 * §6), so the names come from the MOF layouts by (class, opcode, version), SCHEMAS.md §1.2-§1.10 and
 * the EventTrace header order seen in a real tracerpt XML file (FORMATS.md §6). The names are tracerpt's
 * own (the XML {@code Data Name}s), so a CSV row and an XML event reach the same handler alike.
 * Built once; read-only afterwards.
 */
final class TracerptCsvLayouts {
    /** Placeholder ending the StackWalk layout: the rest of the values are Stack1…StackN. */
    static final String STACK_FRAMES = "Stack*";
    /** "classGuid:opcode" → version → names. */
    private static final Map<String, TreeMap<Integer, List<String>>> LAYOUTS = new HashMap<>();

    static {
        layout(KernelClasses.EVENT_TRACE, ops(0), 2, "BufferSize", "Version", "ProviderVersion", "NumberOfProcessors",
                "EndTime", "TimerResolution", "MaxFileSize", "LogFileMode", "BuffersWritten", "StartBuffers",
                "PointerSize", "EventsLost", "CPUSpeed", "LoggerName", "LogFileName", "BootTime", "PerfFreq",
                "StartTime", "ReservedFlags", "BuffersLost", "SessionNameString", "LogFileNameString");

        int[] process = ops(1, 2, 3, 4, 39);
        layout(KernelClasses.PROCESS, process, 0, "ProcessId", "ParentId", "UserSID", "ImageFileName");
        layout(KernelClasses.PROCESS, process, 1, "PageDirectoryBase", "ProcessId", "ParentId", "SessionId",
                "ExitStatus", "UserSID", "ImageFileName");
        layout(KernelClasses.PROCESS, process, 2, "UniqueProcessKey", "ProcessId", "ParentId", "SessionId",
                "ExitStatus", "UserSID", "ImageFileName", "CommandLine");
        layout(KernelClasses.PROCESS, process, 3, "UniqueProcessKey", "ProcessId", "ParentId", "SessionId",
                "ExitStatus", "DirectoryTableBase", "UserSID", "ImageFileName", "CommandLine");
        layout(KernelClasses.PROCESS, process, 4, "UniqueProcessKey", "ProcessId", "ParentId", "SessionId",
                "ExitStatus", "DirectoryTableBase", "Flags", "UserSID", "ImageFileName", "CommandLine",
                "PackageFullName", "ApplicationId");
        layout(KernelClasses.PROCESS, process, 5, "UniqueProcessKey", "ProcessId", "ParentId", "SessionId",
                "ExitStatus", "DirectoryTableBase", "Flags", "UserSID", "ImageFileName", "CommandLine",
                "PackageFullName", "ApplicationId", "ExitTime");

        int[] thread = ops(1, 2, 3, 4);
        layout(KernelClasses.THREAD, thread, 0, "TThreadId", "ProcessId");
        layout(KernelClasses.THREAD, ops(1, 3), 1, "ProcessId", "TThreadId", "StackBase", "StackLimit",
                "UserStackBase", "UserStackLimit", "StartAddr", "Win32StartAddr", "WaitMode");
        layout(KernelClasses.THREAD, ops(2, 4), 1, "ProcessId", "TThreadId");
        layout(KernelClasses.THREAD, thread, 2, "ProcessId", "TThreadId", "StackBase", "StackLimit", "UserStackBase",
                "UserStackLimit", "StartAddr", "Win32StartAddr", "TebBase", "SubProcessTag");
        layout(KernelClasses.THREAD, thread, 3, "ProcessId", "TThreadId", "StackBase", "StackLimit", "UserStackBase",
                "UserStackLimit", "Affinity", "Win32StartAddr", "TebBase", "SubProcessTag", "BasePriority",
                "PagePriority", "IoPriority", "ThreadFlags");
        layout(KernelClasses.THREAD, thread, 4, "ProcessId", "TThreadId", "StackBase", "StackLimit", "UserStackBase",
                "UserStackLimit", "Affinity", "Win32StartAddr", "TebBase", "SubProcessTag", "BasePriority",
                "PagePriority", "IoPriority", "ThreadFlags", "ThreadName");
        layout(KernelClasses.THREAD, ops(36), 1, "NewThreadId", "OldThreadId", "NewThreadPriority",
                "OldThreadPriority", "NewThreadQuantum", "OldThreadQuantum", "OldThreadWaitReason",
                "OldThreadWaitMode", "OldThreadState", "OldThreadWaitIdealProcessor", "NewThreadWaitTime");
        for (int v = 2; v <= 4; v++) {
            layout(KernelClasses.THREAD, ops(36), v, "NewThreadId", "OldThreadId", "NewThreadPriority",
                    "OldThreadPriority", "PreviousCState", "SpareByte", "OldThreadWaitReason", "OldThreadWaitMode",
                    "OldThreadState", "OldThreadWaitIdealProcessor", "NewThreadWaitTime", "Reserved");
        }
        layout(KernelClasses.THREAD, ops(50), 2, "TThreadId", "AdjustReason", "AdjustIncrement", "Flag", "Reserved");

        int[] image = ops(10, 2, 3, 4);
        layout(KernelClasses.IMAGE, image, 0, "BaseAddress", "ModuleSize", "ImageFileName");
        layout(KernelClasses.IMAGE, image, 1, "ImageBase", "ImageSize", "ProcessId", "FileName");
        layout(KernelClasses.IMAGE, image, 2, "ImageBase", "ImageSize", "ProcessId", "ImageCheckSum",
                "TimeDateStamp", "Reserved0", "DefaultBase", "Reserved1", "Reserved2", "Reserved3", "Reserved4",
                "FileName");
        layout(KernelClasses.IMAGE, image, 3, "ImageBase", "ImageSize", "ProcessId", "ImageCheckSum",
                "TimeDateStamp", "SignatureLevel", "SignatureType", "Reserved0", "DefaultBase", "Reserved1",
                "Reserved2", "Reserved3", "Reserved4", "FileName");

        layout(KernelClasses.PERF_INFO, ops(46), 2, "InstructionPointer", "ThreadId", "Count", "Reserved");
        layout(KernelClasses.PERF_INFO, ops(51), 2, "SysCallAddress");
        layout(KernelClasses.PERF_INFO, ops(52), 2, "SysCallNtStatus");
        layout(KernelClasses.PERF_INFO, ops(66, 68, 69, 70), 2, "InitialTime", "Routine");
        layout(KernelClasses.PERF_INFO, ops(67, 95), 1, "InitialTime", "Routine", "ReturnValue");
        layout(KernelClasses.PERF_INFO, ops(67, 95), 2, "InitialTime", "Routine", "ReturnValue", "Vector", "Reserved");
        layout(KernelClasses.PERF_INFO, ops(50), 2, "InitialTime", "Routine", "ReturnValue", "Vector", "Reserved",
                "MessageNumber");

        layout(KernelClasses.DISK_IO, ops(10, 11), 2, "DiskNumber", "IrpFlags", "TransferSize", "Reserved",
                "ByteOffset", "FileObject", "Irp", "HighResResponseTime");
        layout(KernelClasses.DISK_IO, ops(10, 11), 3, "DiskNumber", "IrpFlags", "TransferSize", "Reserved",
                "ByteOffset", "FileObject", "Irp", "HighResResponseTime", "IssuingThreadId");
        layout(KernelClasses.DISK_IO, ops(12, 13, 15), 2, "Irp");
        layout(KernelClasses.DISK_IO, ops(12, 13, 15), 3, "Irp", "IssuingThreadId");
        layout(KernelClasses.DISK_IO, ops(14), 2, "DiskNumber", "IrpFlags", "HighResResponseTime", "Irp");
        layout(KernelClasses.DISK_IO, ops(14), 3, "DiskNumber", "IrpFlags", "HighResResponseTime", "Irp",
                "IssuingThreadId");
        layout(KernelClasses.DISK_IO, ops(34), 1, "UniqMatchId", "RoutineAddr", "Irp", "MajorFunction",
                "MinorFunction", "FileObject");
        layout(KernelClasses.DISK_IO, ops(34), 2, "MajorFunction", "MinorFunction", "RoutineAddr", "FileObject", "Irp",
                "UniqMatchId");
        layout(KernelClasses.DISK_IO, ops(35, 53), 1, "UniqMatchId", "Irp");
        layout(KernelClasses.DISK_IO, ops(35, 53), 2, "Irp", "UniqMatchId");
        layout(KernelClasses.DISK_IO, ops(37), 2, "Routine", "IrpPtr", "UniqMatchId");
        layout(KernelClasses.DISK_IO, ops(52), 2, "RoutineAddr", "Irp", "UniqMatchId");

        int[] names = ops(0, 32, 35, 36);
        for (int v = 0; v <= 3; v++) {
            layout(KernelClasses.FILE_IO, names, v, "FileObject", "FileName");
        }
        layout(KernelClasses.FILE_IO, ops(64), 2, "IrpPtr", "TTID", "FileObject", "CreateOptions", "FileAttributes",
                "ShareAccess", "OpenPath");
        layout(KernelClasses.FILE_IO, ops(64), 3, "IrpPtr", "FileObject", "TTID", "CreateOptions", "FileAttributes",
                "ShareAccess", "OpenPath");
        int[] simple = ops(65, 66, 73);
        layout(KernelClasses.FILE_IO, simple, 2, "IrpPtr", "TTID", "FileObject", "FileKey");
        layout(KernelClasses.FILE_IO, simple, 3, "IrpPtr", "FileObject", "FileKey", "TTID");
        layout(KernelClasses.FILE_IO, ops(67, 68), 2, "Offset", "IrpPtr", "TTID", "FileObject", "FileKey", "IoSize",
                "IoFlags");
        layout(KernelClasses.FILE_IO, ops(67, 68), 3, "Offset", "IrpPtr", "FileObject", "FileKey", "TTID", "IoSize",
                "IoFlags");
        int[] info = ops(69, 70, 71, 74, 75);
        layout(KernelClasses.FILE_IO, info, 2, "IrpPtr", "TTID", "FileObject", "FileKey", "ExtraInfo", "InfoClass");
        layout(KernelClasses.FILE_IO, info, 3, "IrpPtr", "FileObject", "FileKey", "ExtraInfo", "TTID", "InfoClass");
        layout(KernelClasses.FILE_IO, ops(72, 77), 2, "IrpPtr", "TTID", "FileObject", "FileKey", "Length",
                "InfoClass", "FileIndex", "FileName");
        layout(KernelClasses.FILE_IO, ops(72, 77), 3, "IrpPtr", "FileObject", "FileKey", "TTID", "Length",
                "InfoClass", "FileIndex", "FileName");
        layout(KernelClasses.FILE_IO, ops(76), 2, "IrpPtr", "ExtraInfo", "NtStatus");
        layout(KernelClasses.FILE_IO, ops(76), 3, "IrpPtr", "ExtraInfo", "NtStatus");

        layout(KernelClasses.PAGE_FAULT, ops(10, 11, 12, 13, 14, 15), 2, "VirtualAddress", "ProgramCounter");
        layout(KernelClasses.PAGE_FAULT, ops(32), 2, "InitialTime", "ReadOffset", "VirtualAddress", "FileObject",
                "TThreadId", "ByteCount");
        layout(KernelClasses.STACK_WALK, ops(32), 2, "EventTimeStamp", "StackProcess", "StackThread", STACK_FRAMES);
    }

    /** A layout found for a row: the names, and whether it was taken for another version. */
    record Layout(List<String> names, boolean otherVersion) {
    }

    private TracerptCsvLayouts() {
    }

    /** The StackWalk layout for a row of {@code count} values: the fixed names, then Stack1…StackN. */
    static Layout stackWalk(Layout layout, int count) {
        List<String> fixed = layout.names().subList(0, layout.names().indexOf(STACK_FRAMES));
        List<String> names = new java.util.ArrayList<>(fixed);
        for (int n = 1; names.size() < count; n++) {
            names.add("Stack" + n);
        }
        return new Layout(List.copyOf(names), layout.otherVersion());
    }

    private static int[] ops(int... opcodes) {
        return opcodes;
    }

    private static void layout(String classGuid, int[] opcodes, int version, String... names) {
        for (int op : opcodes) {
            LAYOUTS.computeIfAbsent(classGuid + ":" + op, k -> new TreeMap<>()).put(version, List.of(names));
        }
    }

    /**
     * The names for (class, opcode, version): that version's, else the nearest older one, else the
     * oldest newer one (flagged {@code otherVersion}); null when the event has no layout here.
     */
    static Layout find(String classGuid, Integer opcode, Integer version) {
        TreeMap<Integer, List<String>> byVersion = classGuid == null || opcode == null ? null
                : LAYOUTS.get(classGuid + ":" + opcode);
        if (byVersion == null) {
            return null;
        }
        if (version == null) {
            return new Layout(byVersion.lastEntry().getValue(), true);
        }
        List<String> exact = byVersion.get(version);
        if (exact != null) {
            return new Layout(exact, false);
        }
        Map.Entry<Integer, List<String>> near = byVersion.floorEntry(version);
        if (near == null) {
            near = byVersion.ceilingEntry(version);
        }
        return new Layout(near.getValue(), true);
    }
}
