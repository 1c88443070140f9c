-- apc_delivery: Completion -> APC delay per issuing process and thread: how long stage 2 of completion waited, and the worst cases.
--
-- A request completed in an arbitrary context (inside an ISR/DPC span, or while another process was
-- current) is finished by a special kernel APC in the issuing thread, which copies the results into the
-- issuer's address space. ETW logs no APC event: the replay infers its moment (irq_chain.apc_basis), e.g.
-- the issuing thread's next switch-in. This report measures completion -> inferred APC for every such
-- request (irq_chain rows), per issuing thread and per process (tid NULL). Requests completed at thread
-- level in their own context need no wait and are not here.
-- Percentiles are nearest-rank (DuckDB quantile_disc): pNN is the ceil(NN/100 x apcs)-th smallest.
--
-- Area: io
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER    only this trace
--   process VARCHAR  only this issuing process image name (case-insensitive)
--   min_us DOUBLE    only requests whose APC waited at least this long (µs)
--   from_us DOUBLE   only completions at or after this time (µs since the trace start)
--   to_us DOUBLE     only completions at or before this time (µs)
-- Columns:
--   trace_id            the trace
--   process             the issuing process, 'name (pid)'; '(unknown)' when the trace does not tell
--   tid                 the issuing thread; NULL = all threads of the process together
--   requests            requests completed in an arbitrary context (irq_chain rows)
--   apcs                of those, with an inferred APC moment
--   not_seen            of those, whose APC the trace does not show (the trace or the thread ended first)
--   p50_us              median completion -> APC delay (µs)
--   p90_us              90th percentile (µs)
--   max_us              the longest (µs)
--   mean_us             average (µs, 3 decimals)
--   readied_from_dpc    requests whose issuer was readied from a DPC after the completion (ReadyThread flag 0x1)
--   bases               how the APCs were placed, 'apc_basis count' pairs, e.g. 'next_switch_in 2, issuer_running 1'
--   worst_irp_id        the request with the longest delay (irp.irp_id)
--   worst_completion_us its completion (µs since the trace start)
--   worst_apc_us        its inferred APC (µs)
--   worst_apc_basis     how that APC was placed
WITH
-- Each issuer as its name and pid, the key text built per group: a process the trace does not fully name is
-- one group whichever of the two is missing, as its key '(unknown)' is.
_chains AS (
    SELECT c.trace_id, c.irp_id, c.apc_basis, c.ready_from_dpc, c.inferred_completion_to_apc_ns AS delay_ns,
           CASE WHEN i.issuer_pid IS NOT NULL THEN i.issuer_process_name END AS issuer_name,
           CASE WHEN i.issuer_process_name IS NOT NULL THEN i.issuer_pid END AS issuer_pid,
           i.issuer_tid AS tid
    FROM irq_chain c
    JOIN irp i ON i.trace_id = c.trace_id AND i.irp_id = c.irp_id
    -- Parameters are read where they filter: getvariable is a constant when DuckDB plans, so an unset one's
    -- condition disappears (read through a joined one-row CTE it was evaluated for every row scanned).
    WHERE (getvariable('trace')::INTEGER IS NULL OR c.trace_id = getvariable('trace')::INTEGER)
      AND (getvariable('process')::VARCHAR IS NULL OR lower(i.issuer_process_name) = lower(getvariable('process')::VARCHAR))
      AND (getvariable('min_us')::DOUBLE IS NULL OR c.inferred_completion_to_apc_ns >= getvariable('min_us')::DOUBLE * 1000)
      -- Window bounds as whole ns (BIGINT; ceil/floor keep the rows a DOUBLE comparison keeps, clamped to
      -- BIGINT's range): against a DOUBLE, DuckDB casts every ts and cannot skip row groups by min/max.
      AND (getvariable('from_us')::DOUBLE IS NULL OR c.completion_ts >= CAST(ceil(least(greatest(getvariable('from_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
      AND (getvariable('to_us')::DOUBLE IS NULL OR c.completion_ts <= CAST(floor(least(greatest(getvariable('to_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
),
_bases AS (
    SELECT trace_id, issuer_name, issuer_pid, tid, grouping(tid) = 1 AS all_threads, apc_basis, count(*) AS n
    FROM _chains
    GROUP BY GROUPING SETS ((trace_id, issuer_name, issuer_pid, tid, apc_basis), (trace_id, issuer_name, issuer_pid, apc_basis))
),
_stats AS (
    SELECT trace_id, issuer_name, issuer_pid, tid,
           grouping(tid) = 1 AS all_threads,
           count(*) AS requests,
           count(delay_ns) AS apcs,
           count(*) FILTER (apc_basis = 'not_seen') AS not_seen,
           quantile_disc(delay_ns, [0.5, 0.9]) AS q,
           max(delay_ns) AS max_ns,
           avg(delay_ns) AS mean_ns,
           count(*) FILTER (ready_from_dpc) AS readied_from_dpc,
           -- The longest delay, among equals the first request: the largest delay_ns * 2^64 - irp_id, exact in a
           -- HUGEINT (two BIGINT ids differ by less than 2^64, so the delay decides before the id does).
           max((delay_ns::HUGEINT << 64) - irp_id) AS worst_key
    FROM _chains
    GROUP BY GROUPING SETS ((trace_id, issuer_name, issuer_pid, tid), (trace_id, issuer_name, issuer_pid))
)
SELECT s.trace_id,
       coalesce(s.issuer_name || ' (' || s.issuer_pid || ')', '(unknown)') AS process,
       s.tid,
       s.requests,
       s.apcs,
       s.not_seen,
       s.q[1] / 1000 AS p50_us,
       s.q[2] / 1000 AS p90_us,
       s.max_ns / 1000 AS max_us,
       round(s.mean_ns / 1000, 3) AS mean_us,
       s.readied_from_dpc,
       (SELECT string_agg(b.apc_basis || ' ' || b.n, ', ' ORDER BY b.n DESC, b.apc_basis)
        FROM _bases b
        WHERE b.trace_id = s.trace_id AND b.issuer_name IS NOT DISTINCT FROM s.issuer_name
          AND b.issuer_pid IS NOT DISTINCT FROM s.issuer_pid AND b.all_threads = s.all_threads
          AND b.tid IS NOT DISTINCT FROM s.tid) AS bases,
       w.irp_id AS worst_irp_id,
       w.completion_ts / 1000 AS worst_completion_us,
       w.inferred_apc_ts / 1000 AS worst_apc_us,
       w.apc_basis AS worst_apc_basis
FROM _stats s
LEFT JOIN irq_chain w ON w.trace_id = s.trace_id AND w.irp_id = ((s.max_ns::HUGEINT << 64) - s.worst_key)::BIGINT
-- A thread the trace does not name has no row of its own: its process's row holds it.
WHERE s.all_threads OR s.tid IS NOT NULL
ORDER BY s.trace_id, process, s.tid NULLS FIRST;
