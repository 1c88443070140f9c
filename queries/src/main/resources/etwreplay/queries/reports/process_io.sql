-- process_io: I/O per issuing process: requests, bytes, time, and how many completed in a foreign context or inside an ISR/DPC.
--
-- Who does the I/O and how much of it is finished in someone else's address space. One row per process
-- and request family, and one for all its families (family 'all'). Time is the sum of the request
-- latencies, measured as irp_latency does (completion - issue; for a request whose issue the trace does
-- not show, the kernel's own elapsed time when recorded), so overlapping requests add up to more than the
-- elapsed time.
--
-- Area: io
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER    only this trace
--   process VARCHAR  only this process image name (case-insensitive)
--   from_us DOUBLE   only requests issued (else completed) at or after this time (µs since the trace start)
--   to_us DOUBLE     only requests issued (else completed) at or before this time (µs)
-- Columns:
--   trace_id            the trace
--   process             the issuing process, 'name (pid)'; '(unknown)' when the trace does not tell
--   family              disk | file | driver | all
--   requests            requests issued (irp rows; requests whose issue is not in the trace count with their end)
--   complete            of those, complete (irp.status)
--   bytes               bytes transferred, where the trace records a size (irp.transfer_size)
--   total_latency_us    sum of the measured latencies (µs)
--   mean_latency_us     average measured latency (µs, 3 decimals)
--   max_latency_us      the slowest (µs)
--   foreign_completions completed while another process was current (irp.foreign_context; see foreign_completions)
--   unknown_context     completed, but whether in a foreign context is unknown (issuer or current process unknown)
--   in_dpc_isr          completed inside an ISR/DPC span (at raised IRQL, or in a threaded DPC)
WITH _p AS (
    SELECT getvariable('trace')::INTEGER AS trace_id,
           getvariable('process')::VARCHAR AS process
),
_requests AS (
    SELECT i.trace_id, i.family, i.status, i.transfer_size, i.foreign_context, i.complete_ts,
           coalesce(i.latency_ns, CASE WHEN i.status = 'missing_start' THEN i.kernel_elapsed_ns END) AS latency_ns,
           i.completion_span_id,
           coalesce(i.issuer_process_name || ' (' || i.issuer_pid || ')', '(unknown)') AS process
    FROM irp i
    CROSS JOIN _p
    WHERE (_p.trace_id IS NULL OR i.trace_id = _p.trace_id)
      AND (_p.process IS NULL OR lower(i.issuer_process_name) = lower(_p.process))
      -- Window bounds as whole ns (BIGINT; ceil/floor keep the rows a DOUBLE comparison keeps, clamped to
      -- BIGINT's range): against a DOUBLE, DuckDB casts every ts and cannot skip row groups by min/max.
      AND (getvariable('from_us')::DOUBLE IS NULL OR coalesce(i.issue_ts, i.complete_ts) >= CAST(ceil(least(greatest(getvariable('from_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
      AND (getvariable('to_us')::DOUBLE IS NULL OR coalesce(i.issue_ts, i.complete_ts) <= CAST(floor(least(greatest(getvariable('to_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
)
SELECT trace_id,
       process,
       coalesce(family, 'all') AS family,
       count(*) AS requests,
       count(*) FILTER (status = 'complete') AS complete,
       sum(transfer_size) AS bytes,
       sum(latency_ns) / 1000 AS total_latency_us,
       round(avg(latency_ns) / 1000, 3) AS mean_latency_us,
       max(latency_ns) / 1000 AS max_latency_us,
       count(*) FILTER (foreign_context) AS foreign_completions,
       count(*) FILTER (complete_ts IS NOT NULL AND foreign_context IS NULL) AS unknown_context,
       count(*) FILTER (completion_span_id IS NOT NULL) AS in_dpc_isr
FROM _requests
GROUP BY GROUPING SETS ((trace_id, process, family), (trace_id, process))
ORDER BY trace_id, process, grouping(family) DESC, family;
