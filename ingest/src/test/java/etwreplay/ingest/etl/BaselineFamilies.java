package etwreplay.ingest.etl;

import etwreplay.ingest.store.Database;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How each TraceEvent baseline event family maps onto the database: the table (and kind, or generic
 * event name) it must be found in, and for every field TraceEvent prints the column it must equal — or
 * the reason it is not compared. A baseline field with no entry fails the comparison, so nothing is
 * skipped silently.
 */
final class BaselineFamilies {
    /** A check of one printed field against a row: null when equal, else what differs. */
    interface Check {
        String diff(String printed, EtlBaselineTest.Row row);
    }

    /** Where a family lives and how its fields are checked. */
    record Family(String key, Map<String, Check> checks) {
    }

    private static final Check SKIP = (p, r) -> null;
    private static final DateTimeFormatter TE_TIME = DateTimeFormatter.ofPattern("yy/MM/dd HH:mm:ss.SSSSSSS")
            .withZone(ZoneOffset.UTC);

    private final Map<String, Family> families = new HashMap<>();
    /**
     * Events whose payload etwreplay keeps raw (manifest events without a manifest, undecoded classic and
     * kernel events): found in generic_event by time and processor, compared on header ids and payload
     * length; TraceEvent's decoded payload fields are not compared.
     */
    private Family raw;
    private final Set<Check> skips = new HashSet<>();
    /** NT path prefix → DOS prefix, from the trace's own SysConfig/VolumeMapping events. */
    private final Map<String, String> volumes = new TreeMap<>((a, b) -> b.length() != a.length()
            ? b.length() - a.length() : a.compareTo(b));
    /** FileObject/FileKey → every name the trace's FileIo name events gave it. */
    private final Map<Long, List<String>> fileNames = new HashMap<>();

    BaselineFamilies(Database db) throws Exception {
        for (List<String> r : db.query("SELECT fields['NtPath'], fields['DosPath'] FROM generic_event"
                + " WHERE name = 'SysConfig/VolumeMapping'").rows()) {
            volumes.put(r.get(0), r.get(1));
        }
        for (List<String> r : db.query("SELECT file_object, file_name FROM file_io WHERE kind IN"
                + " ('Name', 'FileCreate', 'FileDelete', 'FileRundown')").rows()) {
            fileNames.computeIfAbsent(TraceEventBaseline.number(r.get(0)), k -> new ArrayList<>()).add(r.get(1));
        }
        define();
    }

    /** The family of {@code e}: a decoded one, or {@link #raw} for events kept with their raw payload only. */
    Family of(TraceEventBaseline.Event e) {
        Family f = families.get(e.name());
        return f != null ? f : raw;
    }

    boolean decoded(Family f) {
        return f != raw;
    }

    /** Compares every printed field; returns how many were compared (not skipped). */
    int compare(Family f, TraceEventBaseline.Event e, EtlBaselineTest.Row row, List<String> diffs) {
        int n = 0;
        for (Map.Entry<String, String> field : e.fields().entrySet()) {
            Check c = f.checks().get(field.getKey());
            if (c == null) {
                diffs.add("no mapping for baseline field " + field.getKey());
                continue;
            }
            if (skips.contains(c)) {
                continue;
            }
            String d = c.diff(field.getValue(), row);
            if (d != null) {
                diffs.add(field.getKey() + ": " + d);
            }
            n++;
        }
        return n;
    }

    // ---- family definitions ----

    private void define() {
        Map<String, Check> process = common("pid");
        process.put("TID", skip("TraceEvent sets -1 for process events"));
        process.put("ProcessID", num("pid"));
        process.put("ParentID", num("parent_pid"));
        process.put("ImageFileName", text("image_name"));
        process.put("PageDirectoryBase", num("directory_table_base"));
        process.put("Flags", (p, r) -> expect(p, processFlags(r.get("flags"))));
        process.put("SessionID", num("session_id"));
        process.put("ExitStatus", num("exit_status"));
        process.put("UniqueProcessKey", num("unique_key"));
        process.put("CommandLine", text("command_line"));
        process.put("PackageFullName", text("package_full_name"));
        process.put("ApplicationID", text("application_id"));
        kernel("Process/DCStart", "process/DCStart", process);
        kernel("Process/DCStop", "process/DCEnd", process);
        kernel("Process/Start", "process/Start", process);
        kernel("Process/Stop", "process/End", process);
        kernel("Process/Defunct", "process/Defunct", process);

        Map<String, Check> thread = common("pid");
        thread.put("TID", num("tid"));
        for (String[] m : new String[][] {{"StackBase", "stack_base"}, {"StackLimit", "stack_limit"},
            {"UserStackBase", "user_stack_base"}, {"UserStackLimit", "user_stack_limit"},
            {"Win32StartAddr", "win32_start_address"}, {"TebBase", "teb_base"}, {"SubProcessTag", "sub_process_tag"},
            {"BasePriority", "base_priority"}, {"PagePriority", "page_priority"}, {"IoPriority", "io_priority"},
            {"ThreadFlags", "flags"}}) {
            thread.put(m[0], num(m[1]));
        }
        // V3 slot 7 is Affinity (MSDN); TraceEvent still calls it StartAddr. etwreplay keeps it as extra.Affinity.
        thread.put("StartAddr", num("extra.Affinity"));
        thread.put("ThreadName", text("thread_name"));
        // TraceEvent's ParentThreadID/ParentProcessID: the header of a Start, -1 otherwise.
        thread.put("ParentThreadID", numOrMinus1("extra.ParentThreadId"));
        thread.put("ParentProcessID", numOrMinus1("extra.ParentProcessId"));
        kernel("Thread/Start", "thread/Start", thread);
        kernel("Thread/Stop", "thread/End", thread);

        Map<String, Check> image = common("pid");
        image.put("TID", skip("the logging thread of image events is not kept"));
        image.put("ImageBase", num("image_base"));
        image.put("ImageSize", num("image_size"));
        image.put("ImageChecksum", num("checksum"));
        image.put("TimeDateStamp", (p, r) -> expect(TraceEventBaseline.number(p),
                (long) (int) TraceEventBaseline.number(r.get("time_date_stamp"))));
        image.put("BuildTime", buildTime("time_date_stamp"));
        image.put("DefaultBase", num("default_base"));
        image.put("FileName", (p, r) -> textDiff(p, dosPath(r.get("file_name"))));
        kernel("Image/DCStart", "image/DCStart", image);
        kernel("Image/DCStop", "image/DCEnd", image);
        kernel("Image/Load", "image/Load", image);
        kernel("Image/Unload", "image/Unload", image);

        Map<String, Check> sample = common("pid");
        sample.put("TID", num("tid"));
        sample.put("InstructionPointer", num("instruction_pointer"));
        sample.put("ProcessorNumber", num("cpu"));
        sample.put("Priority", num("priority"));
        sample.put("ExecutingDPC", bool("executing_dpc"));
        sample.put("ExecutingISR", bool("executing_isr"));
        sample.put("Rank", num("rank"));
        sample.put("Count", num("count"));
        kernel("PerfInfo/Sample", "sample/", sample);

        Map<String, Check> disk = common("pid");
        disk.put("TID", num("tid"));
        disk.put("DiskNumber", num("disk_number"));
        disk.put("IrpFlags", (p, r) -> textDiff(p, irpFlags(r.get("irp_flags"))));
        disk.put("Priority", (p, r) -> expect(p, ioPriority(r.get("io_priority"))));
        disk.put("TransferSize", num("transfer_size"));
        disk.put("ByteOffset", num("byte_offset"));
        disk.put("Irp", num("irp"));
        disk.put("ElapsedTimeMSec", ms("elapsed_ns"));
        disk.put("DiskServiceTimeMSec", skip("TraceEvent derives it from neighbouring completions; not decoded"));
        disk.put("FileKey", num("file_object"));
        disk.put("FileName", fileOfKey("file_object"));
        kernel("DiskIO/Read", "disk_io/Read", disk);
        kernel("DiskIO/Write", "disk_io/Write", disk);
        Map<String, Check> init = common("pid");
        // TraceEvent reports the thread an *Init event was logged in; etwreplay's tid is IssuingThreadId (the
        // thread the completion names too) and keeps a different logging thread in extra.
        init.put("PID", (p, r) -> num(r.containsKey("extra.LoggingProcessId") ? "extra.LoggingProcessId" : "pid")
                .diff(p, r));
        init.put("TID", (p, r) -> num(r.containsKey("extra.LoggingThreadId") ? "extra.LoggingThreadId" : "tid")
                .diff(p, r));
        init.put("Irp", num("irp"));
        kernel("DiskIO/ReadInit", "disk_io/ReadInit", init);
        kernel("DiskIO/WriteInit", "disk_io/WriteInit", init);
        kernel("DiskIO/FlushInit", "disk_io/FlushInit", init);
        Map<String, Check> flush = new LinkedHashMap<>(disk);
        // TraceEvent reads the flush's IssuingThreadId at the wrong offset (SCHEMAS.md §1.8: its TID is the
        // low half of HighResResponseTime), so its thread and process cannot be compared.
        flush.put("PID", skip("TraceEvent FlushBuffers thread bug"));
        flush.put("TID", skip("TraceEvent FlushBuffers thread bug"));
        kernel("DiskIO/FlushBuffers", "disk_io/Flush", flush);

        Map<String, Check> hardFault = common("pid");
        hardFault.put("TID", num("tid"));
        hardFault.put("ElapsedTimeMSec", ms("elapsed_ns"));
        hardFault.put("ReadOffset", num("byte_offset"));
        hardFault.put("VirtualAddress", num("virtual_address"));
        hardFault.put("FileKey", num("file_object"));
        hardFault.put("ByteCount", num("size"));
        hardFault.put("FileName", fileOfKey("file_object"));
        kernel("Memory/HardFault", "page_fault/HardFault", hardFault);

        defineGeneric();

        Map<String, Check> any = new HashMap<>(genericCommon()) {
            private static final long serialVersionUID = 1L;
            private final Check payloadField = skip("payload kept raw: etwreplay has no manifest for it");

            @Override
            public Check get(Object key) {
                Check c = super.get(key);
                return c != null ? c : payloadField;
            }
        };
        raw = new Family("generic_event/*", any);
    }

    /** Families etwreplay keeps in generic_event with decoded fields. */
    private void defineGeneric() {
        Map<String, Check> net = genericCommon();
        net.put("PID", num("fields.PID"));
        for (String f : List.of("size", "dport", "sport", "startime", "endtime", "seqnum", "connid")) {
            net.put(f, num("fields." + f));
        }
        net.put("daddr", text("fields.daddr"));
        net.put("saddr", text("fields.saddr"));
        // TraceEvent decodes IPv4 UdpIp with an older layout whose first field is a pointer "context":
        // it spans the V2 PID and size, which etwreplay decodes separately.
        net.put("context", (p, r) -> expect(TraceEventBaseline.number(p),
                TraceEventBaseline.number(r.get("fields.size")) << 32 | TraceEventBaseline.number(r.get("fields.PID"))));
        net.put("dsize", skip("a field of TraceEvent's older UdpIp layout, not in the V2 payload"));
        for (String op : List.of("TcpIp/SendIPV6", "TcpIp/RecvIPV6", "UdpIp/Send", "UdpIp/Recv", "UdpIp/SendIPV6",
                "UdpIp/RecvIPV6")) {
            generic("Windows Kernel/" + op, op, net);
        }

        Map<String, Check> cpu = genericCommon();
        for (String f : List.of("MHz", "NumberOfProcessors", "MemSize", "PageSize", "AllocationGranularity",
                "HyperThreadingFlag")) {
            cpu.put(f, num("fields." + f));
        }
        cpu.put("ComputerName", text("fields.ComputerName"));
        cpu.put("DomainName", text("fields.DomainName"));
        generic("Windows Kernel/SystemConfig/CPU", "SystemConfig/CPU", cpu);

        Map<String, Check> config = genericCommon();
        for (String f : List.of("S1", "S2", "S3", "S4", "S5", "TcbTablePartitions", "MaxHashTableSize", "MaxUserPort",
                "TcpTimedWaitDelay", "ServiceState", "SubProcessTag")) {
            config.put(f, num("fields." + f));
        }
        // TraceEvent attributes a service event to the service's process (payload ProcessId).
        config.put("PID", num("fields.ProcessId"));
        config.put("ProcessID", num("fields.ProcessId"));
        config.put("ServiceName", text("fields.ServiceName"));
        config.put("DisplayName", text("fields.DisplayName"));
        config.put("ProcessName", skip("TraceEvent's own process-name lookup (the payload's is empty)"));
        generic("Windows Kernel/SystemConfig/Services", "SystemConfig/Services", config);
        Map<String, Check> configIds = new LinkedHashMap<>(config);
        configIds.put("PID", numOrMinus1("pid"));
        generic("Windows Kernel/SystemConfig/Power", "SystemConfig/Power", configIds);
        generic("Windows Kernel/SystemConfig/Network", "SystemConfig/Network", configIds);

        Map<String, Check> perfCtr = genericCommon();
        perfCtr.put("PID", num("fields.ProcessId"));
        perfCtr.put("ProcessID", num("fields.ProcessId"));
        perfCtr.put("MemoryCount", num("fields.PageFaultCount"));
        for (String f : List.of("HandleCount", "PeakVirtualSize", "PeakWorkingSetSize", "PeakPagefileUsage",
                "QuotaPeakPagedPoolUsage", "QuotaPeakNonPagedPoolUsage", "VirtualSize", "WorkingSetSize",
                "PagefileUsage", "QuotaPagedPoolUsage", "QuotaNonPagedPoolUsage", "PrivatePageCount")) {
            perfCtr.put(f, num("fields." + f));
        }
        generic("Windows Kernel/Process/PerfCtr", "Process/PerfCtr", perfCtr);
        generic("Windows Kernel/Process/PerfCtrRundown", "Process/PerfCtrRundown", perfCtr);

        Map<String, Check> imageId = genericCommon();
        imageId.put("ImageBase", num("fields.ImageBase"));
        imageId.put("ImageSize", num("fields.ImageSize"));
        // TraceEvent reads ImageID's ProcessID at offset 12 on x64, inside the pointer-sized ImageSize (its
        // high half); the real ProcessId at 16 equals the event header's process id in this file.
        imageId.put("ProcessID", (p, r) -> r.containsKey("fields.ImageSize") ? expect(TraceEventBaseline.number(p),
                TraceEventBaseline.number(r.get("fields.ImageSize")) >>> 32) : num("fields.ProcessId").diff(p, r));
        imageId.put("TimeDateStamp", num("fields.TimeDateStamp"));
        imageId.put("BuildTime", buildTime("fields.TimeDateStamp"));
        imageId.put("OriginalFileName", text("fields.OriginalFileName"));
        imageId.put("GuidSig", text("fields.GuidSig"));
        imageId.put("Age", num("fields.Age"));
        imageId.put("PDBFileName", text("fields.PdbFileName"));
        generic("KernelTraceControl/ImageID", "ImageID/ImageID", imageId);
        generic("KernelTraceControl/ImageID/DbgID_RSDS", "ImageID/DbgID_RSDS", imageId);
        generic("KernelTraceControl/ImageID/DbgID_ILRSDS", "ImageID/DbgID_ILRSDS", imageId);
        generic("KernelTraceControl/ImageID/None", "ImageID/None", imageId);

        Map<String, Check> sysConfig = genericCommon();
        for (String f : List.of("NtPath", "DosPath", "SystemDirectory", "SystemWindowsDirectory", "Value")) {
            sysConfig.put(f, text("fields." + f));
        }
        generic("Windows Kernel/SysConfig/VolumeMapping", "SysConfig/VolumeMapping", sysConfig);
        generic("Windows Kernel/SysConfig/SystemPaths", "SysConfig/SystemPaths", sysConfig);
        generic("Windows Kernel/SysConfig/UnknownVolume", "SysConfig/UnknownVolume", sysConfig);

        Map<String, Check> header = genericCommon();
        for (String[] m : new String[][] {{"BufferSize", "BufferSize"}, {"Version", "Version"},
            {"ProviderVersion", "ProviderVersion"}, {"NumberOfProcessors", "NumberOfProcessors"},
            {"TimerResolution", "TimerResolution"}, {"MaxFileSize", "MaximumFileSize"}, {"LogFileMode", "LogFileMode"},
            {"BuffersWritten", "BuffersWritten"}, {"StartBuffers", "StartBuffers"}, {"PointerSize", "PointerSize"},
            {"EventsLost", "EventsLost"}, {"CPUSpeed", "CpuSpeedInMHz"}, {"PerfFreq", "PerfFreq"},
            {"ReservedFlags", "ReservedFlags"}, {"BuffersLost", "BuffersLost"}, {"UtcOffsetMinutes", "Bias"}}) {
            header.put(m[0], num("fields." + m[1]));
        }
        for (String t : List.of("EndTime", "BootTime", "StartTime")) {
            header.put(t, (p, r) -> textDiff(p, TE_TIME.format(filetime(TraceEventBaseline.number(r.get("fields." + t))))));
        }
        header.put("SessionName", text("fields.LoggerName"));
        header.put("LogFileName", text("fields.LogFileName"));
        generic("Windows Kernel/EventTrace", "EventTrace/Header", header);
    }

    private Map<String, Check> common(String pidColumn) {
        Map<String, Check> m = new LinkedHashMap<>();
        m.put("PID", num(pidColumn));
        m.put("PName", skip("TraceEvent's own process-name lookup"));
        m.put("ProceNum", num("cpu"));
        m.put("DataLen", skip("the payload length is not kept for canonical rows"));
        return m;
    }

    /** Header fields of a generic row: ids as logged (-1 = NULL), payload length. */
    private Map<String, Check> genericCommon() {
        Map<String, Check> m = new LinkedHashMap<>();
        m.put("PID", numOrMinus1("pid"));
        m.put("TID", numOrMinus1("tid"));
        m.put("PName", skip("TraceEvent's own process-name lookup"));
        m.put("ProceNum", num("cpu"));
        m.put("DataLen", num("data_len"));
        return m;
    }

    private void kernel(String name, String key, Map<String, Check> checks) {
        families.put("Windows Kernel/" + name, new Family(key, checks));
    }

    private void generic(String baselineName, String genericName, Map<String, Check> checks) {
        families.put(baselineName, new Family("generic_event/" + genericName, checks));
    }

    // ---- checks ----

    private Check skip(String reason) {
        Check c = (p, r) -> null;
        skips.add(c);
        return c;
    }

    private static Check num(String column) {
        return (p, r) -> {
            String v = r.get(column);
            if (v == null) {
                return "expected " + p + ", found NULL";
            }
            return expect(TraceEventBaseline.number(p), TraceEventBaseline.number(v));
        };
    }

    /** A number where TraceEvent's -1 means "not there" (NULL or absent here). */
    private static Check numOrMinus1(String column) {
        return (p, r) -> {
            String v = r.get(column);
            long want = TraceEventBaseline.number(p);
            if (v == null) {
                return want == -1 ? null : "expected " + p + ", found NULL";
            }
            return expect(want, TraceEventBaseline.number(v));
        };
    }

    private static Check text(String column) {
        return (p, r) -> textDiff(p, r.get(column));
    }

    private static Check bool(String column) {
        return (p, r) -> expect(p.toLowerCase(java.util.Locale.ROOT), r.get(column));
    }

    /** Milliseconds printed with 3 decimals against a nanosecond column. */
    private static Check ms(String column) {
        return (p, r) -> {
            double want = Double.parseDouble(p.replace(",", ""));
            double got = Long.parseLong(r.get(column)) / 1e6;
            return Math.abs(want - got) <= 0.0005 + 1e-9 ? null : "expected " + p + " ms, found " + got + " ms";
        };
    }

    private static Check buildTime(String column) {
        return (p, r) -> textDiff(p, TE_TIME.format(Instant.ofEpochSecond(TraceEventBaseline.number(r.get(column)))));
    }

    /** TraceEvent names a disk I/O's or hard fault's file from its FileKey, via the FileIo name events. */
    private Check fileOfKey(String column) {
        return (p, r) -> {
            List<String> names = fileNames.getOrDefault(TraceEventBaseline.number(r.get(column)), List.of());
            for (String n : names) {
                if (textDiff(p, dosPath(n)) == null) {
                    return null;
                }
            }
            return "expected " + p + ", the FileIo names of this key are " + names;
        };
    }

    /**
     * An NT path with its volume prefix replaced the way the trace's VolumeMapping events say; a path
     * rooted without a device (\Windows\…) is on the system drive (that of \SystemRoot\), as TraceEvent
     * prints it.
     */
    String dosPath(String nt) {
        if (nt == null) {
            return null;
        }
        for (Map.Entry<String, String> v : volumes.entrySet()) {
            if (!v.getKey().isEmpty() && v.getKey().length() > 1
                    && nt.regionMatches(true, 0, v.getKey(), 0, v.getKey().length())) {
                return v.getValue() + nt.substring(v.getKey().length());
            }
        }
        String systemRoot = volumes.get("\\SystemRoot\\");
        if (nt.startsWith("\\") && !nt.startsWith("\\\\") && systemRoot != null && systemRoot.length() >= 2) {
            return systemRoot.substring(0, 2) + nt;
        }
        return nt;
    }

    private static String textDiff(String printed, String actual) {
        return TraceEventBaseline.sameText(printed, actual) ? null : "expected '" + printed + "', found '" + actual + "'";
    }

    private static String expect(Object want, Object got) {
        return want.equals(got) ? null : "expected " + want + ", found " + got;
    }

    private static Instant filetime(long ft) {
        return Instant.ofEpochSecond(Math.floorDiv(ft, 10_000_000L) - 11_644_473_600L,
                Math.floorMod(ft, 10_000_000L) * 100L);
    }

    /** TraceEvent's ProcessFlags rendering (names as printed in the baseline: None, Protected …). */
    private static String processFlags(String value) {
        long v = TraceEventBaseline.number(value);
        return flagNames(v, new long[] {1, 2, 4}, new String[] {"PackageFullName", "Wow64", "Protected"});
    }

    /**
     * TraceEvent's IrpFlags rendering: the priority bits 17–19 are not flags; the names are the IRP_*
     * flags of wdm.h (SCHEMAS.md §1.8), with 0x2 printed as MountCompletion as TraceEvent does.
     */
    private static String irpFlags(String value) {
        long v = TraceEventBaseline.number(value) & ~0xE0000L;
        return flagNames(v, new long[] {0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800},
                new String[] {"Nocache", "MountCompletion", "SynchronousApi", "AssociatedIrp", "BufferedIo",
                    "DeallocateBuffer", "InputOperation", "CreateOperation", "ReadOperation", "WriteOperation",
                    "CloseOperation", "DeferIoCompletion"});
    }

    /** TraceEvent's I/O priority names for IrpFlags bits 17–19 (the IO_PRIORITY_HINT + 1). */
    private static String ioPriority(String value) {
        String[] names = {"NotSet", "Verylow", "Low", "Normal", "High", "Critical"};
        int v = Integer.parseInt(value);
        return v < names.length ? names[v] : value;
    }

    private static String flagNames(long v, long[] bits, String[] names) {
        if (v == 0) {
            return "None";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bits.length; i++) {
            if ((v & bits[i]) != 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(names[i]);
                v &= ~bits[i];
            }
        }
        if (v != 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append(v);
        }
        return sb.toString();
    }
}
