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
WITH _p AS (
    SELECT getvariable('trace')::INTEGER AS trace_id,
           getvariable('process')::VARCHAR AS process,
           getvariable('from_us')::DOUBLE AS from_us,
           getvariable('to_us')::DOUBLE AS to_us
),
_requests AS (
    SELECT i.trace_id, i.irp_id, i.family, i.op, i.status, i.issue_ts, i.dispatch_module,
           coalesce(i.latency_ns, CASE WHEN i.status = 'missing_start' THEN i.kernel_elapsed_ns END) AS latency_ns,
           i.issuer_process_name || ' (' || i.issuer_pid || ')' AS process,
           d.disk_number
    FROM irp i
    CROSS JOIN _p
    -- The disk number is on the raw completion event. Every condition is an equality between the two sides
    -- (the family too, through a constant column) so that DuckDB can hash-join: with i.family = 'disk' as a
    -- filter inside a LEFT JOIN's ON it falls back to a nested-loop join, 88 s on 6 M events (bench/RESULTS.md).
    LEFT JOIN (SELECT 'disk' AS family, trace_id, irp, ts, kind, disk_number FROM disk_io) d
           ON d.family = i.family::VARCHAR AND d.trace_id = i.trace_id AND d.irp = i.irp AND d.ts = i.complete_ts
          AND d.kind = i.op::VARCHAR
    WHERE (_p.trace_id IS NULL OR i.trace_id = _p.trace_id)
      AND (_p.process IS NULL OR lower(i.issuer_process_name) = lower(_p.process))
      AND (_p.from_us IS NULL OR coalesce(i.issue_ts, i.complete_ts) >= _p.from_us * 1000)
      AND (_p.to_us IS NULL OR coalesce(i.issue_ts, i.complete_ts) <= _p.to_us * 1000)
),
-- One row per request and dimension that applies to it.
_keyed AS (
    SELECT r.trace_id, r.irp_id, r.family, r.status, r.issue_ts, r.latency_ns, k.dimension_order, k.dimension, k.key
    FROM _requests r
    CROSS JOIN LATERAL (
        SELECT 1, 'family', r.family
        UNION ALL SELECT 2, 'driver', coalesce(r.dispatch_module, '(unknown)') WHERE r.family = 'driver'
        UNION ALL SELECT 3, 'major_function', coalesce(r.op, '(unknown)')
        UNION ALL SELECT 4, 'disk', coalesce('disk ' || r.disk_number, '(unknown)') WHERE r.family = 'disk'
        UNION ALL SELECT 5, 'process', coalesce(r.process, '(unknown)')
    ) k(dimension_order, dimension, key)
)
SELECT trace_id,
       family,
       dimension,
       key,
       count(*) AS requests,
       count(latency_ns) AS measured,
       count(*) FILTER (status <> 'complete') AS incomplete,
       quantile_disc(latency_ns, 0.5) / 1000 AS p50_us,
       quantile_disc(latency_ns, 0.9) / 1000 AS p90_us,
       quantile_disc(latency_ns, 0.99) / 1000 AS p99_us,
       max(latency_ns) / 1000 AS max_us,
       round(avg(latency_ns) / 1000, 3) AS mean_us,
       arg_max(irp_id, [latency_ns, -irp_id]) FILTER (latency_ns IS NOT NULL) AS slowest_irp_id,
       arg_max(issue_ts, [latency_ns, -irp_id]) FILTER (latency_ns IS NOT NULL) / 1000 AS slowest_issue_us
FROM _keyed
GROUP BY trace_id, family, dimension_order, dimension, key
ORDER BY trace_id, family, dimension_order, key;
