package etwreplay.ingest.event;

import java.util.List;

/**
 * The canonical event tables: the public interface users' SQL is written against (DESIGN.md "Time,
 * identity and the canonical events"). Every event table starts with {@link #KEY_COLUMNS} and ends
 * with {@link #EXTRA_COLUMN}; {@link #columns()} lists what lies between, in the order each event
 * record's {@code writeColumns} writes them. {@code schema.sql} must agree; {@code SchemaTest} checks.
 */
public enum EventTable {
    PROCESS("process", "kind", "pid", "parent_pid", "session_id", "unique_key", "directory_table_base",
            "exit_status", "flags", "image_name", "command_line", "user_sid", "package_full_name",
            "application_id"),
    THREAD("thread", "kind", "pid", "tid", "process_name", "stack_base", "stack_limit", "user_stack_base",
            "user_stack_limit", "start_address", "win32_start_address", "teb_base", "sub_process_tag",
            "base_priority", "page_priority", "io_priority", "flags", "thread_name", "start_symbol"),
    IMAGE("image", "kind", "pid", "process_name", "image_base", "image_size", "checksum", "time_date_stamp",
            "default_base", "file_name"),
    CSWITCH("cswitch", "new_pid", "new_tid", "new_process_name", "new_priority", "old_pid", "old_tid",
            "old_process_name", "old_priority", "old_state", "old_wait_reason", "old_wait_mode",
            "new_wait_time", "new_time_since_last_ns", "old_run_time_ns", "old_ideal_cpu", "previous_cstate",
            "new_quantum", "old_quantum", "old_remaining_quantum", "new_priority_decrement", "old_qos_level",
            "new_qos_level"),
    READY_THREAD("ready_thread", "readied_pid", "readied_tid", "readying_pid", "readying_tid", "adjust_reason",
            "adjust_increment", "flags", "from_dpc"),
    DPC("dpc", "kind", "initial_ts", "duration_ns", "routine", "routine_symbol"),
    ISR("isr", "kind", "initial_ts", "duration_ns", "routine", "routine_symbol", "vector", "message_index",
            "return_value"),
    DISK_IO("disk_io", "kind", "pid", "tid", "process_name", "irp", "disk_number", "irp_flags", "transfer_size",
            "byte_offset", "file_object", "file_name", "elapsed_ns", "disk_service_ns", "io_priority", "vol_snap"),
    FILE_IO("file_io", "kind", "pid", "tid", "process_name", "logging_pid", "logging_tid", "irp", "file_object",
            "file_key", "byte_offset", "size", "flags", "info_class", "extra_info", "nt_status", "elapsed_ns",
            "op_type", "create_options", "file_attributes", "share_access", "io_priority", "file_name"),
    DRIVER_IRP("driver_irp", "kind", "pid", "tid", "irp", "uniq_match_id", "major_function", "minor_function",
            "routine", "routine_symbol", "file_object", "file_name"),
    PAGE_FAULT("page_fault", "kind", "pid", "tid", "process_name", "virtual_address", "program_counter",
            "pc_symbol", "initial_ts", "elapsed_ns", "byte_offset", "size", "file_object", "file_name"),
    SAMPLE("sample", "pid", "tid", "process_name", "instruction_pointer", "ip_symbol", "thread_start_symbol",
            "count", "executing_dpc", "executing_isr", "priority", "rank", "profile_source"),
    SYSCALL("syscall", "kind", "pid", "tid", "process_name", "address", "symbol", "nt_status"),
    STACK("stack", "tid", "frame", "address", "symbol"),
    GENERIC_EVENT("generic_event", "name", "provider", "opcode", "version", "pid", "tid", "fields", "payload");

    /** Identity and order columns every event row starts with. */
    public static final List<String> KEY_COLUMNS = List.of("trace_id", "ts", "cpu", "seq");
    /**
     * Last column of every event table: source columns the canonical layout does not model, by their
     * source name (MAP VARCHAR→VARCHAR), so that ingest is lossless. NULL when there were none.
     */
    public static final String EXTRA_COLUMN = "extra";

    private final String tableName;
    private final List<String> columns;

    EventTable(String tableName, String... columns) {
        this.tableName = tableName;
        this.columns = List.of(columns);
    }

    public String tableName() {
        return tableName;
    }

    /** The table-specific columns, between the key columns and {@code extra}. */
    public List<String> columns() {
        return columns;
    }
}
