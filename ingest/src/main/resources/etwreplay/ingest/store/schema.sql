-- etwreplay raw schema, version 1 (etwreplay.ingest.store.Schema.VERSION).
-- The public tables users' SQL is written against (DESIGN.md "Time, identity and the canonical events").
-- Conventions:
--   ts          BIGINT nanoseconds since the trace start (xperf text: µs × 1000; ETL: clock ticks scaled).
--   cpu         logical processor that logged the event; NULL when the source does not say.
--   seq         order of arrival within the trace (tie-breaker for equal ts).
--   addresses   UBIGINT (64-bit kernel addresses do not fit BIGINT); print with addr(x).
--   *_ns        durations in nanoseconds.
--   NULL        "not recorded by the source" (e.g. pid -1 in the source is NULL here).
--   extra       MAP(VARCHAR, VARCHAR) of source columns the canonical layout does not model.
-- Statements are separated by lines holding only ';'.

CREATE TABLE IF NOT EXISTS schema_info (
    key VARCHAR PRIMARY KEY,   -- e.g. 'schema_version'
    value VARCHAR
)
;
-- One row per ingested trace.
CREATE TABLE IF NOT EXISTS trace (
    trace_id INTEGER PRIMARY KEY,
    file_name VARCHAR,                 -- file name as given to ingest
    file_path VARCHAR,                 -- absolute path at ingest time
    file_size BIGINT,                  -- bytes
    content_sha256 VARCHAR,            -- hex SHA-256 of the whole file: re-ingest detection
    head_sha256 VARCHAR,               -- hex SHA-256 of the first MiB: quick duplicate pre-check
    format VARCHAR,                    -- xperf | etl | tracerpt-xml | tracerpt-csv | wpa-csv
    os_version VARCHAR,                -- e.g. '10.0.19043'
    os_build INTEGER,
    pointer_size INTEGER,              -- 4 (x86) or 8 (x64) bytes, of the recording OS
    cpu_count INTEGER,
    clock VARCHAR,                     -- qpc | system_time | cpu_cycles | microseconds_text | unknown
    clock_frequency BIGINT,            -- ticks per second of that clock
    start_filetime BIGINT,             -- FILETIME (100 ns since 1601 UTC) of ts = 0
    start_time TIMESTAMP,              -- the same, UTC
    duration_ns BIGINT,                -- last event ts
    event_count BIGINT,                -- rows written to the event tables
    events_lost BIGINT,                -- as reported by the recording session
    buffers_lost BIGINT,
    first_reliable_ts BIGINT,          -- ns; events before it may be incomplete
    first_reliable_cswitch_ts BIGINT,  -- ns; per-CPU current thread unknown before it
    logger_name VARCHAR,
    recorded_file_name VARCHAR,        -- the trace's name on the recording machine
    ingested_at TIMESTAMP,             -- UTC
    ingest_tool VARCHAR                -- etwreplay version that ingested it
)
;
-- Anomalies per trace: counted, never thrown, never silently dropped.
CREATE TABLE IF NOT EXISTS trace_stat (
    trace_id INTEGER,
    name VARCHAR,            -- e.g. 'field_count_mismatch' (etwreplay.ingest.event.Anomaly)
    severity VARCHAR,        -- info | data_loss | error
    count BIGINT,
    first_location VARCHAR,  -- 'line 12' / 'offset 0x1f00' of the first occurrence
    example VARCHAR,         -- excerpt of the first occurrence
    description VARCHAR      -- what it means for the results
)
;
-- Process start/end/rundown. directory_table_base = CR3 (physical) of the process.
CREATE TABLE IF NOT EXISTS process (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    kind VARCHAR,                  -- Start | End | DCStart | DCEnd | Defunct
    pid INTEGER, parent_pid INTEGER, session_id INTEGER,
    unique_key UBIGINT,            -- EPROCESS address
    directory_table_base UBIGINT,  -- page-table base (CR3)
    exit_status INTEGER, flags INTEGER,
    image_name VARCHAR, command_line VARCHAR, user_sid VARCHAR,
    package_full_name VARCHAR, application_id VARCHAR,
    extra MAP(VARCHAR, VARCHAR)
)
;
CREATE TABLE IF NOT EXISTS thread (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    kind VARCHAR,                  -- Start | End | DCStart | DCEnd
    pid INTEGER, tid INTEGER, process_name VARCHAR,
    stack_base UBIGINT, stack_limit UBIGINT, user_stack_base UBIGINT, user_stack_limit UBIGINT,
    start_address UBIGINT, win32_start_address UBIGINT, teb_base UBIGINT,
    sub_process_tag INTEGER, base_priority INTEGER, page_priority INTEGER, io_priority INTEGER, flags INTEGER,
    thread_name VARCHAR,
    start_symbol VARCHAR,          -- symbolised start address (xperf Image!Function)
    extra MAP(VARCHAR, VARCHAR)
)
;
-- Module address ranges [image_base, image_base + image_size) per process (kernel: pid 0/4).
CREATE TABLE IF NOT EXISTS image (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    kind VARCHAR,                  -- Load | Unload | DCStart | DCEnd
    pid INTEGER, process_name VARCHAR,
    image_base UBIGINT, image_size UBIGINT,
    checksum BIGINT, time_date_stamp BIGINT, default_base UBIGINT,
    file_name VARCHAR,
    extra MAP(VARCHAR, VARCHAR)
)
;
-- Context switches: new_tid starts running on cpu at ts, old_tid stops.
CREATE TABLE IF NOT EXISTS cswitch (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    new_pid INTEGER, new_tid INTEGER, new_process_name VARCHAR, new_priority INTEGER,
    old_pid INTEGER, old_tid INTEGER, old_process_name VARCHAR, old_priority INTEGER,
    old_state VARCHAR,             -- Ready | Running | Standby | Waiting | … (KTHREAD_STATE names)
    old_wait_reason VARCHAR,       -- KWAIT_REASON name, e.g. Executive, WrQueue
    old_wait_mode VARCHAR,         -- KernelMode/UserMode (xperf: NonSwap/Swapable)
    new_wait_time BIGINT,          -- NewThreadWaitTime (units undocumented)
    new_time_since_last_ns BIGINT, -- how long the new thread had been off-CPU (xperf TmSinceLast)
    old_run_time_ns BIGINT,        -- how long the old thread had been running (xperf InSwitchTime)
    old_ideal_cpu INTEGER, previous_cstate INTEGER,
    new_quantum BIGINT, old_quantum BIGINT, old_remaining_quantum BIGINT, new_priority_decrement INTEGER,
    old_qos_level VARCHAR, new_qos_level VARCHAR,   -- Win11 BAM QoS (xperf Old/NewThrdBamQosLevel)
    extra MAP(VARCHAR, VARCHAR)
)
;
CREATE TABLE IF NOT EXISTS ready_thread (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    readied_pid INTEGER, readied_tid INTEGER, readying_pid INTEGER, readying_tid INTEGER,
    adjust_reason INTEGER, adjust_increment INTEGER, flags INTEGER,
    from_dpc BOOLEAN,              -- flag 0x1: readied from a DPC
    extra MAP(VARCHAR, VARCHAR)
)
;
-- DPCs, logged at exit: span [initial_ts, ts] at DISPATCH_LEVEL (threaded DPCs: PASSIVE).
CREATE TABLE IF NOT EXISTS dpc (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    kind VARCHAR,                  -- DPC | TimerDPC | ThreadedDPC | IOTimer
    initial_ts BIGINT, duration_ns BIGINT,
    routine UBIGINT, routine_symbol VARCHAR,
    extra MAP(VARCHAR, VARCHAR)
)
;
-- ISRs, logged at exit: span [initial_ts, ts] at device IRQL.
CREATE TABLE IF NOT EXISTS isr (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    kind VARCHAR,                  -- ISR | ISR-MSI | ISR-PASS
    initial_ts BIGINT, duration_ns BIGINT,
    routine UBIGINT, routine_symbol VARCHAR,
    vector INTEGER, message_index INTEGER, return_value INTEGER,
    extra MAP(VARCHAR, VARCHAR)
)
;
-- Physical disk I/O: Read/Write/Flush at completion, *Init at issue; pid/tid = issuer.
CREATE TABLE IF NOT EXISTS disk_io (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    kind VARCHAR,                  -- Read | Write | Flush | ReadInit | WriteInit | FlushInit
    pid INTEGER, tid INTEGER, process_name VARCHAR,
    irp UBIGINT, disk_number INTEGER, irp_flags BIGINT, transfer_size BIGINT, byte_offset BIGINT,
    file_object UBIGINT, file_name VARCHAR,
    elapsed_ns BIGINT,             -- init → completion as measured by the kernel
    disk_service_ns BIGINT, io_priority INTEGER,
    vol_snap VARCHAR,              -- xperf VolSnap (e.g. Original)
    extra MAP(VARCHAR, VARCHAR)
)
;
-- File I/O begin events, OpEnd, and file-name events; begin ↔ OpEnd by irp.
CREATE TABLE IF NOT EXISTS file_io (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    kind VARCHAR,                  -- Create | Read | Write | Cleanup | Close | Flush | SetInfo | QueryInfo | FSControl | Delete | Rename | DirEnum | DirNotify | OpEnd | Name | FileCreate | FileDelete | FileRundown
    pid INTEGER, tid INTEGER, process_name VARCHAR,
    logging_pid INTEGER, logging_tid INTEGER,
    irp UBIGINT, file_object UBIGINT, file_key UBIGINT,
    byte_offset BIGINT, size BIGINT, flags BIGINT, info_class INTEGER,
    extra_info UBIGINT, nt_status BIGINT, elapsed_ns BIGINT,
    op_type VARCHAR,               -- OpEnd: the kind of the operation that ended
    create_options BIGINT, file_attributes BIGINT, share_access BIGINT,
    io_priority INTEGER,
    file_name VARCHAR,
    extra MAP(VARCHAR, VARCHAR)
)
;
-- Driver IRP events (kernel flag DRIVERS), by irp and uniq_match_id.
CREATE TABLE IF NOT EXISTS driver_irp (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    kind VARCHAR,                  -- DrvMjFnCall | DrvMjFnRet | DrvComplReq | DrvComplReqRet | DrvComplRout
    pid INTEGER, tid INTEGER,
    irp UBIGINT, uniq_match_id BIGINT,
    major_function INTEGER, minor_function INTEGER,   -- IRP_MJ_* code (0x0e = DEVICE_CONTROL)
    routine UBIGINT, routine_symbol VARCHAR,
    file_object UBIGINT, file_name VARCHAR,
    extra MAP(VARCHAR, VARCHAR)
)
;
CREATE TABLE IF NOT EXISTS page_fault (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    kind VARCHAR,                  -- TransitionFault | DemandZeroFault | CopyOnWrite | GuardPageFault | HardPageFault | AccessViolation | HardFault
    pid INTEGER, tid INTEGER, process_name VARCHAR,
    virtual_address UBIGINT, program_counter UBIGINT, pc_symbol VARCHAR,
    initial_ts BIGINT, elapsed_ns BIGINT,            -- HardFault only
    byte_offset BIGINT, size BIGINT, file_object UBIGINT, file_name VARCHAR,
    extra MAP(VARCHAR, VARCHAR)
)
;
CREATE TABLE IF NOT EXISTS sample (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    pid INTEGER, tid INTEGER, process_name VARCHAR,
    instruction_pointer UBIGINT, ip_symbol VARCHAR, thread_start_symbol VARCHAR,
    count INTEGER,
    executing_dpc BOOLEAN, executing_isr BOOLEAN,    -- Win8+ flag bits; NULL when not recorded
    priority INTEGER, rank INTEGER,
    profile_source VARCHAR,
    extra MAP(VARCHAR, VARCHAR)
)
;
CREATE TABLE IF NOT EXISTS syscall (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    kind VARCHAR,                  -- Enter | Exit
    pid INTEGER, tid INTEGER, process_name VARCHAR,
    address UBIGINT, symbol VARCHAR, nt_status BIGINT,
    extra MAP(VARCHAR, VARCHAR)
)
;
-- Stack frames that followed an event (xperf 'Stack' lines); frame 1 = innermost.
CREATE TABLE IF NOT EXISTS stack (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    tid INTEGER, frame INTEGER, address UBIGINT, symbol VARCHAR,
    extra MAP(VARCHAR, VARCHAR)
)
;
-- Everything not modelled above: nothing is silently dropped.
CREATE TABLE IF NOT EXISTS generic_event (
    trace_id INTEGER, ts BIGINT, cpu INTEGER, seq BIGINT,
    name VARCHAR, provider VARCHAR, opcode INTEGER, version INTEGER,
    pid INTEGER, tid INTEGER,
    fields MAP(VARCHAR, VARCHAR),  -- decoded fields by source name
    payload BLOB,                  -- raw payload bytes (binary sources)
    extra MAP(VARCHAR, VARCHAR)
)
;
-- addr(x): an address as 0x-prefixed hex, e.g. addr(irp) = '0xffffc0010a2b3010'.
CREATE MACRO IF NOT EXISTS addr(x) AS printf('0x%x', x)
;
