-- irp_latency: I/O request latency per family, driver, major function, disk and issuing process: count and percentiles.
--
-- How long requests took from issue to completion, seen along five dimensions (column dimension): the whole
-- family, the driver that dispatched it (driver requests), the major function or operation, the disk
-- (disk requests) and the issuing process. A request counts once in every dimension that applies.
-- Latency is irp.latency_ns (completion - issue, as replayed); for a request whose issue the trace does
-- not show (status missing_start), the kernel's own measure when the trace has one (disk
-- HighResResponseTime, FileIo OpEnd ElapsedTime). Requests without either (never completed in the
-- trace, or reused before completion) are counted but not measured.
-- Percentiles are nearest-rank (DuckDB quantile_disc): pNN is the ceil(NN/100 x measured)-th smallest.
-- irp_slowest lists the individual requests.
--
-- Area: io
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER    only this trace
--   process VARCHAR  only requests issued by this process image name (case-insensitive)
--   from_us DOUBLE   only requests issued (else completed) at or after this time (µs since the trace start)
--   to_us DOUBLE     only requests issued (else completed) at or before this time (µs)
-- Columns:
--   trace_id         the trace
--   family           disk | file | driver
--   dimension        family | driver | major_function | disk | process: what key is
--   key              the group: the family; the dispatching driver module; the operation (Read, Write, IRP_MJ_...);
--                    'disk N'; the issuer 'name (pid)'; '(unknown)' when the trace does not tell
--   requests         requests in the group
--   measured         of those, with a latency
--   incomplete       of those, not complete (missing_start, missing_end, open_at_end: irp.status)
--   p50_us           median latency (µs)
--   p90_us           90th percentile (µs)
--   p99_us           99th percentile (µs)
--   max_us           the slowest (µs)
--   mean_us          average (µs, 3 decimals)
--   slowest_irp_id   the slowest request (irp.irp_id)
--   slowest_issue_us when it was issued (µs; NULL when the trace did not show it)
WITH
-- Inlined where used (twice below), not materialised: a scan of irp costs less than writing 4.7 M rows.
_requests AS NOT MATERIALIZED (
    SELECT i.trace_id, i.irp_id, i.family, i.op, i.status, i.issue_ts, i.complete_ts, i.irp,
           coalesce(i.latency_ns, CASE WHEN i.status = 'missing_start' THEN i.kernel_elapsed_ns END) AS latency_ns,
           i.dispatch_module, i.issuer_process_name, i.issuer_pid
    FROM irp i
    -- Parameters are read where they filter: getvariable is a constant when DuckDB plans, so an unset one's
    -- condition disappears (read through a joined one-row CTE it was evaluated for every row scanned).
    WHERE (getvariable('trace')::INTEGER IS NULL OR i.trace_id = getvariable('trace')::INTEGER)
      AND (getvariable('process')::VARCHAR IS NULL OR lower(i.issuer_process_name) = lower(getvariable('process')::VARCHAR))
      -- Window bounds as whole ns (BIGINT; ceil/floor keep the rows a DOUBLE comparison keeps, clamped to
      -- BIGINT's range): against a DOUBLE, DuckDB casts every ts and cannot skip row groups by min/max.
      AND (getvariable('from_us')::DOUBLE IS NULL OR coalesce(i.issue_ts, i.complete_ts) >= CAST(ceil(least(greatest(getvariable('from_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
      AND (getvariable('to_us')::DOUBLE IS NULL OR coalesce(i.issue_ts, i.complete_ts) <= CAST(floor(least(greatest(getvariable('to_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
),
-- The disk number is on the raw completion event, looked up for disk requests only, among the disk_io rows
-- whose kind some disk request has as its op (the others cannot match; the issue events are half the rows).
-- Every condition is an equality between the two sides so that DuckDB hash-joins (with a one-sided
-- condition such as a family filter inside a LEFT JOIN's ON it falls back to a nested-loop join: 88 s on
-- 6 M events, bench/RESULTS.md).
_disk_numbers AS (
    SELECT r.trace_id, r.irp_id, r.family, r.op, r.status, r.issue_ts, r.latency_ns, r.dispatch_module,
           r.issuer_process_name, r.issuer_pid, d.disk_number
    FROM _requests r
    LEFT JOIN (SELECT trace_id, irp, ts, kind, disk_number
               FROM disk_io
               WHERE kind IN (SELECT DISTINCT op FROM irp WHERE family = 'disk')) d
           ON d.trace_id = r.trace_id AND d.irp = r.irp AND d.ts = r.complete_ts AND d.kind = r.op::VARCHAR
    WHERE r.family = 'disk'
    UNION ALL
    SELECT trace_id, irp_id, family, op, status, issue_ts, latency_ns, dispatch_module, issuer_process_name,
           issuer_pid, NULL
    FROM _requests
    WHERE family IS DISTINCT FROM 'disk'
),
-- Every dimension's groups in one pass over the requests (GROUPING SETS; the driver and disk sets are kept
-- for their family only, below), each group's key as columns, its text built per group: a row per request
-- and dimension, each with its key text, then a GROUP BY with three quantiles took 3.6 s on the 4.7 M
-- requests of a 61.5 M-event trace. An unknown issuer is one group whichever of its name and pid is
-- missing, as its key is.
_groups AS (
    SELECT trace_id, family, driver_key, op_key, disk_number, issuer_name, issuer_pid,
           CASE WHEN GROUPING(driver_key) = 0 THEN 2 WHEN GROUPING(op_key) = 0 THEN 3
                WHEN GROUPING(disk_number) = 0 THEN 4 WHEN GROUPING(issuer_name) = 0 THEN 5 ELSE 1 END AS dimension_order,
           count(*) AS requests,
           count(latency_ns) AS measured,
           count(*) FILTER (status <> 'complete') AS incomplete,
           quantile_disc(latency_ns, [0.5, 0.9, 0.99]) AS q,
           max(latency_ns) AS max_ns,
           avg(latency_ns) AS mean_ns,
           -- The slowest, among equals the first: the largest latency_ns * 2^64 - irp_id, exact in a HUGEINT (two
           -- BIGINT ids differ by less than 2^64, so the latency decides before the id does). As arg_max's key, a
           -- list [latency_ns, -irp_id] cost more than the quantiles.
           max((latency_ns::HUGEINT << 64) - irp_id) AS slowest_key
    FROM (SELECT trace_id, irp_id, family, status, latency_ns,
                 coalesce(dispatch_module, '(unknown)') AS driver_key,
                 coalesce(op, '(unknown)') AS op_key,
                 disk_number,
                 CASE WHEN issuer_pid IS NOT NULL THEN issuer_process_name END AS issuer_name,
                 CASE WHEN issuer_process_name IS NOT NULL THEN issuer_pid END AS issuer_pid
          FROM _disk_numbers)
    GROUP BY GROUPING SETS ((trace_id, family), (trace_id, family, driver_key), (trace_id, family, op_key),
                            (trace_id, family, disk_number), (trace_id, family, issuer_name, issuer_pid))
),
_dimensions AS (
    SELECT trace_id, family, dimension_order, driver_key, op_key, disk_number, issuer_name, issuer_pid, requests,
           measured, incomplete, q, max_ns, mean_ns, ((max_ns::HUGEINT << 64) - slowest_key)::BIGINT AS slowest_irp_id
    FROM _groups
    WHERE dimension_order NOT IN (2, 4)
       OR (dimension_order = 2 AND family = 'driver')
       OR (dimension_order = 4 AND family = 'disk')
)
SELECT g.trace_id,
       g.family,
       CASE g.dimension_order WHEN 1 THEN 'family' WHEN 2 THEN 'driver' WHEN 3 THEN 'major_function' WHEN 4 THEN 'disk'
                              ELSE 'process' END AS dimension,
       CASE g.dimension_order WHEN 1 THEN g.family::VARCHAR WHEN 2 THEN g.driver_key WHEN 3 THEN g.op_key
                              WHEN 4 THEN coalesce('disk ' || g.disk_number, '(unknown)')
                              ELSE coalesce(g.issuer_name || ' (' || g.issuer_pid || ')', '(unknown)') END AS key,
       g.requests,
       g.measured,
       g.incomplete,
       g.q[1] / 1000 AS p50_us,
       g.q[2] / 1000 AS p90_us,
       g.q[3] / 1000 AS p99_us,
       g.max_ns / 1000 AS max_us,
       round(g.mean_ns / 1000, 3) AS mean_us,
       g.slowest_irp_id,
       s.issue_ts / 1000 AS slowest_issue_us
FROM _dimensions g
LEFT JOIN irp s ON s.trace_id = g.trace_id AND s.irp_id = g.slowest_irp_id
ORDER BY g.trace_id, g.family, g.dimension_order, key;
