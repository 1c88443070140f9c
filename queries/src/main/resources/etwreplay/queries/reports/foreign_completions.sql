-- foreign_completions: Requests completed while another process's address space was loaded, with the ISR -> DPC -> APC chain.
--
-- A completion in a foreign context ran on a CPU whose current thread belonged to another process than
-- the issuer: the page tables loaded (CR3, the DirectoryTableBase) were that other process's, so the
-- issuer's user buffer address meant nothing there. Windows finishes such a request with a special kernel
-- APC in the issuing thread; ETW logs no APC, so its moment is inferred (irq_chain.apc_basis says how).
-- Only requests with irp.foreign_context = true: a request whose issuer or completing context is
-- unknown is not listed (see process_io's unknown_context).
--
-- Area: io
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER    only this trace
--   process VARCHAR  only requests issued by this process image name (case-insensitive), e.g. reader.exe
--   cpu INTEGER      only completions on this CPU
--   from_us DOUBLE   only completions at or after this time (µs since the trace start)
--   to_us DOUBLE     only completions at or before this time (µs since the trace start)
-- Columns:
--   trace_id            the trace
--   irp_id              the request (irp.irp_id)
--   family              disk | file | driver
--   op                  Read, Write, IRP_MJ_DEVICE_CONTROL, ...
--   irp                 IRP address
--   file_name           the file, when the trace names it
--   issuer              the issuing process and thread, 'name (pid) tid N'
--   issuer_dtb          the issuer's DirectoryTableBase: the page tables its buffer addresses belong to
--   issue_us            when it was issued (µs since the trace start); NULL when the trace did not show it
--   complete_us         when it completed (µs)
--   complete_cpu        the CPU it completed on
--   completion_irql     IRQL at the completion (2 = DISPATCH_LEVEL); thread level is assumed PASSIVE (0)
--   completion_span     where it completed: the span kind and id, e.g. 'DPC 2', or 'thread'
--   completion_module   the driver module of that span (irql_span.module), NULL at thread level
--   loaded_process      the process whose thread was current there, 'name (pid) tid N': its address space was loaded
--   loaded_dtb          that process's DirectoryTableBase: the CR3 in effect at the completion
--   context_confidence  exact (CSwitch) | inferred (rundown) | approximate (samples): how sure the loaded process is
--   isr_to_dpc_us       inferred wait from the end of the ISR to the start of the DPC (µs), NULL without an ISR
--   dpc_to_completion_us  from the DPC's start to the completion (µs)
--   completion_to_apc_us  from the completion to the inferred APC in the issuing thread (µs)
--   apc_basis           how the APC moment was inferred (irq_chain.apc_basis), e.g. next_switch_in
--   chain               the whole chain in words: ISR -> DPC -> completion -> APC with times and waits
WITH _p AS (
    SELECT getvariable('trace')::INTEGER AS trace_id,
           getvariable('process')::VARCHAR AS process,
           getvariable('cpu')::INTEGER AS cpu,
           getvariable('from_us')::DOUBLE AS from_us,
           getvariable('to_us')::DOUBLE AS to_us
)
SELECT i.trace_id,
       i.irp_id,
       i.family,
       i.op,
       i.irp,
       i.file_name,
       i.issuer_process_name || ' (' || i.issuer_pid || ') tid ' || i.issuer_tid AS issuer,
       i.issuer_dtb,
       i.issue_ts / 1000 AS issue_us,
       i.complete_ts / 1000 AS complete_us,
       i.complete_cpu,
       i.completion_irql,
       CASE WHEN i.completion_span_id IS NULL THEN i.completion_span_kind
            ELSE i.completion_span_kind || ' ' || i.completion_span_id END AS completion_span,
       s.module AS completion_module,
       i.completion_process_name || ' (' || i.completion_pid || ') tid ' || i.completion_tid AS loaded_process,
       i.completion_dtb AS loaded_dtb,
       i.context_confidence,
       c.inferred_isr_to_dpc_ns / 1000 AS isr_to_dpc_us,
       c.dpc_to_completion_ns / 1000 AS dpc_to_completion_us,
       c.inferred_completion_to_apc_ns / 1000 AS completion_to_apc_us,
       c.apc_basis,
       concat_ws(' -> ',
           CASE WHEN c.isr_span_id IS NOT NULL
                THEN 'ISR ' || coalesce(c.isr_module, '?') || ' at ' || regexp_replace((c.isr_start_ts / 1000)::VARCHAR, '\.0$', '') || ' µs' END,
           CASE WHEN c.dpc_span_id IS NOT NULL
                THEN coalesce('(' || regexp_replace((c.inferred_isr_to_dpc_ns / 1000)::VARCHAR, '\.0$', '') || ' µs) ', '') || c.dpc_kind || ' '
                     || coalesce(c.dpc_module, '?') || ' at ' || regexp_replace((c.dpc_start_ts / 1000)::VARCHAR, '\.0$', '') || ' µs' END,
           coalesce('(' || regexp_replace((c.dpc_to_completion_ns / 1000)::VARCHAR, '\.0$', '') || ' µs) ', '') || 'completion at '
               || regexp_replace((i.complete_ts / 1000)::VARCHAR, '\.0$', '') || ' µs in ' || i.completion_process_name,
           CASE WHEN c.apc_basis = 'not_seen' THEN 'APC not seen'
                WHEN c.inferred_apc_ts IS NOT NULL
                THEN '(' || regexp_replace((c.inferred_completion_to_apc_ns / 1000)::VARCHAR, '\.0$', '') || ' µs) APC at '
                     || regexp_replace((c.inferred_apc_ts / 1000)::VARCHAR, '\.0$', '')
                     || ' µs on cpu ' || c.inferred_apc_cpu || ' (' || c.apc_basis || ')' END
       ) AS chain
FROM irp i
CROSS JOIN _p
LEFT JOIN irq_chain c ON c.trace_id = i.trace_id AND c.irp_id = i.irp_id
LEFT JOIN irql_span s ON s.trace_id = i.trace_id AND s.span_id = i.completion_span_id
WHERE i.foreign_context
  AND (_p.trace_id IS NULL OR i.trace_id = _p.trace_id)
  AND (_p.process IS NULL OR lower(i.issuer_process_name) = lower(_p.process))
  AND (_p.cpu IS NULL OR i.complete_cpu = _p.cpu)
  AND (_p.from_us IS NULL OR i.complete_ts >= _p.from_us * 1000)
  AND (_p.to_us IS NULL OR i.complete_ts <= _p.to_us * 1000)
ORDER BY i.trace_id, i.complete_ts, i.irp_id;
