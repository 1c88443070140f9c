package etwreplay.bench.gen;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes xperf dumper text (FORMATS.md §1, SCHEMAS.md §1.11): a BeginHeader block with one schema line
 * per event type (the Win10 column sets of FORMATS.md §1b/§1c and SCHEMAS.md §1.2-1.10), EndHeader, the
 * trace-info line, then one CRLF line per event, name right-aligned, integer microseconds since the
 * start, {@code name (pid)} process cells, quoted file names.
 */
final class XperfTextWriter implements EventWriter {
    static final long START_FILETIME = 133500000000000000L;

    private static final String[] HEADER = {
        "BeginHeader",
        "FirstReliableEventTimeStamp, TimeStamp",
        "FirstReliableCSwitchEventTimeStamp, TimeStamp",
        "              P-DCStart,  TimeStamp,     Process Name ( PID),  ParentPID,  SessionID,          UniqueKey,"
            + " DirectoryTableBase,      Flags, UserSid, Command Line, PackageFullName, ApplicationId",
        "              T-DCStart,  TimeStamp,     Process Name ( PID),   ThreadID,          StackBase,         StackLimit,"
            + "         UsrStkBase,          UsrStkLmt,            TebBase, SubProcessTag, BasePri, PagePri, IoPri, Flags,"
            + "            Image!Function",
        "              I-DCStart,  TimeStamp,     Process Name ( PID),           BaseAddr,            EndAddr,   Checksum,"
            + " TimeDateStamp,        DefaultBase, FileName",
        "        FileNameRundown,  TimeStamp,         FileObject, FileName",
        "                CSwitch,  TimeStamp, New Process Name ( PID),    New TID, NPri, NQnt, TmSinceLast, WaitTime,"
            + " Old Process Name ( PID),    Old TID, OPri, OQnt,        OldState,      Wait Reason, Swapable, InSwitchTime,"
            + " CPU, IdealProc,  OldRemQnt, NewPriDecr, PrevCState",
        "            ReadyThread,  TimeStamp,     Process Name ( PID),   ThreadID, Rdy Process Name ( PID),    Rdy TID,"
            + " AdjustReason, AdjustIncrement, InDPC, CPU",
        "                    DPC,  TimeStamp, ElapsedTime, CPU,        ServiceAddr,            Image!Function",
        "                 DPCTmr,  TimeStamp, ElapsedTime, CPU,        ServiceAddr,            Image!Function",
        "              Interrupt,  TimeStamp, ElapsedTime, CPU, Vector, MessageIndex,     Status,        ServiceAddr,"
            + "            Image!Function",
        "           DiskReadInit,  TimeStamp,     Process Name ( PID),   ThreadID,             IrpPtr",
        "          DiskWriteInit,  TimeStamp,     Process Name ( PID),   ThreadID,             IrpPtr",
        "               DiskRead,  TimeStamp,     Process Name ( PID),   ThreadID, CPU,             IrpPtr,   ByteOffset,"
            + "     IOSize, ElapsedTime,  DiskNum, IrpFlags, DiskSvcTime, I/O Pri,  VolSnap,         FileObject, FileName",
        "              DiskWrite,  TimeStamp,     Process Name ( PID),   ThreadID, CPU,             IrpPtr,   ByteOffset,"
            + "     IOSize, ElapsedTime,  DiskNum, IrpFlags, DiskSvcTime, I/O Pri,  VolSnap,         FileObject, FileName",
        "             FileIoRead,  TimeStamp,     Process Name ( PID),   ThreadID, LoggingProcessName ( PID),"
            + " LoggingThreadID, CPU,             IrpPtr,         FileObject,   ByteOffset,       Size,      Flags,"
            + " ExtraFlags, Priority, FileName, ParsedFlags",
        "            FileIoWrite,  TimeStamp,     Process Name ( PID),   ThreadID, LoggingProcessName ( PID),"
            + " LoggingThreadID, CPU,             IrpPtr,         FileObject,   ByteOffset,       Size,      Flags,"
            + " ExtraFlags, Priority, FileName, ParsedFlags",
        "            FileIoOpEnd,  TimeStamp,     Process Name ( PID),   ThreadID, LoggingProcessName ( PID),"
            + " LoggingThreadID, CPU,             IrpPtr,         FileObject, ElapsedTime,     Status,          ExtraInfo,"
            + " Type, FileName",
        "            DrvMjFnCall,  TimeStamp,     Process Name ( PID),   ThreadID, CPU,             IrpPtr,   UniqueId,"
            + "            MajorFunction,  MinorFunc,         FileObject, FileName,        RoutineAddr,            Image!Function",
        "             DrvMjFnRet,  TimeStamp,     Process Name ( PID),   ThreadID, CPU,             IrpPtr,   UniqueId",
        "            DrvComplReq,  TimeStamp,     Process Name ( PID),   ThreadID, CPU,             IrpPtr,   UniqueId,"
            + "        RoutineAddr,            Image!Function",
        "           DrvComplRout,  TimeStamp,     Process Name ( PID),   ThreadID, CPU,             IrpPtr,   UniqueId,"
            + "        RoutineAddr,            Image!Function",
        "         DrvComplReqRet,  TimeStamp,     Process Name ( PID),   ThreadID, CPU,             IrpPtr,   UniqueId",
        "              PageFault,  TimeStamp,     Process Name ( PID),   ThreadID, CPU,        VirtualAddr,"
            + "           PrgrmCtr,            Type,            Image!Function",
        "              HardFault,  TimeStamp,     Process Name ( PID),   ThreadID,        VirtualAddr,   ByteOffset,"
            + "     IOSize, ElapsedTime,         FileObject, FileName, Hardfaulted Address Information",
        "         SampledProfile,  TimeStamp,     Process Name ( PID),   ThreadID,           PrgrmCtr, CPU,"
            + " ThreadStartImage!Function,            Image!Function, Count, SampledProfile type, ExecutingDPC,"
            + " ExecutingISR",
        "EndHeader"};

    private final Path file;
    private OutputStream out;
    private final StringBuilder sb = new StringBuilder(512);
    private long bytes;

    XperfTextWriter(Path file) {
        this.file = file;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public void begin(Entities world, int cpus) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        for (String h : HEADER) {
            line(sb.append(h));
        }
        line(sb.append("OS Version: 10.0.19045, Trace Size: 0KB, Events Lost: 0, Buffers lost: 0, Trace Start: ")
                .append(START_FILETIME).append(", Trace Length: 1 sec, PointerSize: 8, Trace Name: generated.etl"));
        line(sb.append("FirstReliableEventTimeStamp, 0"));
        line(sb.append("FirstReliableCSwitchEventTimeStamp, 0"));
    }

    private void line(StringBuilder s) throws IOException {
        s.append("\r\n");
        int n = s.length();
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            b[i] = ch < 0x80 ? (byte) ch : (byte) '?';
        }
        out.write(b);
        bytes += n;
        s.setLength(0);
    }

    private StringBuilder start(String name, long tick) {
        Text.pad(sb, name, 23).append(", ");
        return Text.pad(sb, tick / 10, 10);
    }

    private StringBuilder proc(Entities.Proc p) {
        sb.append(", ");
        int w = sb.length();
        sb.append(p.name()).append(" (");
        Text.pad(sb, p.pid(), 4).append(')');
        int len = sb.length() - w;
        if (len < 24) {
            sb.insert(w, "                        ", 0, 24 - len);
        }
        return sb;
    }

    private StringBuilder thr(Entities.Thr t) {
        proc(t.proc).append(", ");
        return Text.pad(sb, t.tid, 10);
    }

    private StringBuilder ptr(long v) {
        sb.append(", ");
        return Text.hex(sb, v, 16);
    }

    private StringBuilder num(long v) {
        sb.append(", ");
        return sb.append(v);
    }

    private StringBuilder quoted(String s) {
        return sb.append(", \"").append(s).append('"');
    }

    private StringBuilder routine(Entities.Routine r) {
        ptr(r.address());
        return sb.append(", ").append(r.symbol());
    }

    private static final String[] STATES = {"Initialized", "Ready", "Running", "Standby", "Terminated", "Waiting"};

    private static String waitReason(int r) {
        return switch (r) {
            case TraceModel.WAIT_EXECUTIVE -> "Executive";
            case TraceModel.WAIT_USER_REQUEST -> "UserRequest";
            case TraceModel.WAIT_QUEUE -> "WrQueue";
            case TraceModel.WAIT_QUANTUM_END -> "WrQuantumEnd";
            case TraceModel.WAIT_PREEMPTED -> "WrPreempted";
            default -> throw new IllegalArgumentException("wait reason " + r);
        };
    }

    @Override
    public void write(Ev e) throws IOException {
        if (e instanceof Ev.CSwitch c) {
            start("CSwitch", c.tick());
            proc(c.next().proc).append(", ");
            Text.pad(sb, c.next().tid, 10).append(", ");
            Text.pad(sb, c.next().basePriority, 4).append(",   -1, ");
            Text.pad(sb, c.nextSinceLastTicks() / 10, 11).append(", ");
            Text.pad(sb, c.nextWaitTime(), 8);
            proc(c.prev().proc).append(", ");
            Text.pad(sb, c.prev().tid, 10).append(", ");
            Text.pad(sb, c.prev().basePriority, 4).append(",   -1, ");
            Text.pad(sb, STATES[c.prevState()], 15).append(", ");
            Text.pad(sb, waitReason(c.waitReason()), 16).append(", ");
            sb.append(c.waitMode() == 1 ? "Swapable" : " NonSwap").append(", ");
            Text.pad(sb, c.prevRunTicks() / 10, 6).append(", ");
            Text.pad(sb, c.cpu(), 3).append(", ");
            Text.pad(sb, c.idealCpu(), 3).append(", ");
            Text.pad(sb, c.prevState() == TraceModel.STATE_WAITING ? 68564992 : 0, 10).append(",    0, ");
            Text.pad(sb, c.previousCState(), 4);
        } else if (e instanceof Ev.ReadyThread rt) {
            start("ReadyThread", rt.tick());
            thr(rt.readying());
            thr(rt.readied());
            num(rt.adjustReason());
            num(rt.adjustIncrement());
            sb.append(rt.fromDpc() ? ",  True" : ", False");
            num(rt.cpu());
        } else if (e instanceof Ev.Dpc d) {
            start(d.opcode() == 69 ? "DPCTmr" : "DPC", d.tick());
            num((d.tick() - d.initialTick()) / 10);
            num(d.cpu());
            routine(d.routine());
        } else if (e instanceof Ev.Isr i) {
            start("Interrupt", i.tick());
            num((i.tick() - i.initialTick()) / 10);
            num(i.cpu());
            num(i.vector());
            num(0);
            sb.append(", ");
            Text.hex(sb, i.claimed() ? 1 : 0, 8);
            routine(i.routine());
        } else if (e instanceof Ev.Sample s) {
            start("SampledProfile", s.tick());
            thr(s.thread());
            ptr(s.ip());
            num(s.cpu());
            sb.append(", ").append(s.thread().start.symbol()).append(", ").append(s.routine().symbol())
                    .append(", 1, Timer, ").append(s.inDpc() ? "True" : "False").append(", False");
        } else if (e instanceof Ev.PageFault p) {
            start("PageFault", p.tick());
            thr(p.thread());
            num(p.cpu());
            ptr(p.va());
            ptr(p.pc());
            sb.append(", ").append(p.opcode() == 10 ? "TransitionFault" : "DemandZeroFault").append(", ")
                    .append(p.pcRoutine().symbol());
        } else if (e instanceof Ev.HardFault h) {
            start("HardFault", h.tick());
            thr(h.thread());
            ptr(h.va());
            sb.append(", ");
            Text.hex(sb, h.readOffset(), 10);
            sb.append(", ");
            Text.hex(sb, h.bytes(), 8);
            num((h.tick() - h.initialTick()) / 10);
            ptr(h.file().fileObject());
            quoted(h.file().path());
            sb.append(", <none>");
        } else if (e instanceof Ev.FileOp f) {
            start(f.write() ? "FileIoWrite" : "FileIoRead", f.tick());
            thr(f.thread());
            thr(f.thread());
            num(f.cpu());
            ptr(f.irp());
            ptr(f.file().fileObject());
            sb.append(", ");
            Text.hex(sb, f.offset(), 10);
            sb.append(", ");
            Text.hex(sb, f.size(), 8);
            sb.append(", ");
            Text.hex(sb, f.ioFlags(), 8);
            sb.append(", 0x00000000,        2");
            quoted(f.file().path());
            sb.append(", <none>");
        } else if (e instanceof Ev.FileOpEnd f) {
            start("FileIoOpEnd", f.tick());
            thr(f.thread());
            thr(f.thread());
            num(f.cpu());
            ptr(f.irp());
            ptr(f.file().fileObject());
            num(f.elapsedTicks() / 10);
            sb.append(", ");
            Text.hex(sb, f.status(), 8);
            ptr(f.extraInfo());
            sb.append(", ").append(f.write() ? "Write" : "Read");
            quoted(f.file().path());
        } else if (e instanceof Ev.DiskInit d) {
            start(d.write() ? "DiskWriteInit" : "DiskReadInit", d.tick());
            thr(d.issuer());
            ptr(d.irp());
        } else if (e instanceof Ev.DiskDone d) {
            start(d.write() ? "DiskWrite" : "DiskRead", d.tick());
            thr(d.issuer());
            num(d.cpu());
            ptr(d.irp());
            sb.append(", ");
            Text.hex(sb, d.byteOffset(), 10);
            sb.append(", ");
            Text.hex(sb, d.size(), 8);
            num(d.responseTicks() / 10);
            num(d.disk());
            sb.append(", ");
            Text.hex(sb, d.irpFlags(), 6);
            num(d.responseTicks() / 10);
            sb.append(", 2, Original");
            ptr(d.file().fileObject());
            quoted(d.file().path());
        } else if (e instanceof Ev.DriverCall d) {
            start("DrvMjFnCall", d.tick());
            thr(d.thread());
            num(d.cpu());
            ptr(d.irp());
            sb.append(", ");
            Text.hex(sb, d.matchId(), 8);
            num(d.major());
            num(d.minor());
            ptr(d.file().fileObject());
            quoted(d.file().path());
            routine(d.routine());
        } else if (e instanceof Ev.DriverReturn d) {
            start("DrvMjFnRet", d.tick());
            thr(d.thread());
            num(d.cpu());
            ptr(d.irp());
            sb.append(", ");
            Text.hex(sb, d.matchId(), 8);
        } else if (e instanceof Ev.DriverCompletion d) {
            start(d.opcode() == 52 ? "DrvComplReq" : d.opcode() == 37 ? "DrvComplRout" : "DrvComplReqRet", d.tick());
            thr(d.context());
            num(d.cpu());
            ptr(d.irp());
            sb.append(", ");
            Text.hex(sb, d.matchId(), 8);
            if (d.routine() != null) {
                routine(d.routine());
            }
        } else if (e instanceof Ev.ProcessRundown p) {
            Entities.Proc x = p.p();
            start("P-DCStart", p.tick());
            proc(x);
            num(x.parentPid());
            num(x.session());
            ptr(x.key());
            ptr(x.dtb());
            sb.append(", 0x00000000, ");
            sb.append(x.pid() == 0 ? "<none>" : x.pid() == 4 ? "S-1-5-18" : "S-1-5-21-1-2-3-1001");
            sb.append(", ").append(x.commandLine() == null ? "<none>" : x.commandLine()).append(", <none>, <none>");
        } else if (e instanceof Ev.ThreadRundown t) {
            Entities.Thr x = t.t();
            start("T-DCStart", t.tick());
            thr(x);
            ptr(x.stackBase);
            ptr(x.stackBase - 0x6000);
            ptr(x.userStackBase);
            ptr(x.userStackBase == 0 ? 0 : x.userStackBase - 0x10000);
            ptr(x.teb);
            sb.append(",    0x00000000");
            num(x.basePriority);
            sb.append(", 5, 2, 0x00, ").append(x.start.symbol());
        } else if (e instanceof Ev.ImageRundown i) {
            Entities.Img x = i.i();
            start("I-DCStart", i.tick());
            proc(x.proc());
            ptr(x.base());
            ptr(x.base() + x.size());
            sb.append(", ");
            Text.hex(sb, x.checksum(), 8);
            sb.append(", ");
            Text.hex(sb, x.timeDateStamp(), 8);
            ptr(x.base());
            quoted(x.path());
        } else if (e instanceof Ev.FileRundown f) {
            start("FileNameRundown", f.tick());
            ptr(f.f().fileKey());
            quoted(f.f().path());
        } else {
            throw new IllegalArgumentException(e.toString());
        }
        line(sb);
    }

    @Override
    public void end(long lastTick) throws IOException {
        out.close();
    }
}
