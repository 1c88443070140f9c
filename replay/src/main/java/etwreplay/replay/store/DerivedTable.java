package etwreplay.replay.store;

import java.util.List;

/**
 * The derived tables the replay engine writes, with their columns in the order rows are appended. The
 * persisted names are public interface (users' SQL); {@code replay-schema.sql} documents every column and
 * must agree with this list ({@code ReplaySchemaTest} checks). Bump {@link ReplaySchema#VERSION} on change.
 */
public enum DerivedTable {
    MACHINE("machine", "trace_id", "name", "architecture", "source", "basis", "pointer_size", "os_build",
            "cpu_count", "page_size", "va_bits", "lowest_user_address", "highest_user_address", "user_probe_address",
            "system_range_start", "dirql_min", "dirql_max", "isr_irql_rule", "irql_levels"),
    CPU_CONTEXT("cpu_context", "trace_id", "cpu", "start_ts", "end_ts", "duration_ns", "tid", "pid",
            "process_name", "directory_table_base", "source", "confidence", "sample_count", "last_seen_ts", "gap_ns"),
    IRQL_SPAN("irql_span", "trace_id", "span_id", "cpu", "kind", "start_ts", "end_ts", "duration_ns", "irql",
            "irql_name", "irql_basis", "vector", "routine", "routine_symbol", "module", "module_basis",
            "parent_span_id", "depth", "inferred_isr_span_id", "isr_basis", "inferred_isr_to_dpc_ns", "tid", "pid",
            "process_name",
            "context_confidence", "starts_before_trace",
            "anomaly", "source_seq"),
    IRP("irp", "trace_id", "irp_id", "family", "op", "irp", "uniq_match_id", "major_function", "minor_function",
            "control_code", "buffer_method", "file_object", "file_name", "transfer_size", "issue_ts", "issue_cpu",
            "issuer_tid", "issuer_pid", "issuer_process_name", "issuer_dtb", "dispatch_routine", "dispatch_symbol",
            "dispatch_module", "call_depth", "return_ts", "complete_ts", "complete_cpu", "latency_ns",
            "kernel_elapsed_ns", "completion_span_id", "completion_span_kind", "completion_irql",
            "completion_irql_basis", "completion_tid", "completion_pid", "completion_process_name", "completion_dtb",
            "context_source", "context_confidence", "context_gap_ns", "foreign_context", "status", "closed_ts",
            "nt_status"),
    IRQ_CHAIN("irq_chain", "trace_id", "irp_id", "family", "irp", "cpu", "isr_span_id", "isr_basis", "isr_start_ts",
            "isr_end_ts", "isr_module", "isr_vector", "isr_irql", "inferred_isr_to_dpc_ns", "dpc_span_id", "dpc_kind",
            "dpc_start_ts", "dpc_end_ts", "dpc_module", "dpc_duration_ns", "completion_ts", "dpc_to_completion_ns",
            "completion_span_kind", "foreign_context", "ready_ts", "ready_cpu", "ready_from_dpc", "inferred_apc_ts",
            "inferred_apc_cpu", "apc_basis", "inferred_completion_to_apc_ns", "inferred_total_ns"),
    HAZARD("hazard", "trace_id", "hazard_id", "kind", "ts", "cpu", "tid", "pid", "process_name", "span_id",
            "span_kind", "irql", "address", "address_class", "irp_id", "source_table", "source_seq", "evidence",
            "explanation");

    private final String tableName;
    private final List<String> columns;

    DerivedTable(String tableName, String... columns) {
        this.tableName = tableName;
        this.columns = List.of(columns);
    }

    public String tableName() {
        return tableName;
    }

    /** Every column, {@code trace_id} first, in append order. */
    public List<String> columns() {
        return columns;
    }
}
