package etwreplay.ingest.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CSwitch, DPC, ISR, driver IRP and FileIo events occur in no public trace, so their decoders are tested
 * on byte-exact fixtures: each payload is written field by field at the offsets of the SCHEMAS.md §1
 * tables (x86 and x64 columns, asserted by {@link PayloadBytes#at}), in every version SCHEMAS.md lists,
 * in both pointer sizes, and read back from the database. Each test names the section its layouts come
 * from; layouts SCHEMAS.md gives only in prose are noted where used.
 */
class EtlLayoutFixturesTest {
    private static final int THREAD = 0x05;
    private static final int PERF_INFO = 0x0F;
    private static final int DISK_IO = 0x01;
    private static final int FILE_IO = 0x04;
    private static final int PAGE_FAULT = 0x02;

    @TempDir
    Path tmp;

    /** ns of fixture tick {@code t} (10 MHz QPC, ts 0 at the header). */
    private static long ns(long ticks) {
        return (ticks - EtlFixture.HEADER_TICKS) * 100;
    }

    private List<String> rows(EtlFixture f, String sql) throws Exception {
        try (Database db = TestDatabases.ingest(tmp, f.write(tmp, "fixture-" + System.nanoTime() + ".etl"))) {
            List<String> out = new ArrayList<>();
            for (List<String> r : db.query(sql).rows()) {
                out.add(String.join(",", r.stream().map(v -> v == null ? "" : v).toList()));
            }
            out.addAll(db.query("SELECT name || '=' || count FROM trace_stat WHERE name NOT IN ('time_inversion')"
                    + " ORDER BY name").rows().stream().map(r -> "stat " + r.get(0)).toList());
            return out;
        }
    }

    /** Thread DCStart V3 (SCHEMAS.md §1.3) so that thread ids resolve to processes. */
    private static void threadRundown(EtlFixture f, EtlFixture.Buffer b, long ticks, int pid, int tid) {
        b.perfInfo(THREAD, 3, 3, ticks, f.payload().u32(pid).u32(tid).ptr(0x1000).ptr(0x2000).ptr(0).ptr(0)
                .at(24, 40).ptr(0xFF).ptr(0x401000).ptr(0x7000).at(36, 64).u32(0).u8(8).u8(5).u8(2).u8(0));
    }

    /** SCHEMAS.md §1.4: CSwitch V2–V4 24 bytes, V1 20 bytes with the quanta in bytes 10/11; no pointers. */
    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void cswitchEveryVersion(int pointerSize) throws Exception {
        EtlFixture f = new EtlFixture(pointerSize);
        EtlFixture.Buffer b = f.buffer(1);
        threadRundown(f, b, 1_000_100, 500, 5001);
        threadRundown(f, b, 1_000_200, 600, 6001);
        b.perfInfo(THREAD, 36, 1, 1_001_000, f.payload().at(0, 0).u32(5001).at(4, 4).u32(6001).at(8, 8).u8(9)
                .u8(0xFE).at(10, 10).u8(3).u8(2).at(12, 12).u8(15).u8(1).at(14, 14).u8(5).u8(3).at(16, 16).u32(77)
                .at(20, 20));
        for (int v = 2; v <= 4; v++) {
            b.perfInfo(THREAD, 36, v, 1_001_000 + v, f.payload().at(0, 0).u32(6001).at(4, 4).u32(5001).at(8, 8).u8(12)
                    .u8(10).at(10, 10).u8(v).u8(0).at(12, 12).u8(31).u8(0).at(14, 14).u8(1).u8(7).at(16, 16).u32(v)
                    .at(20, 20).u32(0).at(24, 24));
        }
        assertEquals(List.of(
                ns(1_001_000) + ",1,500,5001,9,600,6001,-2,Waiting,WrQueue,UserMode,77,3,,3,2",
                ns(1_001_002) + ",1,600,6001,12,500,5001,10,Ready,WrDispatchInt,KernelMode,2,7,2,,",
                ns(1_001_003) + ",1,600,6001,12,500,5001,10,Ready,WrDispatchInt,KernelMode,3,7,3,,",
                ns(1_001_004) + ",1,600,6001,12,500,5001,10,Ready,WrDispatchInt,KernelMode,4,7,4,,"),
                rows(f, "SELECT ts, cpu, new_pid, new_tid, new_priority, old_pid, old_tid, old_priority, old_state,"
                        + " old_wait_reason, old_wait_mode, new_wait_time, old_ideal_cpu, previous_cstate, new_quantum,"
                        + " old_quantum FROM cswitch ORDER BY seq"));
    }

    /**
     * SCHEMAS.md §1.7: DPC / TimerDPC / ThreadedDPC / IOTimer V2 (InitialTime u64, Routine ptr; 12/16 bytes;
     * V1 listed, laid out the same), ISR V2 (…, ReturnValue u8 @12/16, Vector u8 @13/17, Reserved u16;
     * 16/20) and V1 (ReturnValue u32), ISR-PASS as ISR, ISR-MSI V2 (+ MessageNumber u32 @16/20).
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void dpcAndIsrEveryKindAndVersion(int pointerSize) throws Exception {
        EtlFixture f = new EtlFixture(pointerSize);
        EtlFixture.Buffer b = f.buffer(2);
        long routine = pointerSize == 8 ? 0xFFFFF80012345678L : 0x81234567L;
        long t = 2_000_000;
        int[] dpcOps = {66, 68, 69, 70};
        for (int op : dpcOps) {
            for (int v = 1; v <= 2; v++) {
                t += 100;
                b.perfInfo(PERF_INFO, op, v, t, f.payload().at(0, 0).u64(t - 30).at(8, 8).ptr(routine + op)
                        .at(12, 16));
            }
        }
        t += 100;
        b.perfInfo(PERF_INFO, 67, 1, t, f.payload().at(0, 0).u64(t - 7).at(8, 8).ptr(routine).at(12, 16).u32(1)
                .at(16, 20));
        t += 100;
        b.perfInfo(PERF_INFO, 67, 2, t, f.payload().at(0, 0).u64(t - 7).at(8, 8).ptr(routine).at(12, 16).u8(1)
                .at(13, 17).u8(0x81).at(14, 18).u16(0).at(16, 20));
        t += 100;
        b.perfInfo(PERF_INFO, 95, 2, t, f.payload().u64(t - 9).ptr(routine).u8(0).u8(0x92).u16(0).at(16, 20));
        t += 100;
        b.perfInfo(PERF_INFO, 50, 2, t, f.payload().u64(t - 11).ptr(routine).u8(1).u8(0xA3).u16(0).at(16, 20)
                .u32(4).at(20, 24));
        List<String> want = new ArrayList<>();
        String[] kinds = {"ThreadedDPC", "DPC", "TimerDPC", "IOTimer"};
        long tt = 2_000_000;
        for (int i = 0; i < dpcOps.length; i++) {
            for (int v = 1; v <= 2; v++) {
                tt += 100;
                want.add("dpc," + ns(tt) + ",2," + kinds[i] + "," + ns(tt - 30) + ",3000,0x"
                        + Long.toHexString(routine + dpcOps[i]) + ",,,");
            }
        }
        String r = "0x" + Long.toHexString(routine);
        want.add("isr," + ns(tt + 100) + ",2,ISR," + ns(tt + 93) + ",700," + r + ",,,1");
        want.add("isr," + ns(tt + 200) + ",2,ISR," + ns(tt + 193) + ",700," + r + ",129,,1");
        want.add("isr," + ns(tt + 300) + ",2,ISR-PASS," + ns(tt + 291) + ",900," + r + ",146,,0");
        want.add("isr," + ns(tt + 400) + ",2,ISR-MSI," + ns(tt + 389) + ",1100," + r + ",163,4,1");
        assertEquals(want, rows(f, "SELECT 'dpc', ts, cpu, kind, initial_ts, duration_ns, routine, NULL, NULL, NULL"
                + " FROM dpc UNION ALL SELECT 'isr', ts, cpu, kind, initial_ts, duration_ns, routine, vector,"
                + " message_index, return_value FROM isr ORDER BY 2"));
    }

    /**
     * SCHEMAS.md §1.8: DrvMjFnCall V2 (Major u32, Minor u32, RoutineAddr ptr @8, FileObject @12/16, Irp
     * @16/24, UniqMatchId @20/32) and V1 (prose order UniqMatchId, RoutineAddr, Irp, Major, Minor,
     * FileObject; MOF data packed), DrvMjFnRet V2 (Irp, UniqMatchId @4/8) and V1 (UniqMatchId, Irp),
     * DrvComplRout V2 (Routine, IrpPtr @4/8, UniqMatchId @8/16), DrvComplReq V2 (RoutineAddr, Irp,
     * UniqMatchId), DrvComplReqRet V2 (Irp, UniqMatchId). V1 of the last two is listed but not laid out:
     * decoded with V2 and counted as unknown_version.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void driverEventsEveryVersion(int pointerSize) throws Exception {
        EtlFixture f = new EtlFixture(pointerSize);
        EtlFixture.Buffer b = f.buffer(0);
        long irp = pointerSize == 8 ? 0xFFFFC0010A2B3010L : 0x8A2B3010L;
        long routine = pointerSize == 8 ? 0xFFFFF80155667788L : 0x85667788L;
        long file = pointerSize == 8 ? 0xFFFFC0010FFF0000L : 0x8FFF0000L;
        b.system(DISK_IO, 34, 2, 3_000_010, 4100, 410, f.payload().at(0, 0).u32(0x0e).at(4, 4).u32(0).at(8, 8)
                .ptr(routine).at(12, 16).ptr(file).at(16, 24).ptr(irp).at(20, 32).u32(11).at(24, 36));
        b.system(DISK_IO, 34, 1, 3_000_020, 4100, 410, f.payload().u32(12).ptr(routine).ptr(irp).u32(3).u32(0)
                .ptr(file).at(24, 36));
        b.system(DISK_IO, 35, 2, 3_000_030, 4100, 410, f.payload().ptr(irp).at(4, 8).u32(11).at(8, 12));
        b.system(DISK_IO, 35, 1, 3_000_040, 4100, 410, f.payload().u32(12).ptr(irp).at(8, 12));
        b.system(DISK_IO, 37, 2, 3_000_050, -1, -1, f.payload().ptr(routine).at(4, 8).ptr(irp).at(8, 16).u32(13)
                .at(12, 20));
        b.system(DISK_IO, 52, 2, 3_000_060, -1, -1, f.payload().ptr(routine).at(4, 8).ptr(irp).at(8, 16).u32(14)
                .at(12, 20));
        b.system(DISK_IO, 53, 2, 3_000_070, -1, -1, f.payload().ptr(irp).at(4, 8).u32(14).at(8, 12));
        b.system(DISK_IO, 52, 1, 3_000_080, -1, -1, f.payload().ptr(routine).ptr(irp).u32(15));
        b.system(DISK_IO, 53, 1, 3_000_090, -1, -1, f.payload().ptr(irp).u32(15));
        String i = "0x" + Long.toHexString(irp);
        String r = "0x" + Long.toHexString(routine);
        String fo = "0x" + Long.toHexString(file);
        assertEquals(List.of(
                ns(3_000_010) + ",DrvMjFnCall,410,4100," + i + ",11,14,0," + r + "," + fo,
                ns(3_000_020) + ",DrvMjFnCall,410,4100," + i + ",12,3,0," + r + "," + fo,
                ns(3_000_030) + ",DrvMjFnRet,410,4100," + i + ",11,,,,",
                ns(3_000_040) + ",DrvMjFnRet,410,4100," + i + ",12,,,,",
                ns(3_000_050) + ",DrvComplRout,,," + i + ",13,,," + r + ",",
                ns(3_000_060) + ",DrvComplReq,,," + i + ",14,,," + r + ",",
                ns(3_000_070) + ",DrvComplReqRet,,," + i + ",14,,,,",
                ns(3_000_080) + ",DrvComplReq,,," + i + ",15,,," + r + ",",
                ns(3_000_090) + ",DrvComplReqRet,,," + i + ",15,,,,",
                "stat unknown_version=2"),
                rows(f, "SELECT ts, kind, pid, tid, irp, uniq_match_id, major_function, minor_function, routine,"
                        + " file_object FROM driver_irp ORDER BY seq"));
    }

    /**
     * SCHEMAS.md §1.9: FileIo V3 tables (Create, SimpleOp, ReadWrite, Info, DirEnum, OpEnd, Name) and the
     * V2 orders of its prose (TTID pointer-sized right after IrpPtr). Written compressed on x64 to cover
     * the compressed-buffer path too.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void fileIoEveryOperationBothVersions(int pointerSize) throws Exception {
        EtlFixture f = new EtlFixture(pointerSize);
        f.compress = pointerSize == 8;
        EtlFixture.Buffer b = f.buffer(3);
        threadRundown(f, b, 3_999_000, 700, 7001);
        long irp = pointerSize == 8 ? 0xFFFFC00100001000L : 0x80001000L;
        long fo = pointerSize == 8 ? 0xFFFFC00100002000L : 0x80002000L;
        long key = pointerSize == 8 ? 0xFFFFC00100003000L : 0x80003000L;
        long t = 4_000_000;
        for (int v = 2; v <= 3; v++) {
            PayloadBytes create = f.payload().at(0, 0).ptr(irp);
            if (v == 2) {
                create.at(4, 8).ptr(7001).at(8, 16).ptr(fo).at(12, 24);
            } else {
                create.at(4, 8).ptr(fo).at(8, 16).u32(7001).at(12, 20);
            }
            b.system(FILE_IO, 64, v, t += 10, 7001, 700, create.u32(0x01000020).u32(0x80).u32(7)
                    .utf16("\\Device\\HarddiskVolume2\\x.txt"));
            for (int op : new int[] {65, 66, 73}) {
                PayloadBytes p = f.payload().at(0, 0).ptr(irp);
                if (v == 2) {
                    p.at(4, 8).ptr(7001).at(8, 16).ptr(fo).at(12, 24).ptr(key).at(16, 32);
                } else {
                    p.at(4, 8).ptr(fo).at(8, 16).ptr(key).at(12, 24).u32(7001).at(16, 28);
                }
                b.perfInfo(FILE_IO, op, v, t += 10, p);
            }
            for (int op : new int[] {67, 68}) {
                PayloadBytes p = f.payload().at(0, 0).u64(4096).at(8, 8).ptr(irp);
                if (v == 2) {
                    p.at(12, 16).ptr(7001).at(16, 24).ptr(fo).at(20, 32).ptr(key).at(24, 40);
                } else {
                    p.at(12, 16).ptr(fo).at(16, 24).ptr(key).at(20, 32).u32(7001).at(24, 36);
                }
                b.perfInfo(FILE_IO, op, v, t += 10, p.u32(512).u32(0x60043));
            }
            for (int op : new int[] {69, 70, 71, 74, 75}) {
                PayloadBytes p = f.payload().at(0, 0).ptr(irp);
                if (v == 2) {
                    p.ptr(7001).ptr(fo).ptr(key).ptr(0x55).at(20, 40).u32(op).at(24, 44);
                } else {
                    p.at(4, 8).ptr(fo).at(8, 16).ptr(key).at(12, 24).ptr(0x55).at(16, 32).u32(7001).at(20, 36)
                            .u32(op).at(24, 40);
                }
                b.perfInfo(FILE_IO, op, v, t += 10, p);
            }
            for (int op : new int[] {72, 77}) {
                PayloadBytes p = f.payload().at(0, 0).ptr(irp);
                if (v == 2) {
                    p.ptr(7001).ptr(fo).ptr(key).at(16, 32);
                } else {
                    p.at(4, 8).ptr(fo).at(8, 16).ptr(key).at(12, 24).u32(7001).at(16, 28);
                }
                b.perfInfo(FILE_IO, op, v, t += 10, p.u32(1024).u32(3).u32(9).utf16("*.log"));
            }
            b.perfInfo(FILE_IO, 76, v, t += 10, f.payload().at(0, 0).ptr(irp).at(4, 8).ptr(512).at(8, 16)
                    .u32(0xC0000034L).at(12, 20));
        }
        b.perfInfo(FILE_IO, 36, 2, t += 10, f.payload().at(0, 0).ptr(key).at(4, 8).utf16("\\Device\\x.txt"));
        List<String> want = new ArrayList<>();
        String i = "0x" + Long.toHexString(irp);
        String o = "0x" + Long.toHexString(fo);
        String k = "0x" + Long.toHexString(key);
        for (int v = 2; v <= 3; v++) {
            want.add("Create,700,7001,7001," + i + "," + o + ",,,,,,,,16777248,128,7,\\Device\\HarddiskVolume2\\x.txt");
            for (String op : List.of("Cleanup", "Close", "Flush")) {
                want.add(op + ",700,7001,," + i + "," + o + "," + k + ",,,,,,,,,,");
            }
            for (String op : List.of("Read", "Write")) {
                want.add(op + ",700,7001,," + i + "," + o + "," + k + ",4096,512,393283,,,,,,,");
            }
            String[] info = {"SetInfo", "Delete", "Rename", "QueryInfo", "FSControl"};
            int[] infoOps = {69, 70, 71, 74, 75};
            for (int n = 0; n < info.length; n++) {
                want.add(info[n] + ",700,7001,," + i + "," + o + "," + k + ",,,," + infoOps[n] + ",0x55,,,,,");
            }
            for (String op : List.of("DirEnum", "DirNotify")) {
                want.add(op + ",700,7001,," + i + "," + o + "," + k + ",,1024,,3,,,,,,*.log");
            }
            want.add("OpEnd,,,," + i + ",,,,,,,0x200,3221225524,,,,");
        }
        want.add("FileRundown,,,,," + k + ",,,,,,,,,,,\\Device\\x.txt");
        assertEquals(want, rows(f, "SELECT kind, pid, tid, logging_tid, irp, file_object, file_key, byte_offset, size,"
                + " flags, info_class, extra_info, nt_status, create_options, file_attributes, share_access, file_name"
                + " FROM file_io ORDER BY seq"));
    }

    /**
     * SCHEMAS.md §1.5 ReadyThread (8 bytes), §1.7 SysClEnter/SysClExit, §1.10 PageFault TypeGroup1 and
     * HardFault, §1.7 SampledProfile V2 (flags byte: DPC bit 0, ISR bit 1, priority bits 3–7).
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void readyThreadSyscallFaultsAndSamples(int pointerSize) throws Exception {
        EtlFixture f = new EtlFixture(pointerSize);
        EtlFixture.Buffer b = f.buffer(1);
        threadRundown(f, b, 4_999_000, 800, 8001);
        b.system(THREAD, 50, 2, 5_000_010, 9001, 900, f.payload().at(0, 0).u32(8001).at(4, 4).u8(1).u8(2).at(6, 6)
                .u8(1).u8(0).at(8, 8));
        b.system(PERF_INFO, 51, 2, 5_000_020, 8001, 800, f.payload().at(0, 0).ptr(0x81000010L).at(4, 8));
        b.system(PERF_INFO, 52, 2, 5_000_030, 8001, 800, f.payload().at(0, 0).u32(0xC0000005L).at(4, 4));
        b.system(PAGE_FAULT, 11, 2, 5_000_040, 8001, 800, f.payload().at(0, 0).ptr(0x401000).at(4, 8)
                .ptr(0x81000020L).at(8, 16));
        b.perfInfo(PAGE_FAULT, 32, 2, 5_000_050, f.payload().at(0, 0).u64(5_000_000).at(8, 8).u64(65536).at(16, 16)
                .ptr(0x402000).at(20, 24).ptr(0x81000030L).at(24, 32).u32(8001).at(28, 36).u32(4096).at(32, 40));
        b.perfInfo(PERF_INFO, 46, 2, 5_000_060, f.payload().at(0, 0).ptr(0x81000040L).at(4, 8).u32(8001).at(8, 12)
                .u16(1).at(10, 14).u8(13 << 3 | 0x1).at(11, 15).u8(0).at(12, 16));
        assertEquals(List.of(
                "ready_thread," + ns(5_000_010) + ",800,8001,900,9001,1|2|1|true",
                "syscall," + ns(5_000_020) + ",800,8001,Enter,0x81000010,",
                "syscall," + ns(5_000_030) + ",800,8001,Exit,,3221225477",
                "page_fault," + ns(5_000_040) + ",800,8001,DemandZeroFault,0x401000,0x81000020",
                "page_fault," + ns(5_000_050) + ",800,8001,HardFault,0x402000,65536|4096|0x81000030|"
                        + ns(5_000_000) + "|" + (ns(5_000_050) - ns(5_000_000)),
                "sample," + ns(5_000_060) + ",800,8001,0x81000040,,1|true|false|13|0"),
                rows(f, "SELECT 'ready_thread', ts, readied_pid, readied_tid, readying_pid, readying_tid,"
                        + " concat_ws('|', adjust_reason, adjust_increment, flags, from_dpc) FROM ready_thread"
                        + " UNION ALL SELECT 'syscall', ts, pid, tid, kind, addr(address), nt_status FROM syscall"
                        + " UNION ALL SELECT 'page_fault', ts, pid, tid, kind, addr(virtual_address),"
                        + " CASE WHEN kind = 'HardFault' THEN concat_ws('|', byte_offset, size, addr(file_object),"
                        + " initial_ts, elapsed_ns) ELSE addr(program_counter) END FROM page_fault"
                        + " UNION ALL SELECT 'sample', ts, pid, tid, addr(instruction_pointer), NULL,"
                        + " concat_ws('|', count, executing_dpc, executing_isr, priority, rank) FROM sample ORDER BY 2"));
    }

    /** The TRACE_LOGFILE_HEADER in both pointer sizes (FORMATS.md §8, SCHEMAS.md §2.1) into the trace row. */
    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void logfileHeaderBothPointerSizes(int pointerSize) throws Exception {
        EtlFixture f = new EtlFixture(pointerSize);
        f.cpuCount = 6;
        f.eventsLost = 3;
        f.buffersLost = 1;
        f.buffer(5).perfInfo(PERF_INFO, 68, 2, 1_000_010, f.payload().u64(1_000_000).ptr(0x1234));
        assertEquals(List.of("10.0.19041,19041," + pointerSize + ",6,qpc,10000000," + EtlFixture.START_FILETIME
                + ",2020-07-29 00:07:00,1000,3,1,etwreplay fixture,C:\\fixtures\\fixture.etl",
                "stat buffers_lost=1", "stat events_lost=3"),
                rows(f, "SELECT os_version, os_build, pointer_size, cpu_count, clock, clock_frequency, start_filetime,"
                        + " strftime(start_time, '%Y-%m-%d %H:%M:%S'), duration_ns, events_lost, buffers_lost,"
                        + " logger_name, recorded_file_name FROM trace"));
    }

    /**
     * The session clock of ReservedFlags (SCHEMAS.md §2.1, wnode-header.md): 1 = QPC at PerfFreq, 2 = system
     * time (FILETIME units, 10 MHz whatever PerfFreq says), 3 = CPU cycles at CpuSpeedInMHz (2992 in the
     * fixture); anything else falls back to 10 MHz and is counted as clock_assumed.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 0})
    void timestampsFollowTheSessionClock(int clockType) throws Exception {
        EtlFixture f = new EtlFixture(8);
        f.clockType = clockType;
        f.perfFreq = 3_000_000;
        f.buffer(0).perfInfo(PERF_INFO, 68, 2, EtlFixture.HEADER_TICKS + 2992, f.payload()
                .u64(EtlFixture.HEADER_TICKS).ptr(0x1234));
        String want = switch (clockType) {
            case 1 -> "997333,qpc,3000000";      // 2992 ticks at 3 MHz
            case 2 -> "299200,system_time,10000000";
            case 3 -> "1000,cpu_cycles,2992000000";
            default -> "299200,unknown,10000000";
        };
        List<String> got = rows(f, "SELECT d.ts, t.clock, t.clock_frequency FROM dpc d, trace t");
        assertEquals(want, got.get(0));
        assertEquals(clockType == 0 ? List.of("stat clock_assumed=1") : List.of(), got.subList(1, got.size()));
    }

    /** A header without a processor count: SystemConfig/CPU (MSDN SystemConfig_V2_CPU) supplies it. */
    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void cpuCountFromSystemConfigWhenTheHeaderHasNone(int pointerSize) throws Exception {
        EtlFixture f = new EtlFixture(pointerSize);
        f.cpuCount = 0;
        PayloadBytes cpu = f.payload().u32(2992).u32(12).u32(16384).u32(4096).u32(65536);
        for (int i = 0; i < 256 + 134; i++) {
            cpu.u16(i < 4 ? "HOST".charAt(i) : 0);
        }
        cpu.ptr(0).ptr(0x7FFEFFFF);
        f.buffer(0).system(0x0B, 10, 2, 1_000_010, 10, 20, cpu);
        assertEquals(List.of("12,HOST,16384"), rows(f, "SELECT t.cpu_count, g.fields['ComputerName'],"
                + " g.fields['MemSize'] FROM trace t, generic_event g WHERE g.name = 'SystemConfig/CPU'"));
    }

    /** COMPACT32/64 headers (FORMATS.md §8: 0x18 bytes, ids and timestamp as SYSTEM) carry kernel events too. */
    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void compactHeaders(int pointerSize) throws Exception {
        EtlFixture f = new EtlFixture(pointerSize);
        f.buffer(2).compact(PAGE_FAULT, 10, 2, 1_000_010, 321, 54, f.payload().ptr(0x10000).ptr(0x81000000L))
                .compact(DISK_IO, 12, 3, 1_000_020, 321, 54, f.payload().ptr(0x80000040L).u32(321));
        assertEquals(List.of("page_fault,1000,2,54,321,TransitionFault", "disk_io,2000,2,54,321,ReadInit"),
                rows(f, "SELECT 'page_fault', ts, cpu, pid, tid, kind FROM page_fault UNION ALL"
                        + " SELECT 'disk_io', ts, cpu, pid, tid, kind FROM disk_io ORDER BY 2"));
    }
}
