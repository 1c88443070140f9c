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
WITH _foreign AS (
    SELECT i.trace_id, i.irp_id, i.family, i.op, i.irp, i.file_name, i.issuer_process_name, i.issuer_pid,
           i.issuer_tid, i.issuer_dtb, i.issue_ts, i.complete_ts, i.complete_cpu, i.completion_irql,
           i.completion_span_id, i.completion_span_kind, i.completion_process_name, i.completion_pid,
           i.completion_tid, i.completion_dtb, i.context_confidence,
           c.isr_span_id, c.isr_module, c.isr_start_ts, c.dpc_span_id, c.dpc_kind, c.dpc_module, c.dpc_start_ts,
           c.inferred_isr_to_dpc_ns, c.dpc_to_completion_ns, c.inferred_completion_to_apc_ns, c.apc_basis,
           c.inferred_apc_ts, c.inferred_apc_cpu
    FROM irp i
    LEFT JOIN irq_chain c ON c.trace_id = i.trace_id AND c.irp_id = i.irp_id
    WHERE i.foreign_context
      -- Parameters are read where they filter (getvariable is a constant when DuckDB plans, so an unset one's
      -- condition disappears; read through a joined one-row CTE it was evaluated for every request).
      AND (getvariable('trace')::INTEGER IS NULL OR i.trace_id = getvariable('trace')::INTEGER)
      AND (getvariable('process')::VARCHAR IS NULL OR lower(i.issuer_process_name) = lower(getvariable('process')::VARCHAR))
      AND (getvariable('cpu')::INTEGER IS NULL OR i.complete_cpu = getvariable('cpu')::INTEGER)
      -- Window bounds as whole ns (BIGINT; ceil/floor keep the rows a DOUBLE comparison keeps, clamped to
      -- BIGINT's range): against a DOUBLE, DuckDB casts every ts and cannot skip row groups by min/max.
      AND (getvariable('from_us')::DOUBLE IS NULL OR i.complete_ts >= CAST(ceil(least(greatest(getvariable('from_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
      AND (getvariable('to_us')::DOUBLE IS NULL OR i.complete_ts <= CAST(floor(least(greatest(getvariable('to_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
),
-- The spans the selected requests completed in, found by a semi join probed with their ids: joined to all of
-- irql_span directly, DuckDB built a hash table of every span (12.7 M on the 61.5 M-event trace, ~5 s of CPU).
_completion_spans AS (
    SELECT trace_id, span_id, module
    FROM irql_span
    WHERE span_id IN (SELECT completion_span_id FROM _foreign)
),
-- The chain's times in µs as text: the DOUBLE ns / 1000 as DuckDB prints it, without a trailing '.0'. For a
-- whole number of µs that is the integer division's text, and otherwise the DOUBLE's own text, which never
-- ends in '.0' (a regexp_replace of '\.0$' took 0.3 s per 4.7 M values, and each request has seven). Exact
-- while a value stays below 2^43 µs (102 days: the DOUBLE's spacing there is under 0.002, so a value with a
-- fraction of 0.001 or more never rounds to a whole number); above it the text is stripped as before.
_chains AS (
    SELECT f.trace_id, f.irp_id, f.family, f.op, f.irp, f.file_name, f.issuer_process_name, f.issuer_pid,
           f.issuer_tid, f.issuer_dtb, f.issue_ts, f.complete_ts, f.complete_cpu, f.completion_irql,
           f.completion_span_id, f.completion_span_kind, f.completion_process_name, f.completion_pid,
           f.completion_tid, f.completion_dtb, f.context_confidence, sp.module AS completion_module,
           f.isr_span_id, f.isr_module, f.dpc_span_id, f.dpc_kind, f.dpc_module, f.inferred_isr_to_dpc_ns,
           f.dpc_to_completion_ns, f.inferred_completion_to_apc_ns, f.apc_basis, f.inferred_apc_ts,
           f.inferred_apc_cpu,
           CASE WHEN f.isr_start_ts NOT BETWEEN -8796093022207999 AND 8796093022207999
                THEN regexp_replace((f.isr_start_ts / 1000)::VARCHAR, '\.0$', '')
                WHEN f.isr_start_ts % 1000 = 0 THEN (f.isr_start_ts // 1000)::VARCHAR
                ELSE (f.isr_start_ts / 1000)::VARCHAR END AS isr_start,
           CASE WHEN f.inferred_isr_to_dpc_ns NOT BETWEEN -8796093022207999 AND 8796093022207999
                THEN regexp_replace((f.inferred_isr_to_dpc_ns / 1000)::VARCHAR, '\.0$', '')
                WHEN f.inferred_isr_to_dpc_ns % 1000 = 0 THEN (f.inferred_isr_to_dpc_ns // 1000)::VARCHAR
                ELSE (f.inferred_isr_to_dpc_ns / 1000)::VARCHAR END AS isr_to_dpc,
           CASE WHEN f.dpc_start_ts NOT BETWEEN -8796093022207999 AND 8796093022207999
                THEN regexp_replace((f.dpc_start_ts / 1000)::VARCHAR, '\.0$', '')
                WHEN f.dpc_start_ts % 1000 = 0 THEN (f.dpc_start_ts // 1000)::VARCHAR
                ELSE (f.dpc_start_ts / 1000)::VARCHAR END AS dpc_start,
           CASE WHEN f.dpc_to_completion_ns NOT BETWEEN -8796093022207999 AND 8796093022207999
                THEN regexp_replace((f.dpc_to_completion_ns / 1000)::VARCHAR, '\.0$', '')
                WHEN f.dpc_to_completion_ns % 1000 = 0 THEN (f.dpc_to_completion_ns // 1000)::VARCHAR
                ELSE (f.dpc_to_completion_ns / 1000)::VARCHAR END AS dpc_to_completion,
           CASE WHEN f.complete_ts NOT BETWEEN -8796093022207999 AND 8796093022207999
                THEN regexp_replace((f.complete_ts / 1000)::VARCHAR, '\.0$', '')
                WHEN f.complete_ts % 1000 = 0 THEN (f.complete_ts // 1000)::VARCHAR
                ELSE (f.complete_ts / 1000)::VARCHAR END AS completion,
           CASE WHEN f.inferred_completion_to_apc_ns NOT BETWEEN -8796093022207999 AND 8796093022207999
                THEN regexp_replace((f.inferred_completion_to_apc_ns / 1000)::VARCHAR, '\.0$', '')
                WHEN f.inferred_completion_to_apc_ns % 1000 = 0 THEN (f.inferred_completion_to_apc_ns // 1000)::VARCHAR
                ELSE (f.inferred_completion_to_apc_ns / 1000)::VARCHAR END AS completion_to_apc,
           CASE WHEN f.inferred_apc_ts NOT BETWEEN -8796093022207999 AND 8796093022207999
                THEN regexp_replace((f.inferred_apc_ts / 1000)::VARCHAR, '\.0$', '')
                WHEN f.inferred_apc_ts % 1000 = 0 THEN (f.inferred_apc_ts // 1000)::VARCHAR
                ELSE (f.inferred_apc_ts / 1000)::VARCHAR END AS apc
    FROM _foreign f
    LEFT JOIN _completion_spans sp ON sp.trace_id = f.trace_id AND sp.span_id = f.completion_span_id
)
-- The ENUM columns are read as VARCHAR, the type of the other text columns: a client reads an ENUM value
-- more slowly (the JDBC driver: about a third). The same text.
SELECT trace_id,
       irp_id,
       family::VARCHAR AS family,
       op,
       irp,
       file_name,
       issuer_process_name || ' (' || issuer_pid || ') tid ' || issuer_tid AS issuer,
       issuer_dtb,
       issue_ts / 1000 AS issue_us,
       complete_ts / 1000 AS complete_us,
       complete_cpu,
       completion_irql,
       CASE WHEN completion_span_id IS NULL THEN completion_span_kind
            ELSE completion_span_kind || ' ' || completion_span_id END AS completion_span,
       completion_module,
       completion_process_name || ' (' || completion_pid || ') tid ' || completion_tid AS loaded_process,
       completion_dtb AS loaded_dtb,
       context_confidence::VARCHAR AS context_confidence,
       inferred_isr_to_dpc_ns / 1000 AS isr_to_dpc_us,
       dpc_to_completion_ns / 1000 AS dpc_to_completion_us,
       inferred_completion_to_apc_ns / 1000 AS completion_to_apc_us,
       apc_basis::VARCHAR AS apc_basis,
       concat_ws(' -> ',
           CASE WHEN isr_span_id IS NOT NULL THEN 'ISR ' || coalesce(isr_module, '?') || ' at ' || isr_start || ' µs' END,
           CASE WHEN dpc_span_id IS NOT NULL
                THEN coalesce('(' || isr_to_dpc || ' µs) ', '') || dpc_kind || ' ' || coalesce(dpc_module, '?') || ' at '
                     || dpc_start || ' µs' END,
           coalesce('(' || dpc_to_completion || ' µs) ', '') || 'completion at ' || completion || ' µs in '
               || completion_process_name,
           CASE WHEN apc_basis = 'not_seen' THEN 'APC not seen'
                WHEN inferred_apc_ts IS NOT NULL
                THEN '(' || completion_to_apc || ' µs) APC at ' || apc || ' µs on cpu ' || inferred_apc_cpu || ' ('
                     || apc_basis || ')' END
       ) AS chain
FROM _chains
ORDER BY trace_id, complete_ts, irp_id;
