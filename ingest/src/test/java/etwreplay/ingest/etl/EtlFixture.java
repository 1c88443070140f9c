package etwreplay.ingest.etl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes small, byte-exact ETL files for tests: a header buffer whose first event is the EventTrace
 * header (TRACE_LOGFILE_HEADER) and data buffers of kernel events with SYSTEM or PERFINFO headers,
 * laid out as FORMATS.md §8 describes (WMI_BUFFER_HEADER of 0x48 bytes, valid-data end at +0x30,
 * processor at +0x28, 8-byte aligned events, 0xFF padding), optionally compressed with the test's
 * Plain LZ77 encoder (buffer flag 0x40). The clock is QPC at 10 MHz: tick t is (t − {@link #HEADER_TICKS})
 * × 100 ns.
 */
final class EtlFixture {
    static final long HEADER_TICKS = 1_000_000L;
    static final long QPC_FREQUENCY = 10_000_000L;
    /** 2020-07-29T00:07:00Z as a FILETIME. */
    static final long START_FILETIME = 132404548200000000L;
    static final int HEADER_TID = 1111;
    static final int HEADER_PID = 2222;

    final int pointerSize;
    int cpuCount = 4;
    int bufferSize = 0x2000;
    boolean compress;
    long eventsLost;
    long buffersLost;
    int clockType = LogfileHeader.CLOCK_QPC;
    long perfFreq = QPC_FREQUENCY;
    private final List<Buffer> buffers = new ArrayList<>();

    EtlFixture(int pointerSize) {
        this.pointerSize = pointerSize;
    }

    /** A new data buffer filled by processor {@code cpu}, written in the order buffers are created. */
    Buffer buffer(int cpu) {
        Buffer b = new Buffer(cpu);
        buffers.add(b);
        return b;
    }

    PayloadBytes payload() {
        return new PayloadBytes(pointerSize);
    }

    /** Events of one buffer. */
    final class Buffer {
        final int cpu;
        private final ByteArrayOutputStream events = new ByteArrayOutputStream();

        Buffer(int cpu) {
            this.cpu = cpu;
        }

        /** An event with a PERFINFO header (no thread or process ids), as DPC/ISR/CSwitch/SampledProfile use. */
        Buffer perfInfo(int group, int opcode, int version, long ticks, PayloadBytes payload) {
            byte[] p = payload.toBytes();
            PayloadBytes h = new PayloadBytes(8).u16(version)
                    .u8(pointerSize == 8 ? HeaderType.PERFINFO64 : HeaderType.PERFINFO32).u8(HeaderType.MARKER_FLAGS)
                    .u16(0x10 + p.length).u16(group << 8 | opcode).u64(ticks).bytes(p);
            return raw(h.toBytes());
        }

        /** An event with a SYSTEM header: thread and process ids, timestamp, kernel and user times. */
        Buffer system(int group, int opcode, int version, long ticks, int tid, int pid, PayloadBytes payload) {
            byte[] p = payload.toBytes();
            PayloadBytes h = new PayloadBytes(8).u16(version)
                    .u8(pointerSize == 8 ? HeaderType.SYSTEM64 : HeaderType.SYSTEM32).u8(HeaderType.MARKER_FLAGS)
                    .u16(0x20 + p.length).u16(group << 8 | opcode).u32(tid).u32(pid).u64(ticks).u32(0).u32(0)
                    .bytes(p);
            return raw(h.toBytes());
        }

        /** An event with a COMPACT header: a SYSTEM header without the kernel and user times. */
        Buffer compact(int group, int opcode, int version, long ticks, int tid, int pid, PayloadBytes payload) {
            byte[] p = payload.toBytes();
            PayloadBytes h = new PayloadBytes(8).u16(version)
                    .u8(pointerSize == 8 ? HeaderType.COMPACT64 : HeaderType.COMPACT32).u8(HeaderType.MARKER_FLAGS)
                    .u16(0x18 + p.length).u16(group << 8 | opcode).u32(tid).u32(pid).u64(ticks).bytes(p);
            return raw(h.toBytes());
        }

        /** Any bytes as one event (8-byte aligned after it). */
        Buffer raw(byte[] event) {
            events.write(event, 0, event.length);
            while (events.size() % 8 != 0) {
                events.write(0);
            }
            return this;
        }
    }

    /** The TRACE_LOGFILE_HEADER, field order of EventTrace_Header (SCHEMAS.md §2.1), 4 bytes padding before BootTime. */
    byte[] logfileHeader() {
        PayloadBytes p = payload().u32(bufferSize).u32(0x0005000A /* 10.0, FORMATS.md §8 version bytes */)
                .u32(19041).u32(cpuCount).u64(START_FILETIME + 10_000_000L).u32(156250).u32(0).u32(0x4010001)
                .u32(buffers.size() + 1).u32(1).u32(pointerSize).u32(eventsLost).u32(2992)
                .ptr(0).ptr(0).at(0x40, 0x48).u32(0 /* Bias */);
        for (int i = 0; i < 32; i++) {
            p.u16(0);
        }
        p.bytes(new byte[16]).u32(0);
        for (int i = 0; i < 32; i++) {
            p.u16(0);
        }
        p.bytes(new byte[16]).u32(0).u32(0 /* padding */).at(0xF0, 0xF8).u64(START_FILETIME - 36_000_000_000L)
                .u64(perfFreq).u64(START_FILETIME).u32(clockType).u32(buffersLost)
                .utf16("etwreplay fixture").utf16("C:\\fixtures\\fixture.etl");
        return p.toBytes();
    }

    byte[] build() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Buffer header = new Buffer(0);
        byte[] lh = logfileHeader();
        header.raw(new PayloadBytes(8).u16(2).u8(pointerSize == 8 ? HeaderType.SYSTEM64 : HeaderType.SYSTEM32)
                .u8(HeaderType.MARKER_FLAGS).u16(0x20 + lh.length).u16(0).u32(HEADER_TID).u32(HEADER_PID)
                .u64(HEADER_TICKS).u32(0).u32(0).bytes(lh).toBytes());
        writeBuffer(file, header, 4, 0x1, false);
        for (Buffer b : buffers) {
            writeBuffer(file, b, 0, compress ? 0x60 : 0x20, compress);
        }
        return file.toByteArray();
    }

    Path write(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, build());
        return p;
    }

    private void writeBuffer(ByteArrayOutputStream file, Buffer b, int type, int flags, boolean compressed) {
        byte[] events = b.events.toByteArray();
        int validEnd = WmiBufferHeader.SIZE + events.length;
        byte[] body;
        if (compressed) {
            body = PlainLz77Encoder.compress(events);
        } else {
            int size = Math.max(bufferSize, validEnd);
            body = new byte[size - WmiBufferHeader.SIZE];
            Arrays.fill(body, (byte) 0xFF);
            System.arraycopy(events, 0, body, 0, events.length);
        }
        int onDisk = WmiBufferHeader.SIZE + body.length;
        PayloadBytes h = new PayloadBytes(8).u32(onDisk).u32(validEnd).u32(validEnd).u32(0).u64(HEADER_TICKS)
                .u64(0).u64(0).at(0, 0x28).u8(b.cpu).u8(0).u16(0).u32(0).at(0, 0x30).u32(validEnd).u16(flags)
                .u16(type).bytes(new byte[16]);
        file.write(h.toBytes(), 0, WmiBufferHeader.SIZE);
        file.write(body, 0, body.length);
    }
}
