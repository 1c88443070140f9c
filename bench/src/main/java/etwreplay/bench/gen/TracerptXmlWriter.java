package etwreplay.bench.gen;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes tracerpt XML (FORMATS.md §6): {@code <Events>} of {@code <Event>} elements of the kernel
 * provider, the class GUID in {@code ExtendedTracingInfo/EventGuid}, opcode number in
 * {@code System/Opcode}, its name in {@code RenderingInfo/Opcode}, payload fields as {@code <Data>} with
 * tracerpt's names (SCHEMAS.md §1) and renderings (pointers upper-case hex, numbers space-padded). The
 * session clock is the system time (ReservedFlags 2), so {@code InitialTime} is a FILETIME and event
 * times are {@code SystemTime} with 100 ns digits.
 */
final class TracerptXmlWriter implements EventWriter {
    private static final String PROCESS = "{3d6fa8d0-fe05-11d0-9dda-00c04fd7ba7c}";
    private static final String THREAD = "{3d6fa8d1-fe05-11d0-9dda-00c04fd7ba7c}";
    private static final String PAGE_FAULT = "{3d6fa8d3-fe05-11d0-9dda-00c04fd7ba7c}";
    private static final String DISK_IO = "{3d6fa8d4-fe05-11d0-9dda-00c04fd7ba7c}";
    private static final String FILE_IO = "{90cbdc39-4a3e-11d1-84f4-0000f80464e3}";
    private static final String IMAGE = "{2cb15d1d-5fc1-11d2-abe1-00a0c911f518}";
    private static final String PERF_INFO = "{ce1dbfb4-137e-4da6-87b0-3f59aa102cbc}";
    private static final String EVENT_TRACE = "{68fdd900-4a3e-11d1-84f4-0000f80464e3}";
    private static final long START = XperfTextWriter.START_FILETIME;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private OutputStream out;
    private final StringBuilder sb = new StringBuilder(4096);
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix;
    private int cpus;

    TracerptXmlWriter(Path file) {
        this.file = file;
    }

    @Override
    public void begin(Entities world, int cpuCount) throws IOException {
        this.cpus = cpuCount;
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<Events>\r\n");
        open(0, 2, 0, 4, 8, 0);
        data("BufferSize", 65536).data("Version", 83951626).data("ProviderVersion", 19045)
                .data("NumberOfProcessors", cpus).dataText("EndTime", Long.toString(START + 600_000_000L))
                .data("TimerResolution", 156250).data("MaxFileSize", 0).dataText("LogFileMode", "0x10001")
                .data("BuffersWritten", 1).data("StartBuffers", 1).data("PointerSize", 8).data("EventsLost", 0)
                .data("CPUSpeed", 3000).dataText("LoggerName", "0xA").dataText("LogFileName", "0x7")
                .dataText("BootTime", Long.toString(START - 36_000_000_000L)).dataText("PerfFreq", "10000000")
                .dataText("StartTime", Long.toString(START)).data("ReservedFlags", 2).data("BuffersLost", 0)
                .dataText("SessionNameString", "NT Kernel Logger")
                .dataText("LogFileNameString", "C:\\traces\\generated.etl");
        close("Header", "EventTrace", EVENT_TRACE);
    }

    private void flush() throws IOException {
        int n = sb.length();
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char ch = sb.charAt(i);
            b[i] = ch < 0x80 ? (byte) ch : (byte) '?';
        }
        out.write(b);
        sb.setLength(0);
    }

    private void open(int opcode, int version, long tick, int pid, int tid, int cpu) {
        sb.append("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\r\n\t<System>\r\n")
                .append("\t\t<Provider Guid=\"{9e814aad-3204-11d2-9a82-006008a86939}\" />\r\n")
                .append("\t\t<EventID>0</EventID>\r\n\t\t<Version>").append(version)
                .append("</Version>\r\n\t\t<Level>0</Level>\r\n\t\t<Task>0</Task>\r\n\t\t<Opcode>").append(opcode)
                .append("</Opcode>\r\n\t\t<Keywords>0x0</Keywords>\r\n\t\t<TimeCreated SystemTime=\"");
        systemTime(START + tick);
        sb.append("\" />\r\n\t\t<Correlation ActivityID=\"{00000000-0000-0000-0000-000000000000}\" />\r\n")
                .append("\t\t<Execution ProcessID=\"").append(pid & 0xFFFFFFFFL).append("\" ThreadID=\"")
                .append(tid & 0xFFFFFFFFL).append("\" ProcessorID=\"").append(cpu)
                .append("\" KernelTime=\"0\" UserTime=\"0\" />\r\n\t\t<Channel />\r\n\t\t<Computer />\r\n")
                .append("\t</System>\r\n\t<EventData>\r\n");
    }

    private void close(String opcodeName, String eventName, String guid) {
        sb.append("\t</EventData>\r\n\t<RenderingInfo Culture=\"en-US\">\r\n\t\t<Opcode>").append(opcodeName)
                .append("</Opcode>\r\n\t\t<Provider>MSNT_SystemTrace</Provider>\r\n")
                .append("\t\t<EventName xmlns=\"http://schemas.microsoft.com/win/2004/08/events/trace\">")
                .append(eventName).append("</EventName>\r\n\t</RenderingInfo>\r\n")
                .append("\t<ExtendedTracingInfo xmlns=\"http://schemas.microsoft.com/win/2004/08/events/trace\">\r\n")
                .append("\t\t<EventGuid>").append(guid).append("</EventGuid>\r\n\t</ExtendedTracingInfo>\r\n")
                .append("</Event>\r\n");
    }

    private void systemTime(long filetime) {
        long second = Math.floorDiv(filetime, 10_000_000L);
        if (second != cachedSecond) {
            cachedSecond = second;
            cachedPrefix = SECONDS.format(Instant.ofEpochSecond(second - 11_644_473_600L));
        }
        sb.append(cachedPrefix).append('.');
        String frac = Long.toString(Math.floorMod(filetime, 10_000_000L));
        for (int i = frac.length(); i < 7; i++) {
            sb.append('0');
        }
        sb.append(frac).append('Z');
    }

    private TracerptXmlWriter data(String name, long v) {
        sb.append("\t\t<Data Name=\"").append(name).append("\">");
        Text.pad(sb, v, 8);
        sb.append("</Data>\r\n");
        return this;
    }

    private TracerptXmlWriter hex(String name, long v) {
        sb.append("\t\t<Data Name=\"").append(name).append("\">");
        Text.hexUpper(sb, v);
        sb.append("</Data>\r\n");
        return this;
    }

    private TracerptXmlWriter dataText(String name, String v) {
        sb.append("\t\t<Data Name=\"").append(name).append("\">");
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        sb.append("</Data>\r\n");
        return this;
    }

    private static final int NONE = -1;

    @Override
    public void write(Ev e) throws IOException {
        int c = e.cpu();
        long t = e.tick();
        if (e instanceof Ev.CSwitch s) {
            open(36, 4, t, NONE, NONE, c);
            hex("NewThreadId", s.next().tid).hex("OldThreadId", s.prev().tid)
                    .data("NewThreadPriority", s.next().basePriority).data("OldThreadPriority", s.prev().basePriority)
                    .data("PreviousCState", s.previousCState()).data("SpareByte", 0)
                    .data("OldThreadWaitReason", s.waitReason()).data("OldThreadWaitMode", s.waitMode())
                    .data("OldThreadState", s.prevState()).data("OldThreadWaitIdealProcessor", s.idealCpu())
                    .data("NewThreadWaitTime", s.nextWaitTime()).data("Reserved", 0);
            close("CSwitch", "Thread", THREAD);
        } else if (e instanceof Ev.ReadyThread r) {
            open(50, 2, t, r.readying().proc.pid(), r.readying().tid, c);
            hex("TThreadId", r.readied().tid).data("AdjustReason", r.adjustReason())
                    .data("AdjustIncrement", r.adjustIncrement()).data("Flag", r.fromDpc() ? 1 : 0).data("Reserved", 0);
            close("ReadyThread", "Thread", THREAD);
        } else if (e instanceof Ev.Dpc d) {
            open(d.opcode(), 2, t, NONE, NONE, c);
            dataText("InitialTime", Long.toString(START + d.initialTick())).hex("Routine", d.routine().address());
            close(d.opcode() == 69 ? "TimerDPC" : "DPC", "PerfInfo", PERF_INFO);
        } else if (e instanceof Ev.Isr i) {
            open(67, 2, t, NONE, NONE, c);
            dataText("InitialTime", Long.toString(START + i.initialTick())).hex("Routine", i.routine().address())
                    .data("ReturnValue", i.claimed() ? 1 : 0).data("Vector", i.vector()).data("Reserved", 0);
            close("ISR", "PerfInfo", PERF_INFO);
        } else if (e instanceof Ev.Sample s) {
            open(46, 2, t, NONE, NONE, c);
            hex("InstructionPointer", s.ip()).data("ThreadId", s.thread().tid).data("Count", 1)
                    .data("Reserved", (s.inDpc() ? 1 : 0) | (s.thread().basePriority << 3));
            close("SampleProf", "PerfInfo", PERF_INFO);
        } else if (e instanceof Ev.PageFault f) {
            open(f.opcode(), 2, t, f.thread().proc.pid(), f.thread().tid, c);
            hex("VirtualAddress", f.va()).hex("ProgramCounter", f.pc());
            close(f.opcode() == 10 ? "TransitionFault" : "DemandZeroFault", "PageFault", PAGE_FAULT);
        } else if (e instanceof Ev.HardFault h) {
            open(32, 2, t, NONE, NONE, c);
            dataText("InitialTime", Long.toString(START + h.initialTick())).data("ReadOffset", h.readOffset())
                    .hex("VirtualAddress", h.va()).hex("FileObject", h.file().fileObject())
                    .data("TThreadId", h.thread().tid).data("ByteCount", h.bytes());
            close("HardFault", "PageFault", PAGE_FAULT);
        } else if (e instanceof Ev.FileOp f) {
            open(f.write() ? 68 : 67, 3, t, f.thread().proc.pid(), f.thread().tid, c);
            data("Offset", f.offset()).hex("IrpPtr", f.irp()).hex("FileObject", f.file().fileObject())
                    .hex("FileKey", f.file().fileKey()).data("TTID", f.thread().tid).data("IoSize", f.size())
                    .hex("IoFlags", f.ioFlags());
            close(f.write() ? "Write" : "Read", "FileIo", FILE_IO);
        } else if (e instanceof Ev.FileOpEnd f) {
            open(76, 3, t, f.thread().proc.pid(), f.thread().tid, c);
            hex("IrpPtr", f.irp()).hex("ExtraInfo", f.extraInfo()).hex("NtStatus", f.status());
            close("OperationEnd", "FileIo", FILE_IO);
        } else if (e instanceof Ev.DiskInit d) {
            open(d.write() ? 13 : 12, 3, t, d.issuer().proc.pid(), d.issuer().tid, c);
            hex("Irp", d.irp()).data("IssuingThreadId", d.issuer().tid);
            close(d.write() ? "WriteInit" : "ReadInit", "DiskIo", DISK_IO);
        } else if (e instanceof Ev.DiskDone d) {
            open(d.write() ? 11 : 10, 3, t, NONE, NONE, c);
            data("DiskNumber", d.disk()).hex("IrpFlags", d.irpFlags()).data("TransferSize", d.size())
                    .data("Reserved", 0).data("ByteOffset", d.byteOffset()).hex("FileObject", d.file().fileObject())
                    .hex("Irp", d.irp()).data("HighResResponseTime", d.responseTicks())
                    .data("IssuingThreadId", d.issuer().tid);
            close(d.write() ? "Write" : "Read", "DiskIo", DISK_IO);
        } else if (e instanceof Ev.DriverCall d) {
            open(34, 2, t, d.thread().proc.pid(), d.thread().tid, c);
            data("MajorFunction", d.major()).data("MinorFunction", d.minor()).hex("RoutineAddr", d.routine().address())
                    .hex("FileObject", d.file().fileObject()).hex("Irp", d.irp()).data("UniqMatchId", d.matchId());
            close("DrvMjFnCall", "DiskIo", DISK_IO);
        } else if (e instanceof Ev.DriverReturn d) {
            open(35, 2, t, d.thread().proc.pid(), d.thread().tid, c);
            hex("Irp", d.irp()).data("UniqMatchId", d.matchId());
            close("DrvMjFnRet", "DiskIo", DISK_IO);
        } else if (e instanceof Ev.DriverCompletion d) {
            open(d.opcode(), 2, t, NONE, NONE, c);
            if (d.opcode() == 37) {
                hex("Routine", d.routine().address()).hex("IrpPtr", d.irp());
            } else if (d.opcode() == 52) {
                hex("RoutineAddr", d.routine().address()).hex("Irp", d.irp());
            } else {
                hex("Irp", d.irp());
            }
            data("UniqMatchId", d.matchId());
            close(d.opcode() == 52 ? "DrvComplReq" : d.opcode() == 37 ? "DrvComplRout" : "DrvComplReqRet", "DiskIo",
                    DISK_IO);
        } else if (e instanceof Ev.ProcessRundown r) {
            Entities.Proc x = r.p();
            open(3, 4, t, x.pid(), NONE, c);
            hex("UniqueProcessKey", x.key()).hex("ProcessId", x.pid()).hex("ParentId", x.parentPid())
                    .data("SessionId", x.session()).data("ExitStatus", 259).hex("DirectoryTableBase", x.dtb())
                    .data("Flags", 0).dataText("UserSID", x.pid() == 4 ? "S-1-5-18" : x.pid() == 0 ? "" : "S-1-5-21-1-2-3-1001")
                    .dataText("ImageFileName", x.name())
                    .dataText("CommandLine", x.commandLine() == null ? "" : x.commandLine())
                    .dataText("PackageFullName", "").dataText("ApplicationId", "");
            close("DCStart", "Process", PROCESS);
        } else if (e instanceof Ev.ThreadRundown r) {
            Entities.Thr x = r.t();
            open(3, 3, t, x.proc.pid(), x.tid, c);
            hex("ProcessId", x.proc.pid()).hex("TThreadId", x.tid).hex("StackBase", x.stackBase)
                    .hex("StackLimit", x.stackBase - 0x6000).hex("UserStackBase", x.userStackBase)
                    .hex("UserStackLimit", x.userStackBase == 0 ? 0 : x.userStackBase - 0x10000).hex("Affinity", 0xFF)
                    .hex("Win32StartAddr", x.start.address()).hex("TebBase", x.teb).data("SubProcessTag", 0)
                    .data("BasePriority", x.basePriority).data("PagePriority", 5).data("IoPriority", 2)
                    .data("ThreadFlags", 0);
            close("DCStart", "Thread", THREAD);
        } else if (e instanceof Ev.ImageRundown r) {
            Entities.Img x = r.i();
            open(3, 3, t, NONE, NONE, c);
            hex("ImageBase", x.base()).hex("ImageSize", x.size()).hex("ProcessId", x.pid())
                    .data("ImageCheckSum", x.checksum()).data("TimeDateStamp", x.timeDateStamp())
                    .data("SignatureLevel", 0).data("SignatureType", 0).data("Reserved0", 0)
                    .hex("DefaultBase", x.base()).data("Reserved1", 0).data("Reserved2", 0).data("Reserved3", 0)
                    .data("Reserved4", 0).dataText("FileName", x.path());
            close("DCStart", "Image", IMAGE);
        } else if (e instanceof Ev.FileRundown r) {
            open(36, 3, t, NONE, NONE, c);
            hex("FileObject", r.f().fileKey()).dataText("FileName", r.f().path());
            close("FileRundown", "FileIo", FILE_IO);
        } else {
            throw new IllegalArgumentException(e.toString());
        }
        if (sb.length() > 1 << 16) {
            flush();
        }
    }

    @Override
    public void end(long lastTick) throws IOException {
        sb.append("</Events>\r\n");
        flush();
        out.close();
    }
}
