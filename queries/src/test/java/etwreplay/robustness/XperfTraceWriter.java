package etwreplay.robustness;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a large, valid xperf dumper trace (CSwitch, DPC and DiskRead lines over 4 CPUs) for tests that
 * need ingest to take a few seconds. Deterministic for a seed. Formats: FORMATS.md §1.
 */
public final class XperfTraceWriter {
    private XperfTraceWriter() {
    }

    public static void write(Path file, int events, long seed) throws IOException {
        Random r = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("BeginHeader\r\n"
                    + "CSwitch, TimeStamp, New Process Name ( PID), New TID, NPri, NQnt, TmSinceLast, WaitTime,"
                    + " Old Process Name ( PID), Old TID, OPri, OQnt, OldState, Wait Reason, Swapable, InSwitchTime,"
                    + " CPU, IdealProc, OldRemQnt, NewPriDecr, PrevCState\r\n"
                    + "DPC, TimeStamp, ElapsedTime, CPU, ServiceAddr, Image!Function\r\n"
                    + "DiskRead, TimeStamp, Process Name ( PID), ThreadID, CPU, IrpPtr, ByteOffset, IOSize,"
                    + " ElapsedTime, DiskNum, IrpFlags, DiskSvcTime, I/O Pri, VolSnap, FileObject, FileName\r\n"
                    + "EndHeader\r\n"
                    + "OS Version: 10.0.19045, Trace Size: 1KB, Events Lost: 0, Buffers lost: 0, Trace Start:"
                    + " 133500000000000000, Trace Length: 1 sec, PointerSize: 8, Trace Name: generated.etl\r\n");
            long ts = 1000;
            for (int i = 0; i < events; i++) {
                ts += 1 + r.nextInt(5);
                int cpu = i & 3;
                switch (i % 3) {
                    case 0 -> w.write("CSwitch, " + ts + ", app.exe (1200), " + (1204 + cpu * 4)
                            + ", 8, -1, 500, 0, Idle (   0), 0, 0, -1, Running, Executive, NonSwap, 100, " + cpu
                            + ", 0, 0, 0, 1\r\n");
                    case 1 -> w.write("DPC, " + ts + ", " + (1 + r.nextInt(40)) + ", " + cpu
                            + ", 0xfffff80020105670, storport.sys!RaidpAdapterDpcRoutine\r\n");
                    default -> w.write("DiskRead, " + ts + ", app.exe (1200), 1204, " + cpu + ", 0xffffc0010a2b"
                            + String.format("%04x", i & 0xFFFF) + ", 0x0000100000, 0x00010000, 1320, 0, 0x060043,"
                            + " 1290, 2, Original, 0xffffc001abcd0f00, \"C:\\data\\input.bin\"\r\n");
                }
            }
        }
    }
}
