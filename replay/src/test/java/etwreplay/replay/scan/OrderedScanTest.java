package etwreplay.replay.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ordered scan: time order whatever the file order (events from different CPU buffers interleave),
 * spans at their entry, and the same order whatever the query window size.
 */
class OrderedScanTest {
    private static final String HEADER = String.join("\n",
            "BeginHeader",
            "CSwitch, TimeStamp, New Process Name ( PID), New TID, Old Process Name ( PID), Old TID, CPU",
            "DPC, TimeStamp, ElapsedTime, CPU, ServiceAddr, Image!Function",
            "Interrupt, TimeStamp, ElapsedTime, CPU, Vector, MessageIndex, Status, ServiceAddr, Image!Function",
            "DiskReadInit, TimeStamp, Process Name ( PID), ThreadID, IrpPtr",
            "DiskRead, TimeStamp, Process Name ( PID), ThreadID, CPU, IrpPtr, ByteOffset, IOSize, ElapsedTime",
            "EndHeader",
            "OS Version: 10.0.19045, Trace Size: 1KB, Events Lost: 0, Buffers lost: 0, Trace Start: 0,"
                    + " Trace Length: 1 sec, PointerSize: 8, Trace Name: t.etl",
            "");

    @TempDir
    Path tmp;

    /** 400 events with random times, written in random order (seeded: the same every run). */
    private static String shuffledTrace() {
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 400; i++) {
            int ts = random.nextInt(100_000);
            int cpu = random.nextInt(4);
            switch (random.nextInt(5)) {
                case 0 -> sb.append("CSwitch, ").append(ts).append(", a.exe (10), ").append(11 + cpu)
                        .append(", Idle (0), 0, ").append(cpu);
                case 1 -> sb.append("DPC, ").append(ts).append(", ").append(random.nextInt(50)).append(", ").append(cpu)
                        .append(", 0xfffff80020105670, storport.sys!RaidpAdapterDpcRoutine");
                case 2 -> sb.append("Interrupt, ").append(ts).append(", ").append(random.nextInt(5)).append(", ")
                        .append(cpu).append(", 146, 0, 0x1, 0xfffff80020001230, stornvme.sys!NVMeMSIxIsr");
                case 3 -> sb.append("DiskReadInit, ").append(ts).append(", a.exe (10), 11, 0xffffc0010a2b")
                        .append(String.format("%04x", i));
                default -> sb.append("DiskRead, ").append(ts).append(", a.exe (10), 11, ").append(cpu)
                        .append(", 0xffffc0010a2b").append(String.format("%04x", i)).append(", 0x0, 0x1000, 10");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static List<ReplayEvent> scan(OrderedScan scan) throws Exception {
        List<ReplayEvent> out = new ArrayList<>();
        scan.rundown(out::add);
        scan.events(out::add);
        return out;
    }

    @Test
    void everyWindowSizeGivesTheSameTimeOrder() throws Exception {
        try (Database db = TestDatabases.ingestText(tmp, shuffledTrace(), true)) {
            OrderedScan wholeScan = new OrderedScan(db.connection(), 1);
            List<ReplayEvent> whole = scan(wholeScan);
            OrderedScan pagedScan = new OrderedScan(db.connection(), 1, 3);
            List<ReplayEvent> paged = scan(pagedScan);
            assertEquals(400, whole.size());
            assertTrue(wholeScan.windowQueries() <= 8, "one window per table: " + wholeScan.windowQueries());
            assertTrue(pagedScan.windowQueries() > 50, "many small windows: " + pagedScan.windowQueries());
            assertEquals(whole, paged);
            for (int i = 1; i < whole.size(); i++) {
                assertTrue(whole.get(i - 1).compareTo(whole.get(i)) < 0, "out of order at " + i + ": "
                        + whole.get(i - 1) + " then " + whole.get(i));
            }
            long inversions = Long.parseLong(db.query("SELECT count FROM trace_stat WHERE name = 'time_inversion'")
                    .rows().get(0).get(0));
            assertTrue(inversions > 100, "the file really is out of time order: " + inversions);
        }
    }

    /**
     * A window on a span table is also bounded through {@code ts} (RowSource#windowSql), by the greatest lag of
     * {@code ts} behind the entry. Spans far longer than a window, one that entered before the trace's zero
     * (negative entry), and ordinary ones: every window size finds each exactly once, in entry order.
     */
    @Test
    void spansLongerThanManyWindowsAreFoundByEveryWindowSize() throws Exception {
        StringBuilder text = new StringBuilder(shuffledTrace());
        text.append("DPC, 99000, 98500, 2, 0xfffff80021002000, ndis.sys!ndisInterruptDpc\n");
        text.append("DPC, 50000, 50001, 3, 0xfffff80021002000, ndis.sys!ndisInterruptDpc\n");
        text.append("Interrupt, 70000, 69990, 1, 146, 0, 0x1, 0xfffff80020001230, stornvme.sys!NVMeMSIxIsr\n");
        try (Database db = TestDatabases.ingestText(tmp, text.toString(), true)) {
            List<ReplayEvent> whole = scan(new OrderedScan(db.connection(), 1));
            for (int window : new int[] {1, 2, 3, 7, 64}) {
                assertEquals(whole, scan(new OrderedScan(db.connection(), 1, window)), "window of " + window + " rows");
            }
            assertEquals(403, whole.size());
            List<Long> entries = new ArrayList<>();
            for (ReplayEvent e : whole) {
                if (e instanceof ReplayEvent.Span s && e.ts() - e.sortTs() > 40_000_000L) {
                    entries.add(s.sortTs() / 1000);
                }
            }
            assertEquals(List.of(-1L, 10L, 500L), entries, "the three long spans, at their entries (µs)");
        }
    }

    @Test
    void spansAreReplayedAtTheirEntryOuterFirst() throws Exception {
        String text = HEADER
                + "Interrupt, 1023, 3, 0, 146, 0, 0x1, 0xfffff80020001230, stornvme.sys!NVMeMSIxIsr\n"
                + "DiskRead, 1030, a.exe (10), 11, 0, 0xffffc0010a2b0001, 0x0, 0x1000, 10\n"
                + "DPC, 1080, 80, 0, 0xfffff80021002000, ndis.sys!ndisInterruptDpc\n"
                + "DPC, 1080, 80, 1, 0xfffff80021002000, ndis.sys!ndisInterruptDpc\n"
                + "DPC, 1100, 100, 1, 0xfffff80021002000, ndis.sys!ndisInterruptDpc\n";
        try (Database db = TestDatabases.ingestText(tmp, text, true)) {
            List<String> order = new ArrayList<>();
            for (ReplayEvent e : scan(new OrderedScan(db.connection(), 1))) {
                order.add(e.getClass().getSimpleName() + "@" + e.sortTs() / 1000 + "/" + e.ts() / 1000);
            }
            // Both DPCs on CPU1 start at 1000: the longer (outer) one first; the DPC on CPU0 starts at 1000 too
            // and, being as long as the shorter one, comes by arrival order.
            assertEquals(List.of("Span@1000/1100", "Span@1000/1080", "Span@1000/1080", "Span@1020/1023",
                    "Disk@1030/1030"), order);
        }
    }
}
