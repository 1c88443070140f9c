-- etwreplay derived schema, version 3 (etwreplay.replay.store.ReplaySchema.VERSION; schema_info key
-- 'replay_schema_version'). Written by the replay engine (etwreplay.replay.ReplayEngine) from the raw
-- tables of schema.sql; replaying a trace again replaces its rows. Names: etwreplay.replay.store.DerivedTable.
-- Conventions as in the raw schema:
--   ts columns   BIGINT nanoseconds since the trace start (may be negative for a span that began before it).
--   addresses    UBIGINT; print with addr(x).
--   *_ns         durations in nanoseconds.
--   NULL         "the trace does not tell".
--   inferred_*   a value the trace does not record but the engine infers; its *_basis column says how.
--   ENUM types   a column whose values come from a closed set the engine itself produces (kinds, bases,
--                statuses) has an ENUM type below: DuckDB stores it as a small integer (a VARCHAR column
--                costs the writer about 90-100 ns per row even for short constant strings; an ENUM about
--                what an INTEGER costs), it prints and compares with string literals as VARCHAR does, and
--                appending a value outside the set fails. ORDER BY, min and max on an ENUM follow the
--                declaration order, so the members are declared in ascending byte order, the order the
--                same text sorts in as VARCHAR. ReplaySchemaTest checks both; DerivedEnumMembersTest checks
--                that every value the trackers can write is a member.
-- Statements are separated by lines holding only ';'.

-- Span kinds: the raw dpc.kind and isr.kind values (ingest: DpcEvent, IsrEvent).
CREATE TYPE irql_span_kind AS ENUM ('DPC', 'IOTimer', 'ISR', 'ISR-MSI', 'ISR-PASS', 'ThreadedDPC', 'TimerDPC')
;
-- Where a request completed: a span kind, or 'thread' (no span in progress).
CREATE TYPE completion_span_kind AS ENUM ('DPC', 'IOTimer', 'ISR', 'ISR-MSI', 'ISR-PASS', 'ThreadedDPC',
    'TimerDPC', 'thread')
;
-- IrqlTable.nameOf: every named level of x86 and x64, and DIRQL for the device range.
CREATE TYPE irql_name AS ENUM ('APC_LEVEL', 'CLOCK1_LEVEL', 'CLOCK2_LEVEL', 'CLOCK_LEVEL', 'CMCI_LEVEL', 'DIRQL',
    'DISPATCH_LEVEL', 'DRS_LEVEL', 'HIGH_LEVEL', 'IPI_LEVEL', 'PASSIVE_LEVEL', 'POWER_LEVEL', 'PROFILE_LEVEL',
    'SYNCH_LEVEL')
;
-- How a span's IRQL was found (irql_span.irql_basis).
CREATE TYPE irql_basis AS ENUM ('dpc', 'io_timer', 'passive_isr', 'threaded_dpc', 'unknown', 'vector')
;
-- The IRQL at a completion: the span's irql_basis, or thread_assumed.
CREATE TYPE completion_irql_basis AS ENUM ('dpc', 'io_timer', 'passive_isr', 'thread_assumed', 'threaded_dpc',
    'unknown', 'vector')
;
-- How a span's module was found (irql_span.module_basis).
CREATE TYPE irql_module_basis AS ENUM ('image', 'symbol')
;
-- How a DPC's queuing ISR was inferred (irql_span.isr_basis).
CREATE TYPE irql_isr_basis AS ENUM ('nearest_preceding', 'none', 'same_module', 'timer_dpc')
;
-- irql_span.anomaly.
CREATE TYPE irql_span_anomaly AS ENUM ('nested_at_equal_or_higher_irql', 'overlaps_span')
;
-- Where a CPU's current thread is known from (cpu_context.source, irp.context_source).
CREATE TYPE ctx_source AS ENUM ('cswitch', 'rundown', 'sample')
;
-- How sure that is (cpu_context.confidence and the context_confidence columns).
CREATE TYPE ctx_confidence AS ENUM ('approximate', 'exact', 'inferred', 'unknown')
;
-- Request families (irp.family, irq_chain.family).
CREATE TYPE irp_family AS ENUM ('disk', 'driver', 'file')
;
-- METHOD_* of a control code (irp.buffer_method).
CREATE TYPE irp_buffer_method AS ENUM ('METHOD_BUFFERED', 'METHOD_IN_DIRECT', 'METHOD_NEITHER', 'METHOD_OUT_DIRECT')
;
-- irp.status.
CREATE TYPE irp_status AS ENUM ('complete', 'missing_end', 'missing_start', 'open_at_end')
;
-- How an ISR was tied to a chain (irq_chain.isr_basis).
CREATE TYPE chain_isr_basis AS ENUM ('completed_in_isr', 'nearest_preceding', 'none', 'same_module', 'timer_dpc')
;
-- How the completion APC's time was inferred (irq_chain.apc_basis).
CREATE TYPE chain_apc_basis AS ENUM ('issuer_interrupted', 'issuer_running', 'next_sample', 'next_switch_in',
    'not_seen')
;
-- hazard.kind.
CREATE TYPE hazard_kind AS ENUM ('neither_io_foreign_completion', 'non_canonical_address',
    'user_ip_in_dpc_isr_sample', 'user_page_fault_in_dpc_isr')
;
-- AddressClass names (hazard.address_class).
CREATE TYPE hazard_address_class AS ENUM ('kernel', 'no_access', 'non_canonical', 'null_page', 'user')
;
-- One row per replayed trace: the machine model the trace was judged against.
CREATE TABLE IF NOT EXISTS machine (
    trace_id INTEGER,
    name VARCHAR,                   -- --machine name: x86 | x86-3gb | x86-userva=<MB> | x64 | x64-8tb | x64-la57
    architecture VARCHAR,           -- x86 | x64
    source VARCHAR,                 -- inferred (from the trace) | given (by --machine)
    basis VARCHAR,                  -- the evidence or the option, in words
    pointer_size INTEGER,           -- bytes: 4 | 8
    os_build INTEGER,               -- from the trace row, NULL if not recorded
    cpu_count INTEGER,              -- from the trace row, NULL if not recorded
    page_size INTEGER,              -- bytes (PAGE_SIZE)
    va_bits INTEGER,                -- implemented virtual-address bits: 32 | 48 | 57 (canonical form)
    lowest_user_address UBIGINT,    -- MM_LOWEST_USER_ADDRESS: below it is the null page
    highest_user_address UBIGINT,   -- MmHighestUserAddress
    user_probe_address UBIGINT,     -- MmUserProbeAddress
    system_range_start UBIGINT,     -- MmSystemRangeStart
    dirql_min INTEGER,              -- lowest device IRQL
    dirql_max INTEGER,              -- highest device IRQL
    isr_irql_rule VARCHAR,          -- how an ISR's IRQL is found: 'vector >> 4' (x64) or unknown (x86)
    irql_levels MAP(VARCHAR, INTEGER) -- named IRQLs of the architecture, e.g. irql_levels['DISPATCH_LEVEL'] = 2
)
;
-- Per CPU, the intervals [start_ts, end_ts) during which one thread was current there, with its process
-- and that process's page-table base (the CR3 loaded). Tiles each CPU from its first known moment to the
-- trace end; a CPU the trace says nothing about has no rows.
CREATE TABLE IF NOT EXISTS cpu_context (
    trace_id INTEGER,
    cpu INTEGER,
    start_ts BIGINT,
    end_ts BIGINT,                  -- exclusive; the trace end for the last interval
    duration_ns BIGINT,
    tid INTEGER,                    -- current thread (0 = idle)
    pid INTEGER,                    -- its process, NULL if unknown
    process_name VARCHAR,
    directory_table_base UBIGINT,   -- that process's DirectoryTableBase (CR3, physical), NULL if unknown
    source ctx_source,              -- cswitch: a context switch put the thread there (exact) |
                                    -- rundown: running before the CPU's first CSwitch (its old thread), named from rundown |
                                    -- sample: no CSwitch in the trace; consecutive SampledProfile samples of this thread
    confidence ctx_confidence,      -- exact | inferred | approximate
    sample_count INTEGER,           -- source sample: samples of the thread in the interval; else NULL
    last_seen_ts BIGINT,            -- source sample: the last sample of the thread; else NULL
    gap_ns BIGINT                   -- source sample: end_ts - last_seen_ts, the unobserved tail in which the switch
                                    -- to the next thread happened; else NULL
)
;
-- ISR and DPC executions per CPU: [start_ts, end_ts] = [InitialTime, logged time], with IRQL, routine,
-- module and nesting. An ISR that interrupted a DPC has that DPC as parent.
CREATE TABLE IF NOT EXISTS irql_span (
    trace_id INTEGER,
    span_id BIGINT,                 -- unique within the trace, in order of start
    cpu INTEGER,
    kind irql_span_kind,            -- ISR | ISR-MSI | ISR-PASS | DPC | TimerDPC | ThreadedDPC | IOTimer
    start_ts BIGINT,                -- entry (InitialTime)
    end_ts BIGINT,                  -- exit (the event's own time stamp)
    duration_ns BIGINT,
    irql INTEGER,                   -- NULL when unknown (x86 ISR)
    irql_name irql_name,            -- e.g. DISPATCH_LEVEL, DIRQL
    irql_basis irql_basis,          -- vector (x64 ISR: vector >> 4) | dpc (DISPATCH_LEVEL) | threaded_dpc (PASSIVE_LEVEL) |
                                    -- io_timer (DISPATCH_LEVEL) | passive_isr (ISR-PASS, PASSIVE_LEVEL) | unknown
    vector INTEGER,                 -- ISR: IDT vector
    routine UBIGINT,
    routine_symbol VARCHAR,         -- as the source printed it, e.g. storport.sys!RaidpAdapterDpcRoutine
    module VARCHAR,                 -- driver file name, e.g. storport.sys
    module_basis irql_module_basis, -- image (the routine lies in an image load range) | symbol (from routine_symbol) | NULL
    parent_span_id BIGINT,          -- the span it interrupted on the same CPU, NULL at thread level; for a span
                                    -- flagged nested_at_equal_or_higher_irql: the span it appears inside (which
                                    -- hardware would not allow), kept as evidence; later spans never nest in it
    depth INTEGER,                  -- 0 = directly over a thread, 1 = nested once …
    inferred_isr_span_id BIGINT,    -- DPC rows: the ISR inferred to have queued it (ETW records no link; see isr_basis)
    isr_basis irql_isr_basis,       -- DPC rows: same_module | nearest_preceding (the latest unpaired ISR on the CPU that
                                    -- ended before it, within 50 ms) | timer_dpc | none; NULL for ISRs
    inferred_isr_to_dpc_ns BIGINT,  -- DPC rows with an inferred ISR: start_ts minus that ISR's end_ts (the wait from
                                    -- the interrupt to its DPC, as irq_chain.inferred_isr_to_dpc_ns); NULL otherwise.
                                    -- Kept on the row so that reports need no self-join of irql_span (version 3)
    tid INTEGER,                    -- the thread current underneath
    pid INTEGER,
    process_name VARCHAR,
    context_confidence ctx_confidence, -- exact | inferred | approximate | unknown (see cpu_context.confidence)
    starts_before_trace BOOLEAN,    -- start_ts < 0: the trace began inside it
    anomaly irql_span_anomaly,      -- NULL, or why it cannot be what it seems: nested_at_equal_or_higher_irql |
                                    -- overlaps_span (started inside a span it does not end within)
    source_seq BIGINT               -- seq of the raw dpc/isr row
)
;
-- One row per I/O request: disk (DiskIo *Init -> completion), file (FileIo begin -> OpEnd) and driver
-- (DrvMjFnCall -> DrvMjFnRet and DrvComplReq, same IRP), with where and in whose context it completed.
CREATE TABLE IF NOT EXISTS irp (
    trace_id INTEGER,
    irp_id BIGINT,                  -- unique within the trace, in order of issue (or of end, for missing_start)
    family irp_family,              -- disk | file | driver
    op VARCHAR,                     -- disk: Read | Write | Flush; file: the begin kind (Read, Create …);
                                    -- driver: the IRP_MJ_* name
    irp UBIGINT,                    -- IRP address
    uniq_match_id BIGINT,           -- driver: UniqMatchId of the outermost DrvMjFnCall
    major_function INTEGER,         -- IRP_MJ_* code (file: from the operation, inferred)
    minor_function INTEGER,
    control_code BIGINT,            -- IOCTL/FSCTL code when the trace shows it (an IoControlCode-like column), else NULL
    buffer_method irp_buffer_method, -- from control_code: METHOD_BUFFERED | METHOD_IN_DIRECT | METHOD_OUT_DIRECT | METHOD_NEITHER
    file_object UBIGINT,
    file_name VARCHAR,
    transfer_size BIGINT,           -- bytes, when recorded
    issue_ts BIGINT,                -- NULL when the start was not seen
    issue_cpu INTEGER,
    issuer_tid INTEGER,
    issuer_pid INTEGER,
    issuer_process_name VARCHAR,
    issuer_dtb UBIGINT,             -- the issuer's DirectoryTableBase
    dispatch_routine UBIGINT,       -- driver: RoutineAddr of the outermost DrvMjFnCall
    dispatch_symbol VARCHAR,
    dispatch_module VARCHAR,
    call_depth INTEGER,             -- driver: deepest nesting of DrvMjFnCall for this IRP (1 = one driver)
    return_ts BIGINT,               -- driver: when the outermost dispatch routine returned (DrvMjFnRet)
    complete_ts BIGINT,             -- disk completion / OpEnd / DrvComplReq; NULL when not seen
    complete_cpu INTEGER,
    latency_ns BIGINT,              -- complete_ts - issue_ts
    kernel_elapsed_ns BIGINT,       -- the kernel's own measure: disk HighResResponseTime / OpEnd elapsed
    completion_span_id BIGINT,      -- innermost irql_span on complete_cpu at complete_ts, NULL at thread level
    completion_span_kind completion_span_kind, -- that span's kind, or 'thread'
    completion_irql INTEGER,        -- IRQL at completion (thread level: 0, assumed)
    completion_irql_basis completion_irql_basis, -- the span's irql_basis, or thread_assumed (no span: PASSIVE_LEVEL assumed)
    completion_tid INTEGER,         -- thread current on complete_cpu at complete_ts
    completion_pid INTEGER,
    completion_process_name VARCHAR,
    completion_dtb UBIGINT,
    context_source ctx_source,      -- cpu_context.source of that instant
    context_confidence ctx_confidence, -- exact | inferred | approximate | unknown
    context_gap_ns BIGINT,          -- sample context: time since the CPU's last sample; else NULL
    foreign_context BOOLEAN,        -- completion_pid differs from issuer_pid; NULL when either is unknown
    status irp_status,              -- complete | missing_end (its IRP was reused before an end was seen) |
                                    -- missing_start (end without start) | open_at_end (still open when the trace ended)
    closed_ts BIGINT,               -- when the engine closed it: the end, the reuse, or the trace end
    nt_status BIGINT                -- file: OpEnd NtStatus
)
;
-- The interrupt-to-APC chain of each request completed in an arbitrary context (inside an ISR/DPC span, or
-- in a foreign process): ISR -> DPC -> completion -> the special kernel APC that finishes it in the issuer.
CREATE TABLE IF NOT EXISTS irq_chain (
    trace_id INTEGER,
    irp_id BIGINT,
    family irp_family,
    irp UBIGINT,
    cpu INTEGER,                    -- the completion CPU
    isr_span_id BIGINT,             -- inferred: the ISR that queued the DPC
    isr_basis chain_isr_basis,      -- same_module | nearest_preceding (latest unclaimed ISR before the DPC on that CPU) |
                                    -- completed_in_isr | timer_dpc (no ISR: a timer queued it) | none
    isr_start_ts BIGINT,
    isr_end_ts BIGINT,
    isr_module VARCHAR,
    isr_vector INTEGER,
    isr_irql INTEGER,
    inferred_isr_to_dpc_ns BIGINT,  -- dpc_start_ts - isr_end_ts
    dpc_span_id BIGINT,             -- the DPC span the completion ran in
    dpc_kind irql_span_kind,
    dpc_start_ts BIGINT,
    dpc_end_ts BIGINT,
    dpc_module VARCHAR,
    dpc_duration_ns BIGINT,
    completion_ts BIGINT,
    dpc_to_completion_ns BIGINT,    -- completion_ts - dpc_start_ts
    completion_span_kind completion_span_kind,
    foreign_context BOOLEAN,
    ready_ts BIGINT,                -- first ReadyThread of the issuer after the completion (supporting evidence)
    ready_cpu INTEGER,
    ready_from_dpc BOOLEAN,         -- its flag 0x1: readied from a DPC
    inferred_apc_ts BIGINT,         -- ETW logs no APC: when the issuer could first run the completion APC
    inferred_apc_cpu INTEGER,
    apc_basis chain_apc_basis,      -- next_switch_in (issuer's next CSwitch-in) | issuer_interrupted (it was current on
                                    -- the completion CPU: the APC runs when the outermost span ends) | issuer_running
                                    -- (current on another CPU: APC interrupt at once) | next_sample (no CSwitch: its next
                                    -- SampledProfile sample) | not_seen (the trace, or the issuing thread, ended first)
    inferred_completion_to_apc_ns BIGINT,
    inferred_total_ns BIGINT        -- from the ISR start (else the DPC start) to the inferred APC
)
;
-- Things the model says must not happen, with the evidence.
CREATE TABLE IF NOT EXISTS hazard (
    trace_id INTEGER,
    hazard_id BIGINT,
    kind hazard_kind,               -- user_page_fault_in_dpc_isr | user_ip_in_dpc_isr_sample |
                                    -- neither_io_foreign_completion | non_canonical_address
    ts BIGINT,
    cpu INTEGER,
    tid INTEGER,                    -- thread current on that CPU
    pid INTEGER,
    process_name VARCHAR,
    span_id BIGINT,                 -- the ISR/DPC span it happened in, when any
    span_kind irql_span_kind,
    irql INTEGER,
    address UBIGINT,                -- the offending address
    address_class hazard_address_class, -- null_page | user | no_access | kernel | non_canonical
    irp_id BIGINT,                  -- neither_io_foreign_completion: the request
    source_table VARCHAR,           -- raw table of the evidence
    source_seq BIGINT,              -- seq of the raw row
    evidence VARCHAR,               -- what the trace shows
    explanation VARCHAR             -- why it is a hazard
)
;
