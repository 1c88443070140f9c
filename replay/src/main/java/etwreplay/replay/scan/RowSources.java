package etwreplay.replay.scan;

import static etwreplay.replay.scan.Columns.bool;
import static etwreplay.replay.scan.Columns.code;
import static etwreplay.replay.scan.Columns.i32;
import static etwreplay.replay.scan.Columns.i64;
import static etwreplay.replay.scan.Columns.str;

import java.util.List;

/**
 * The raw tables the replay reads, and how (public columns of schema.sql only: the replay never knows
 * which format a trace came from). Rundown rows (DCStart/DCEnd) are read first, apart; everything else
 * is merged in time order.
 */
final class RowSources {
    /**
     * Names under which a source may carry an IOCTL/FSCTL code in {@code extra} (no kernel event has one,
     * SCHEMAS.md §5.1; some exports add it).
     */
    static final String CONTROL_CODE = "coalesce(extra['IoControlCode'], extra['IoctlCode'], extra['IOCTL'],"
            + " extra['ControlCode'], extra['FsControlCode'])";
    private static final String RUNDOWN = "kind IN ('DCStart', 'DCEnd')";
    private static final String NOT_RUNDOWN = "kind IS NULL OR kind NOT IN ('DCStart', 'DCEnd')";
    /** FileIo kinds that are not requests (file-name events carry no IRP). */
    private static final String FILE_REQUESTS = "kind IS NULL OR kind NOT IN ('Name', 'FileCreate', 'FileDelete',"
            + " 'FileRundown')";
    /** Spans and hard faults are replayed at their entry; least() ignores a NULL initial_ts. */
    private static final String ENTRY_TS = "least(initial_ts, ts)";

    private RowSources() {
    }

    static RowSource process(boolean rundown) {
        return new RowSource("process", "ts, seq, kind, pid, directory_table_base, image_name",
                rundown ? RUNDOWN : NOT_RUNDOWN, "ts", "",
                rs -> new ReplayEvent.Process(rs.getLong(1), rs.getLong(2), str(rs, 3), i32(rs, 4), i64(rs, 5),
                        str(rs, 6)));
    }

    static RowSource thread(boolean rundown) {
        return new RowSource("thread", "ts, seq, kind, pid, tid, process_name", rundown ? RUNDOWN : NOT_RUNDOWN,
                "ts", "", rs -> new ReplayEvent.Thread(rs.getLong(1), rs.getLong(2), str(rs, 3), i32(rs, 4),
                        i32(rs, 5), str(rs, 6)));
    }

    static RowSource image(boolean rundown) {
        return new RowSource("image", "ts, seq, kind, pid, image_base, image_size, file_name",
                rundown ? RUNDOWN : NOT_RUNDOWN, "ts", "",
                rs -> new ReplayEvent.Image(rs.getLong(1), rs.getLong(2), str(rs, 3), i32(rs, 4), i64(rs, 5),
                        i64(rs, 6), str(rs, 7)));
    }

    /** The tables merged in time order after the rundown. */
    static List<RowSource> timeOrdered() {
        return List.of(process(false), thread(false), image(false),
                new RowSource("cswitch", "ts, cpu, seq, new_pid, new_tid, new_process_name, old_pid, old_tid", "TRUE",
                        "ts", "", rs -> new ReplayEvent.CSwitch(rs.getLong(1), i32(rs, 2), rs.getLong(3), i32(rs, 4),
                                i32(rs, 5), str(rs, 6), i32(rs, 7), i32(rs, 8))),
                new RowSource("ready_thread", "ts, cpu, seq, readied_tid, from_dpc", "TRUE", "ts", "",
                        rs -> new ReplayEvent.Ready(rs.getLong(1), i32(rs, 2), rs.getLong(3), i32(rs, 4), bool(rs, 5))),
                new RowSource("dpc", "ts, cpu, seq, kind, initial_ts, routine, routine_symbol", "TRUE", ENTRY_TS,
                        "ts DESC", rs -> new ReplayEvent.Span(rs.getLong(1), i32(rs, 2), rs.getLong(3), "dpc",
                                str(rs, 4), i64(rs, 5), i64(rs, 6), str(rs, 7), null)),
                new RowSource("isr", "ts, cpu, seq, kind, initial_ts, routine, routine_symbol, vector", "TRUE",
                        ENTRY_TS, "ts DESC", rs -> new ReplayEvent.Span(rs.getLong(1), i32(rs, 2), rs.getLong(3), "isr",
                                str(rs, 4), i64(rs, 5), i64(rs, 6), str(rs, 7), i32(rs, 8))),
                new RowSource("disk_io", "ts, cpu, seq, kind, pid, tid, process_name, irp, transfer_size, file_object,"
                        + " file_name, elapsed_ns", "TRUE", "ts", "",
                        rs -> new ReplayEvent.Disk(rs.getLong(1), i32(rs, 2), rs.getLong(3), str(rs, 4), i32(rs, 5),
                                i32(rs, 6), str(rs, 7), i64(rs, 8), i64(rs, 9), i64(rs, 10), str(rs, 11), i64(rs, 12))),
                new RowSource("file_io", "ts, cpu, seq, kind, pid, tid, process_name, irp, file_object, file_name,"
                        + " size, elapsed_ns, nt_status, op_type, " + CONTROL_CODE, FILE_REQUESTS, "ts", "",
                        rs -> new ReplayEvent.File(rs.getLong(1), i32(rs, 2), rs.getLong(3), str(rs, 4), i32(rs, 5),
                                i32(rs, 6), str(rs, 7), i64(rs, 8), i64(rs, 9), str(rs, 10), i64(rs, 11), i64(rs, 12),
                                i64(rs, 13), str(rs, 14), code(rs, 15))),
                new RowSource("driver_irp", "ts, cpu, seq, kind, pid, tid, irp, uniq_match_id, major_function,"
                        + " minor_function, routine, routine_symbol, file_object, file_name, " + CONTROL_CODE, "TRUE",
                        "ts", "", rs -> new ReplayEvent.Driver(rs.getLong(1), i32(rs, 2), rs.getLong(3), str(rs, 4),
                                i32(rs, 5), i32(rs, 6), i64(rs, 7), i64(rs, 8), i32(rs, 9), i32(rs, 10), i64(rs, 11),
                                str(rs, 12), i64(rs, 13), str(rs, 14), code(rs, 15))),
                new RowSource("page_fault", "ts, cpu, seq, kind, pid, tid, virtual_address, program_counter, pc_symbol,"
                        + " initial_ts", "TRUE", ENTRY_TS, "",
                        rs -> new ReplayEvent.Fault(rs.getLong(1), i32(rs, 2), rs.getLong(3), str(rs, 4), i32(rs, 5),
                                i32(rs, 6), i64(rs, 7), i64(rs, 8), str(rs, 9), i64(rs, 10))),
                new RowSource("sample", "ts, cpu, seq, pid, tid, process_name, instruction_pointer, ip_symbol,"
                        + " executing_dpc, executing_isr", "TRUE", "ts", "",
                        rs -> new ReplayEvent.Sample(rs.getLong(1), i32(rs, 2), rs.getLong(3), i32(rs, 4), i32(rs, 5),
                                str(rs, 6), i64(rs, 7), str(rs, 8), bool(rs, 9), bool(rs, 10))));
    }
}
