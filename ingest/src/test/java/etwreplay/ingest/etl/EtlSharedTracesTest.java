package etwreplay.ingest.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.store.ResultTable;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four real ETL files of {@code shared/traces/etl} (PROVENANCE.md there) against COUNTS.txt, the
 * event counts an independent reader made: the raw event walk must match every count exactly, and the
 * database must hold every event — each in the table its (group, opcode) maps to, with its kind.
 */
class EtlSharedTracesTest {
    private static final Path COUNTS = SharedTraces.trace("etl/COUNTS.txt");

    /**
     * Where each modelled kernel HookId (group << 8 | opcode) must land: "table/kind". Written out here,
     * independently of KernelEvents, from SCHEMAS.md §1.1 (and Process/10 = Image/Load, see KernelEvents).
     */
    private static final Map<Integer, String> TABLE_OF_HOOK = new HashMap<>();

    static {
        String[] process = {null, "Start", "End", "DCStart", "DCEnd"};
        for (int op = 1; op <= 4; op++) {
            TABLE_OF_HOOK.put(0x0300 | op, "process/" + process[op]);
            TABLE_OF_HOOK.put(0x0500 | op, "thread/" + process[op]);
        }
        TABLE_OF_HOOK.put(0x0327, "process/Defunct");
        TABLE_OF_HOOK.put(0x030A, "image/Load");
        TABLE_OF_HOOK.put(0x140A, "image/Load");
        TABLE_OF_HOOK.put(0x1402, "image/Unload");
        TABLE_OF_HOOK.put(0x1403, "image/DCStart");
        TABLE_OF_HOOK.put(0x1404, "image/DCEnd");
        TABLE_OF_HOOK.put(0x0F2E, "sample/");
        TABLE_OF_HOOK.put(0x010A, "disk_io/Read");
        TABLE_OF_HOOK.put(0x010B, "disk_io/Write");
        TABLE_OF_HOOK.put(0x010C, "disk_io/ReadInit");
        TABLE_OF_HOOK.put(0x010D, "disk_io/WriteInit");
        TABLE_OF_HOOK.put(0x010E, "disk_io/Flush");
        TABLE_OF_HOOK.put(0x010F, "disk_io/FlushInit");
        TABLE_OF_HOOK.put(0x0220, "page_fault/HardFault");
        TABLE_OF_HOOK.put(0x0420, "file_io/FileCreate");
        TABLE_OF_HOOK.put(0x0423, "file_io/FileDelete");
        TABLE_OF_HOOK.put(0x0424, "file_io/FileRundown");
    }

    /** StackWalk/Stack: one stack row per frame. */
    private static final int STACK_HOOK = 0x1820;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"ShutdownPerfDiagLogger.etl", "AMSITrace.etl", "lxcore_kernel.etl", "net.4.5.2.x64.etl"})
    void rawEventsMatchCountsTxt(String name) throws Exception {
        ExpectedCounts want = ExpectedCounts.of(COUNTS, name);
        RawEventCounter got = RawEventCounter.count(SharedTraces.trace("etl/" + name));
        assertEquals(want.total(), got.total, "total events");
        assertEquals(want.kernel(), got.kernel, "kernel-header events");
        assertEquals(want.headerTypes(), got.headerTypes, "events per header type");
        assertEquals(want.kernelByHook(), got.kernelByHook, "kernel events per (group, opcode)");
        assertEquals(want.other(), got.total - got.kernel, "manifest and classic events");
        want.listedOther().forEach((key, n) -> assertEquals(n, got.other.get(key), key));
        assertEquals(0, got.tally.total(Anomaly.DAMAGED_DATA), "damage in an intact file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ShutdownPerfDiagLogger.etl", "AMSITrace.etl", "lxcore_kernel.etl", "net.4.5.2.x64.etl"})
    void everyEventIsARowOfItsTable(String name) throws Exception {
        ExpectedCounts want = ExpectedCounts.of(COUNTS, name);
        Map<String, Long> expected = new TreeMap<>();
        long generic = want.total();
        long stackEvents = want.kernelByHook().getOrDefault(STACK_HOOK, 0L);
        generic -= stackEvents;
        for (Map.Entry<Integer, Long> e : want.kernelByHook().entrySet()) {
            String where = TABLE_OF_HOOK.get(e.getKey());
            if (where != null) {
                expected.merge(where, e.getValue(), Long::sum);
                generic -= e.getValue();
            }
        }
        expected.put("generic_event/", generic);
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.trace("etl/" + name))) {
            Map<String, Long> got = new TreeMap<>();
            for (String table : List.of("process", "thread", "image", "disk_io", "page_fault", "file_io")) {
                for (List<String> row : db.query("SELECT kind, count(*) FROM " + table + " GROUP BY kind").rows()) {
                    got.put(table + "/" + row.get(0), Long.parseLong(row.get(1)));
                }
            }
            long samples = count(db, "SELECT count(*) FROM sample");
            if (samples > 0) {
                got.put("sample/", samples);
            }
            got.put("generic_event/", count(db, "SELECT count(*) FROM generic_event"));
            expected.values().removeIf(v -> v == 0);
            got.values().removeIf(v -> v == 0);
            assertEquals(expected, got, "rows per table/kind");
            assertEquals(stackEvents, count(db, "SELECT count(*) FROM stack WHERE frame = 1"), "stack walks");
            for (String t : List.of("cswitch", "ready_thread", "dpc", "isr", "driver_irp", "syscall")) {
                assertEquals(0, count(db, "SELECT count(*) FROM " + t), t + " (not in public traces)");
            }
            ResultTable trace = db.query("SELECT os_version, os_build, cpu_count, pointer_size, events_lost, clock,"
                    + " format FROM trace");
            List<String> row = trace.rows().get(0);
            Map<String, String> h = want.header();
            assertTrue(row.get(0).startsWith(h.get("os") + "."), "os_version " + row.get(0));
            assertEquals(h.get("build"), row.get(1), "os_build");
            assertEquals(h.get("ncpu"), row.get(2), "cpu_count");
            assertEquals(h.get("ptrsize"), row.get(3), "pointer_size");
            assertEquals(h.get("events_lost"), row.get(4), "events_lost");
            assertEquals("qpc", row.get(5), "clock");
            assertEquals("etl", row.get(6), "format");
            assertEquals(0, count(db, "SELECT count(*) FROM trace_stat WHERE name IN ('damaged_data',"
                    + " 'truncated_payload', 'unknown_version')"), "damage, truncation or unknown versions: "
                    + db.query("SELECT name, count, first_location, example FROM trace_stat").rows());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AMSITrace.etl|AmsiScript|AmsiTrace|19", "lxcore_kernel.etl|BreakPoint"
            + "|Microsoft.Windows.Subsystem.LxCore|2"})
    void userModeOnlyTracesSayTheyHoldNoKernelEvents(String spec) throws Exception {
        String[] s = spec.split("\\|");
        String name = s[0];
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.trace("etl/" + name))) {
            // TraceLogging events are named from their own metadata (extended data items).
            assertEquals(List.of(List.of(s[1], s[2], s[3])), db.query("SELECT name, fields['ProviderName'], count(*)"
                    + " FROM generic_event WHERE provider <> 'Windows Kernel' GROUP BY ALL").rows());
            assertEquals(List.of(List.of("no_kernel_events", "info")),
                    db.query("SELECT name, severity FROM trace_stat WHERE name = 'no_kernel_events'").rows());
            long kernelRows = count(db, "SELECT (SELECT count(*) FROM process) + (SELECT count(*) FROM thread)"
                    + " + (SELECT count(*) FROM image) + (SELECT count(*) FROM sample)");
            assertEquals(0, kernelRows);
        }
    }

    @Test
    void kernelTracesDoNotClaimToBeEmpty() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.trace("etl/ShutdownPerfDiagLogger.etl"))) {
            assertEquals(0, count(db, "SELECT count(*) FROM trace_stat WHERE name = 'no_kernel_events'"));
        }
    }

    private static long count(Database db, String sql) throws Exception {
        return Long.parseLong(db.query(sql).rows().get(0).get(0));
    }
}
