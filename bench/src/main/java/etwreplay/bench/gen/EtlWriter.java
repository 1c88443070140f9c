package etwreplay.bench.gen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes a raw {@code .etl} file as a kernel logger does (FORMATS.md §8): 64 KiB buffers, one stream per
 * processor, each with a 0x48-byte WMI_BUFFER_HEADER (valid-data end at +0x30, processor at +0x28,
 * flags 0x20 PROC_INDEX), events 8-byte aligned, the unused end filled with 0xFF. The first buffer holds
 * the EventTrace header event (TRACE_LOGFILE_HEADER, SCHEMAS.md §2.1); its BuffersWritten and EndTime are
 * patched when the file is closed. Kernel events use SYSTEM headers (thread and process ids) when the
 * logging thread matters and PERFINFO headers otherwise; payloads follow the x86/x64 layouts of
 * SCHEMAS.md §1 for {@code pointerSize} 4 or 8. Clock: QPC at 10 MHz, so a model tick is a QPC tick.
 */
final class EtlWriter implements EventWriter {
    static final int BUFFER_SIZE = 0x10000;
    static final int BUFFER_HEADER = 0x48;
    static final long BASE_TICKS = 1_000_000L;
    static final long START_FILETIME = XperfTextWriter.START_FILETIME;
    /** Marker byte 3 (FORMATS.md §8) and header types. */
    private static final int MARKER = 0xC0;
    private static final int SYSTEM32 = 1;
    private static final int SYSTEM64 = 2;
    private static final int PERFINFO32 = 16;
    private static final int PERFINFO64 = 17;
    /** Kernel groups (FORMATS.md §8). */
    private static final int DISK_IO = 1;
    private static final int PAGE_FAULT = 2;
    private static final int PROCESS = 3;
    private static final int FILE_IO = 4;
    private static final int THREAD = 5;
    private static final int PERF_INFO = 0xF;
    private static final int IMAGE = 0x14;

    private final Path file;
    private final int p;
    private FileChannel ch;
    private ByteBuffer[] buffers;
    private final ByteBuffer ev = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    private final byte[] padding = new byte[BUFFER_SIZE];
    private long buffersWritten;
    private int cpus;

    EtlWriter(Path file, int pointerSize) {
        this.file = file;
        this.p = pointerSize;
        Arrays.fill(padding, (byte) 0xFF);
    }

    @Override
    public void begin(Entities world, int cpuCount) throws IOException {
        this.cpus = cpuCount;
        ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        buffers = new ByteBuffer[cpuCount];
        for (int c = 0; c < cpuCount; c++) {
            buffers[c] = ByteBuffer.allocate(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            buffers[c].position(BUFFER_HEADER);
        }
        ByteBuffer header = ByteBuffer.allocate(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header.position(BUFFER_HEADER);
        ev.clear();
        logfileHeader(0);
        put(header, SYSTEM, 8, 4, 2, 0, 0, BASE_TICKS);
        writeBuffer(header, 0, 0x1, 4);
    }

    private static final boolean SYSTEM = true;
    private static final boolean PERFINFO = false;

    /** The TRACE_LOGFILE_HEADER (LogfileHeader layout, SCHEMAS.md §2.1) into {@link #ev}. */
    private void logfileHeader(long endTicks) {
        ev.putInt(BUFFER_SIZE).putInt(0x0005000A /* 10.0: Major, Minor bytes */).putInt(19045).putInt(cpus)
                .putLong(START_FILETIME + endTicks).putInt(156250).putInt(0).putInt(0x10001)
                .putInt((int) buffersWritten).putInt(1).putInt(p).putInt(0).putInt(3000);
        ptr(0xA);
        ptr(0x7);
        ev.putInt(0); // Bias
        ev.put(new byte[64 + 16 + 4 + 64 + 16 + 4]); // TIME_ZONE_INFORMATION without Bias
        ev.putInt(0); // padding: BootTime is 8-byte aligned
        ev.putLong(START_FILETIME - 36_000_000_000L).putLong(10_000_000L).putLong(START_FILETIME).putInt(1).putInt(0);
        utf16("NT Kernel Logger");
        utf16("C:\\traces\\generated.etl");
    }

    private void ptr(long v) {
        long n = Entities.narrow(v, p);
        if (p == 8) {
            ev.putLong(n);
        } else {
            ev.putInt((int) n);
        }
    }

    private void utf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            ev.putChar(s.charAt(i));
        }
        ev.putChar((char) 0);
    }

    private void ansi(String s) {
        ev.put(s.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    }

    /** Appends the event whose payload is in {@link #ev} (from 0 to its position) to buffer {@code b}. */
    private void put(ByteBuffer b, boolean system, int tid, int pid, int version, int group, int opcode, long tick) {
        int payload = ev.position();
        int headerSize = system ? 0x20 : 0x10;
        int size = headerSize + payload;
        int aligned = (size + 7) & ~7;
        b.putShort((short) version);
        b.put((byte) (system ? (p == 8 ? SYSTEM64 : SYSTEM32) : (p == 8 ? PERFINFO64 : PERFINFO32)));
        b.put((byte) MARKER);
        b.putShort((short) size);
        b.putShort((short) (group << 8 | opcode));
        if (system) {
            b.putInt(tid).putInt(pid).putLong(tick).putInt(0).putInt(0);
        } else {
            b.putLong(tick);
        }
        b.put(ev.array(), 0, payload);
        for (int i = size; i < aligned; i++) {
            b.put((byte) 0);
        }
    }

    private void emit(int cpu, boolean system, Entities.Thr t, int version, int group, int opcode, long tick)
            throws IOException {
        ByteBuffer b = buffers[cpu];
        int size = ((system ? 0x20 : 0x10) + ev.position() + 7) & ~7;
        if (b.position() + size > BUFFER_SIZE) {
            writeBuffer(b, cpu, 0x20, 0);
            b.clear();
            b.position(BUFFER_HEADER);
        }
        put(b, system, t == null ? -1 : t.tid, t == null ? -1 : t.proc.pid(), version, group, opcode,
                BASE_TICKS + tick);
    }

    /** Writes one buffer: header, events, 0xFF to the full size. */
    private void writeBuffer(ByteBuffer b, int cpu, int flags, int type) throws IOException {
        int end = b.position();
        b.putInt(0, BUFFER_SIZE).putInt(4, end).putInt(8, end).putInt(0xC, 0).putLong(0x10, BASE_TICKS)
                .putLong(0x18, 0).putLong(0x20, 0);
        b.put(0x28, (byte) cpu).put(0x29, (byte) 0).putShort(0x2A, (short) 0).putInt(0x2C, 0).putInt(0x30, end)
                .putShort(0x34, (short) flags).putShort(0x36, (short) type);
        for (int i = 0x38; i < BUFFER_HEADER; i++) {
            b.put(i, (byte) 0);
        }
        b.position(end);
        b.put(padding, 0, BUFFER_SIZE - end);
        b.flip();
        while (b.hasRemaining()) {
            ch.write(b);
        }
        buffersWritten++;
    }

    @Override
    public void write(Ev e) throws IOException {
        ev.clear();
        int c = e.cpu();
        long t = e.tick();
        if (e instanceof Ev.CSwitch s) {
            ev.putInt(s.next().tid).putInt(s.prev().tid).put((byte) s.next().basePriority)
                    .put((byte) s.prev().basePriority).put((byte) s.previousCState()).put((byte) 0)
                    .put((byte) s.waitReason()).put((byte) s.waitMode()).put((byte) s.prevState())
                    .put((byte) s.idealCpu()).putInt(s.nextWaitTime()).putInt(0);
            emit(c, PERFINFO, null, 4, THREAD, 36, t);
        } else if (e instanceof Ev.ReadyThread r) {
            ev.putInt(r.readied().tid).put((byte) r.adjustReason()).put((byte) r.adjustIncrement())
                    .put((byte) (r.fromDpc() ? 1 : 0)).put((byte) 0);
            emit(c, SYSTEM, r.readying(), 2, THREAD, 50, t);
        } else if (e instanceof Ev.Dpc d) {
            ev.putLong(BASE_TICKS + d.initialTick());
            ptr(d.routine().address());
            emit(c, PERFINFO, null, 2, PERF_INFO, d.opcode(), t);
        } else if (e instanceof Ev.Isr i) {
            ev.putLong(BASE_TICKS + i.initialTick());
            ptr(i.routine().address());
            ev.put((byte) (i.claimed() ? 1 : 0)).put((byte) i.vector()).putShort((short) 0);
            emit(c, PERFINFO, null, 2, PERF_INFO, 67, t);
        } else if (e instanceof Ev.Sample s) {
            ptr(s.ip());
            ev.putInt(s.thread().tid).putShort((short) 1)
                    .put((byte) ((s.inDpc() ? 1 : 0) | (s.thread().basePriority << 3))).put((byte) 0);
            emit(c, PERFINFO, null, 2, PERF_INFO, 46, t);
        } else if (e instanceof Ev.PageFault f) {
            ptr(f.va());
            ptr(f.pc());
            emit(c, SYSTEM, f.thread(), 2, PAGE_FAULT, f.opcode(), t);
        } else if (e instanceof Ev.HardFault h) {
            ev.putLong(BASE_TICKS + h.initialTick()).putLong(h.readOffset());
            ptr(h.va());
            ptr(h.file().fileObject());
            ev.putInt(h.thread().tid).putInt(h.bytes());
            emit(c, PERFINFO, null, 2, PAGE_FAULT, 32, t);
        } else if (e instanceof Ev.FileOp f) {
            ev.putLong(f.offset());
            ptr(f.irp());
            ptr(f.file().fileObject());
            ptr(f.file().fileKey());
            ev.putInt(f.thread().tid).putInt(f.size()).putInt(f.ioFlags());
            emit(c, SYSTEM, f.thread(), 3, FILE_IO, f.write() ? 68 : 67, t);
        } else if (e instanceof Ev.FileOpEnd f) {
            ptr(f.irp());
            ptr(f.extraInfo());
            ev.putInt(f.status());
            emit(c, SYSTEM, f.thread(), 3, FILE_IO, 76, t);
        } else if (e instanceof Ev.DiskInit d) {
            ptr(d.irp());
            ev.putInt(d.issuer().tid);
            emit(c, SYSTEM, d.issuer(), 3, DISK_IO, d.write() ? 13 : 12, t);
        } else if (e instanceof Ev.DiskDone d) {
            ev.putInt(d.disk()).putInt(d.irpFlags()).putInt(d.size()).putInt(0).putLong(d.byteOffset());
            ptr(d.file().fileObject());
            ptr(d.irp());
            ev.putLong(d.responseTicks()).putInt(d.issuer().tid);
            emit(c, PERFINFO, null, 3, DISK_IO, d.write() ? 11 : 10, t);
        } else if (e instanceof Ev.DriverCall d) {
            ev.putInt(d.major()).putInt(d.minor());
            ptr(d.routine().address());
            ptr(d.file().fileObject());
            ptr(d.irp());
            ev.putInt(d.matchId());
            emit(c, SYSTEM, d.thread(), 2, DISK_IO, 34, t);
        } else if (e instanceof Ev.DriverReturn d) {
            ptr(d.irp());
            ev.putInt(d.matchId());
            emit(c, SYSTEM, d.thread(), 2, DISK_IO, 35, t);
        } else if (e instanceof Ev.DriverCompletion d) {
            if (d.routine() != null) {
                ptr(d.routine().address());
            }
            ptr(d.irp());
            ev.putInt(d.matchId());
            emit(c, PERFINFO, null, 2, DISK_IO, d.opcode(), t);
        } else if (e instanceof Ev.ProcessRundown r) {
            Entities.Proc x = r.p();
            ptr(x.key());
            ev.putInt(x.pid()).putInt(x.parentPid()).putInt(x.session()).putInt(259);
            ptr(x.dtb());
            ev.putInt(0).putInt(0); // Flags; UserSID: a first ULONG of 0 is the whole SID blob
            ansi(x.name());
            utf16(x.commandLine() == null ? "" : x.commandLine());
            utf16("");
            utf16("");
            emit(c, SYSTEM, null, 4, PROCESS, 3, t);
        } else if (e instanceof Ev.ThreadRundown r) {
            Entities.Thr x = r.t();
            ev.putInt(x.proc.pid()).putInt(x.tid);
            ptr(x.stackBase);
            ptr(x.stackBase - 0x6000);
            ptr(x.userStackBase);
            ptr(x.userStackBase == 0 ? 0 : x.userStackBase - 0x10000);
            ptr(0xFF); // Affinity
            ptr(x.start.address());
            ptr(x.teb);
            ev.putInt(0).put((byte) x.basePriority).put((byte) 5).put((byte) 2).put((byte) 0);
            emit(c, SYSTEM, null, 3, THREAD, 3, t);
        } else if (e instanceof Ev.ImageRundown r) {
            Entities.Img x = r.i();
            ptr(x.base());
            ptr(x.size());
            ev.putInt(x.pid()).putInt(x.checksum()).putInt(x.timeDateStamp()).putInt(0);
            ptr(x.base());
            ev.putInt(0).putInt(0).putInt(0).putInt(0);
            utf16(x.path());
            emit(c, SYSTEM, null, 3, IMAGE, 3, t);
        } else if (e instanceof Ev.FileRundown r) {
            ptr(r.f().fileKey());
            utf16(r.f().path());
            emit(c, SYSTEM, null, 3, FILE_IO, 36, t);
        } else {
            throw new IllegalArgumentException(e.toString());
        }
    }

    @Override
    public void end(long lastTick) throws IOException {
        for (int c = 0; c < cpus; c++) {
            if (buffers[c].position() > BUFFER_HEADER) {
                writeBuffer(buffers[c], c, 0x20, 0);
            }
        }
        // Patch BuffersWritten and EndTime in the header event (buffer 0, event header 0x20 bytes in).
        ev.clear();
        logfileHeader(lastTick);
        ch.write(ByteBuffer.wrap(ev.array(), 0, ev.position()), BUFFER_HEADER + 0x20);
        ch.close();
    }
}
