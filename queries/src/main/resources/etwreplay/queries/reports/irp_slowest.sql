-- irp_slowest: The slowest individual I/O requests: who issued them, where and in which context they completed.
--
-- The requests behind irp_latency's maxima: for each trace and family, the `top` slowest (default 20),
-- slowest first, with the latency measure irp_latency uses (replayed, else the kernel's own for a
-- request whose issue the trace does not show). Requests without a latency are not listed.
--
-- Area: io
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER    only this trace
--   process VARCHAR  only requests issued by this process image name (case-insensitive)
--   min_us DOUBLE    only requests that took at least this long (µs)
--   top INTEGER      how many requests per trace and family (default 20)
--   from_us DOUBLE   only requests issued (else completed) at or after this time (µs since the trace start)
--   to_us DOUBLE     only requests issued (else completed) at or before this time (µs)
-- Columns:
--   trace_id         the trace
--   family           disk | file | driver
--   rank             1 = the slowest of its family in the trace
--   irp_id           irp.irp_id
--   op               Read, Write, IRP_MJ_DEVICE_CONTROL, ...
--   irp              IRP address
--   driver           driver requests: the dispatching driver module
--   file_name        the file, when the trace names it
--   transfer_size    bytes, when recorded
--   issuer           'name (pid) tid N'
--   issue_us         issue time (µs since the trace start); NULL when the trace did not show it
--   complete_us      completion time (µs)
--   latency_us       how long it took (µs)
--   latency_basis    replayed (completion - issue) | kernel (the trace's own elapsed time; issue not seen)
--   complete_cpu     the CPU it completed on
--   completion_span  'DPC 2', 'ISR-MSI 5' ... or 'thread'
--   foreign_context  true: completed while another process was current (see foreign_completions)
--   status           complete | missing_start (irp.status)
WITH _p AS (
    SELECT getvariable('trace')::INTEGER AS trace_id,
           getvariable('process')::VARCHAR AS process,
           getvariable('min_us')::DOUBLE AS min_us,
           coalesce(getvariable('top')::INTEGER, 20) AS top
),
_measured AS (
    SELECT i.trace_id, i.irp_id, i.family, i.op, i.irp, i.dispatch_module, i.file_name, i.transfer_size,
           i.issuer_process_name, i.issuer_pid, i.issuer_tid, i.issue_ts, i.complete_ts, i.complete_cpu,
           i.completion_span_kind, i.completion_span_id, i.foreign_context, i.status,
           coalesce(i.latency_ns, CASE WHEN i.status = 'missing_start' THEN i.kernel_elapsed_ns END) AS latency_ns,
           CASE WHEN i.latency_ns IS NOT NULL THEN 'replayed' ELSE 'kernel' END AS latency_basis,
           _p.top, _p.min_us
    FROM irp i
    CROSS JOIN _p
    WHERE (_p.trace_id IS NULL OR i.trace_id = _p.trace_id)
      AND (_p.process IS NULL OR lower(i.issuer_process_name) = lower(_p.process))
      -- Window bounds as whole ns (BIGINT; ceil/floor keep the rows a DOUBLE comparison keeps, clamped to
      -- BIGINT's range): against a DOUBLE, DuckDB casts every ts and cannot skip row groups by min/max.
      AND (getvariable('from_us')::DOUBLE IS NULL OR coalesce(i.issue_ts, i.complete_ts) >= CAST(ceil(least(greatest(getvariable('from_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
      AND (getvariable('to_us')::DOUBLE IS NULL OR coalesce(i.issue_ts, i.complete_ts) <= CAST(floor(least(greatest(getvariable('to_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
),
-- The slowest requests per trace and family by a top-n aggregate over two columns (ties: lower irp_id first,
-- as ORDER BY latency DESC, irp_id would rank them); the other columns are joined to the winners only. A
-- row_number() window sorting every request with all its columns took 3.4 s on a 61.5 M-event database.
_top AS (
    SELECT trace_id, family, top, arg_max(irp_id, [latency_ns, -irp_id], greatest(top, 1)) AS irp_ids
    FROM _measured
    WHERE latency_ns IS NOT NULL AND (min_us IS NULL OR latency_ns >= min_us * 1000)
    GROUP BY trace_id, family, top
),
_rank AS (
    SELECT trace_id, top, unnest(irp_ids) AS irp_id, generate_subscripts(irp_ids, 1) AS rank
    FROM _top
),
_ranked AS (
    SELECT m.trace_id, m.irp_id, m.family, m.op, m.irp, m.dispatch_module, m.file_name, m.transfer_size,
           m.issuer_process_name, m.issuer_pid, m.issuer_tid, m.issue_ts, m.complete_ts, m.complete_cpu,
           m.completion_span_kind, m.completion_span_id, m.foreign_context, m.status, m.latency_ns, m.latency_basis,
           k.top, k.rank
    FROM _rank k
    JOIN _measured m ON m.trace_id = k.trace_id AND m.irp_id = k.irp_id
)
SELECT trace_id,
       family,
       rank,
       irp_id,
       op,
       irp,
       dispatch_module AS driver,
       file_name,
       transfer_size,
       issuer_process_name || ' (' || issuer_pid || ') tid ' || issuer_tid AS issuer,
       issue_ts / 1000 AS issue_us,
       complete_ts / 1000 AS complete_us,
       latency_ns / 1000 AS latency_us,
       latency_basis,
       complete_cpu,
       CASE WHEN completion_span_id IS NULL THEN completion_span_kind
            ELSE completion_span_kind || ' ' || completion_span_id END AS completion_span,
       foreign_context,
       status
FROM _ranked
WHERE rank <= top
ORDER BY trace_id, family, rank;
