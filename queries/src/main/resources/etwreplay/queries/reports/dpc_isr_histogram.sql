-- dpc_isr_histogram: DPC and ISR durations in xperf's log2 buckets (> 0 and <= 1 µs, 1-2, 2-4 ...), for all modules and per module.
--
-- The histograms of `xperf -a dpcisr`, one row per bucket: first the class's histogram over all modules
-- ("Total = N"), then one per module ("Total = N for module X"). As in xperf, a histogram lists the
-- buckets from the first up to the one holding its longest span, empty buckets in between included.
-- Bucket k holds durations d with 2^(k-1) < d <= 2^k µs (k > 0); bucket 0 holds 0 <= d <= 1 µs, so the
-- buckets always add up to the total. Every ISR/DPC span counts (see dpc_isr_by_module).
--
-- Area: irq
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER   only this trace
--   module VARCHAR  only this driver module (case-insensitive); the all-modules rows then cover just it
--   cpu INTEGER     only spans on this CPU
--   from_us DOUBLE  only spans that started at or after this time (µs since the trace start)
--   to_us DOUBLE    only spans that started at or before this time (µs)
-- Columns:
--   trace_id   the trace
--   class      DPC | ISR (as in dpc_isr_by_module)
--   module     the driver module, '(all modules)' for the class's overall histogram, '(unknown)' when unnamed
--   total      spans in this histogram
--   bucket     bucket number k, from 0
--   lower_us   lower edge (exclusive; bucket 0 includes 0)
--   upper_us   upper edge (inclusive) = 2^k µs
--   label      the bucket as xperf prints it, e.g. '> 1 usecs AND <= 2 usecs'
--   count      spans in the bucket
--   pct        count as a share of total (%, 2 decimals, as xperf)
--   cumulative_pct  share of spans at or below the upper edge (%, 2 decimals)
WITH _p AS (
    SELECT getvariable('trace')::INTEGER AS trace_id,
           getvariable('module')::VARCHAR AS module,
           getvariable('cpu')::INTEGER AS cpu,
           getvariable('from_us')::DOUBLE AS from_us,
           getvariable('to_us')::DOUBLE AS to_us
),
-- Bucket k of xperf's histogram: (lower_ns, upper_ns]; bucket 0 also takes 0.
_buckets AS (
    SELECT k, CASE WHEN k = 0 THEN 0 ELSE 1000 * (1::BIGINT << (k - 1)) END AS lower_ns,
           1000 * (1::BIGINT << k) AS upper_ns
    FROM range(0, 48) r(k)
),
_spans AS (
    SELECT s.trace_id,
           CASE WHEN s.kind LIKE 'ISR%' THEN 'ISR' ELSE 'DPC' END AS class,
           coalesce(s.module, '(unknown)') AS module,
           s.span_id, greatest(s.duration_ns, 0) AS duration_ns
    FROM irql_span s
    CROSS JOIN _p
    WHERE (_p.trace_id IS NULL OR s.trace_id = _p.trace_id)
      AND (_p.module IS NULL OR lower(s.module) = lower(_p.module))
      AND (_p.cpu IS NULL OR s.cpu = _p.cpu)
      AND (_p.from_us IS NULL OR s.start_ts >= _p.from_us * 1000)
      AND (_p.to_us IS NULL OR s.start_ts <= _p.to_us * 1000)
),
-- Each span once under its module and once under '(all modules)'.
_bucketed AS (
    SELECT sp.trace_id, sp.class, m.module, sp.span_id, b.k
    FROM _spans sp
    CROSS JOIN LATERAL (SELECT sp.module UNION ALL SELECT '(all modules)') m(module)
    -- The bucket by arithmetic: an equality, which DuckDB hash-joins (the range condition k = 0 OR lower_ns <
    -- duration <= upper_ns made a nested-loop join, 3.5 s a pass over 12.7 M spans). Same buckets: the edges
    -- are 1000 * 2^k ns, log2 of an exact power of two is exact, and 1 ns above an edge stays above it in
    -- log2 for any duration under ~6 days.
    JOIN _buckets b ON b.k = CASE WHEN sp.duration_ns <= 1000 THEN 0 ELSE ceil(log2(sp.duration_ns / 1000.0))::INTEGER END
),
_groups AS (
    SELECT trace_id, class, module, count(*) AS total, max(k) AS max_k
    FROM _bucketed
    GROUP BY trace_id, class, module
),
_counts AS (
    SELECT g.trace_id, g.class, g.module, g.total, b.k, b.lower_ns, b.upper_ns, count(x.span_id) AS n
    FROM _groups g
    JOIN _buckets b ON b.k <= g.max_k
    LEFT JOIN _bucketed x ON x.trace_id = g.trace_id AND x.class = g.class AND x.module = g.module AND x.k = b.k
    GROUP BY g.trace_id, g.class, g.module, g.total, b.k, b.lower_ns, b.upper_ns
)
SELECT trace_id,
       class,
       module,
       total,
       k AS bucket,
       lower_ns // 1000 AS lower_us,
       upper_ns // 1000 AS upper_us,
       '> ' || (lower_ns // 1000) || ' usecs AND <= ' || (upper_ns // 1000) || ' usecs' AS label,
       n AS count,
       round(100.0 * n / total, 2) AS pct,
       round(100.0 * sum(n) OVER (PARTITION BY trace_id, class, module ORDER BY k) / total, 2) AS cumulative_pct
FROM _counts
ORDER BY trace_id, CASE class WHEN 'DPC' THEN 0 ELSE 1 END, module <> '(all modules)', module, bucket;
