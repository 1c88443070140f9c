package etwreplay.replay.scan;

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

    /**
     * A text column as VARCHAR, whether the raw schema stores it as VARCHAR or as an ENUM (the columnar
     * reader's getString reads VARCHAR vectors only).
     */
    static String text(String column) {
        return column + "::VARCHAR";
    }

    /**
     * A UBIGINT address as the BIGINT with the same 64 bits (two's complement): the columnar reader's
     * getLong reads BIGINT vectors only, and its getUint64 builds a BigInteger per value. Addresses stay
     * unsigned values in {@code long} (ReplayEvent).
     */
    static String bits(String column) {
        return "CASE WHEN " + column + " >= 9223372036854775808 THEN (" + column + " - 9223372036854775808)::BIGINT"
                + " + (-9223372036854775807 - 1) ELSE " + column + "::BIGINT END";
    }

    static RowSource process(boolean rundown) {
        return new RowSource("process", "ts, seq, " + text("kind") + ", pid, " + bits("directory_table_base") + ", "
                + text("image_name"), rundown ? RUNDOWN : NOT_RUNDOWN, "ts", "",
                (c, r) -> new ReplayEvent.Process(c.i64NotNull(0, r), c.i64NotNull(1, r), c.str(2, r), c.i32(3, r),
                        c.i64(4, r), c.str(5, r)));
    }

    static RowSource thread(boolean rundown) {
        return new RowSource("thread", "ts, seq, " + text("kind") + ", pid, tid, " + text("process_name"),
                rundown ? RUNDOWN : NOT_RUNDOWN, "ts", "",
                (c, r) -> new ReplayEvent.Thread(c.i64NotNull(0, r), c.i64NotNull(1, r), c.str(2, r), c.i32(3, r),
                        c.i32(4, r), c.str(5, r)));
    }

    static RowSource image(boolean rundown) {
        return new RowSource("image", "ts, seq, " + text("kind") + ", pid, " + bits("image_base") + ", "
                + bits("image_size") + ", " + text("file_name"), rundown ? RUNDOWN : NOT_RUNDOWN, "ts", "",
                (c, r) -> new ReplayEvent.Image(c.i64NotNull(0, r), c.i64NotNull(1, r), c.str(2, r), c.i32(3, r),
                        c.i64(4, r), c.i64(5, r), c.str(6, r)));
    }

    /** The tables merged in time order after the rundown. */
    static List<RowSource> timeOrdered() {
        return List.of(process(false), thread(false), image(false),
                new RowSource("cswitch", "ts, cpu, seq, new_pid, new_tid, " + text("new_process_name")
                        + ", old_pid, old_tid", "TRUE", "ts", "",
                        (c, r) -> new ReplayEvent.CSwitch(c.i64NotNull(0, r), c.i32(1, r), c.i64NotNull(2, r),
                                c.i32(3, r), c.i32(4, r), c.str(5, r), c.i32(6, r), c.i32(7, r))),
                new RowSource("ready_thread", "ts, cpu, seq, readied_tid, from_dpc", "TRUE", "ts", "",
                        (c, r) -> new ReplayEvent.Ready(c.i64NotNull(0, r), c.i32(1, r), c.i64NotNull(2, r),
                                c.i32(3, r), c.bool(4, r))),
                new RowSource("dpc", "ts, cpu, seq, " + text("kind") + ", initial_ts, " + bits("routine") + ", "
                        + text("routine_symbol"), "TRUE", ENTRY_TS, "ts DESC",
                        (c, r) -> new ReplayEvent.Span(c.i64NotNull(0, r), c.i32(1, r), c.i64NotNull(2, r), "dpc",
                                c.str(3, r), c.i64(4, r), c.i64(5, r), c.str(6, r), null)),
                new RowSource("isr", "ts, cpu, seq, " + text("kind") + ", initial_ts, " + bits("routine") + ", "
                        + text("routine_symbol") + ", vector", "TRUE", ENTRY_TS, "ts DESC",
                        (c, r) -> new ReplayEvent.Span(c.i64NotNull(0, r), c.i32(1, r), c.i64NotNull(2, r), "isr",
                                c.str(3, r), c.i64(4, r), c.i64(5, r), c.str(6, r), c.i32(7, r))),
                new RowSource("disk_io", "ts, cpu, seq, " + text("kind") + ", pid, tid, " + text("process_name") + ", "
                        + bits("irp") + ", transfer_size, " + bits("file_object") + ", " + text("file_name")
                        + ", elapsed_ns", "TRUE", "ts", "",
                        (c, r) -> new ReplayEvent.Disk(c.i64NotNull(0, r), c.i32(1, r), c.i64NotNull(2, r), c.str(3, r),
                                c.i32(4, r), c.i32(5, r), c.str(6, r), c.i64(7, r), c.i64(8, r), c.i64(9, r),
                                c.str(10, r), c.i64(11, r))),
                new RowSource("file_io", "ts, cpu, seq, " + text("kind") + ", pid, tid, " + text("process_name") + ", "
                        + bits("irp") + ", " + bits("file_object") + ", " + text("file_name")
                        + ", size, elapsed_ns, nt_status, " + text("op_type") + ", " + CONTROL_CODE, FILE_REQUESTS,
                        "ts", "",
                        (c, r) -> new ReplayEvent.File(c.i64NotNull(0, r), c.i32(1, r), c.i64NotNull(2, r), c.str(3, r),
                                c.i32(4, r), c.i32(5, r), c.str(6, r), c.i64(7, r), c.i64(8, r), c.str(9, r),
                                c.i64(10, r), c.i64(11, r), c.i64(12, r), c.str(13, r), c.code(14, r))),
                new RowSource("driver_irp", "ts, cpu, seq, " + text("kind") + ", pid, tid, " + bits("irp")
                        + ", uniq_match_id, major_function, minor_function, " + bits("routine") + ", "
                        + text("routine_symbol") + ", " + bits("file_object") + ", " + text("file_name") + ", "
                        + CONTROL_CODE, "TRUE", "ts", "",
                        (c, r) -> new ReplayEvent.Driver(c.i64NotNull(0, r), c.i32(1, r), c.i64NotNull(2, r),
                                c.str(3, r), c.i32(4, r), c.i32(5, r), c.i64(6, r), c.i64(7, r), c.i32(8, r),
                                c.i32(9, r), c.i64(10, r), c.str(11, r), c.i64(12, r), c.str(13, r), c.code(14, r))),
                new RowSource("page_fault", "ts, cpu, seq, " + text("kind") + ", pid, tid, " + bits("virtual_address")
                        + ", " + bits("program_counter") + ", " + text("pc_symbol") + ", initial_ts", "TRUE",
                        ENTRY_TS, "",
                        (c, r) -> new ReplayEvent.Fault(c.i64NotNull(0, r), c.i32(1, r), c.i64NotNull(2, r),
                                c.str(3, r), c.i32(4, r), c.i32(5, r), c.i64(6, r), c.i64(7, r), c.str(8, r),
                                c.i64(9, r))),
                new RowSource("sample", "ts, cpu, seq, pid, tid, " + text("process_name") + ", "
                        + bits("instruction_pointer") + ", " + text("ip_symbol") + ", executing_dpc, executing_isr",
                        "TRUE", "ts", "",
                        (c, r) -> new ReplayEvent.Sample(c.i64NotNull(0, r), c.i32(1, r), c.i64NotNull(2, r),
                                c.i32(3, r), c.i32(4, r), c.str(5, r), c.i64(6, r), c.str(7, r), c.bool(8, r),
                                c.bool(9, r))));
    }
}
