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
WITH
-- Bucket k of xperf's histogram: (lower_ns, upper_ns]; bucket 0 also takes 0.
_buckets AS (
    SELECT k, CASE WHEN k = 0 THEN 0 ELSE 1000 * (1::BIGINT << (k - 1)) END AS lower_ns,
           1000 * (1::BIGINT << k) AS upper_ns
    FROM range(0, 48) r(k)
),
-- Spans counted per kind, module and bucket in one pass over irql_span; the class, '(unknown)' and the
-- all-modules histogram are then sums over these few groups (exact: counts add up). Counting per span into
-- (class, module) and '(all modules)' rows and joining the spans to the buckets took 2-2.5 s on 12.7 M spans.
_kind_counts AS (
    SELECT s.trace_id, s.kind, s.module,
           -- The bucket by arithmetic: the edges are 1000 * 2^k ns, log2 of an exact power of two is exact, and
           -- 1 ns above an edge stays above it in log2 for any duration under ~6 days. A negative duration
           -- (an anomaly) counts in bucket 0, as 0 does.
           CASE WHEN s.duration_ns <= 1000 THEN 0 ELSE ceil(log2(s.duration_ns / 1000.0))::INTEGER END AS k,
           count(*) AS n
    FROM irql_span s
    -- Parameters are read where they filter: getvariable is a constant when DuckDB plans, so an unset one's
    -- condition disappears (read through a joined one-row CTE it was evaluated for every row scanned).
    WHERE (getvariable('trace')::INTEGER IS NULL OR s.trace_id = getvariable('trace')::INTEGER)
      AND (getvariable('module')::VARCHAR IS NULL OR lower(s.module) = lower(getvariable('module')::VARCHAR))
      AND (getvariable('cpu')::INTEGER IS NULL OR s.cpu = getvariable('cpu')::INTEGER)
      -- Window bounds as whole ns (BIGINT; ceil/floor keep the rows a DOUBLE comparison keeps, clamped to
      -- BIGINT's range): against a DOUBLE, DuckDB casts every ts and cannot skip row groups by min/max.
      AND (getvariable('from_us')::DOUBLE IS NULL OR s.start_ts >= CAST(ceil(least(greatest(getvariable('from_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
      AND (getvariable('to_us')::DOUBLE IS NULL OR s.start_ts <= CAST(floor(least(greatest(getvariable('to_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
    GROUP BY s.trace_id, s.kind, s.module, k
),
_module_counts AS (
    SELECT trace_id, CASE WHEN kind LIKE 'ISR%' THEN 'ISR' ELSE 'DPC' END AS class,
           coalesce(module, '(unknown)') AS module, k, sum(n)::BIGINT AS n
    FROM _kind_counts
    GROUP BY trace_id, class, coalesce(module, '(unknown)'), k
),
-- Each bucket once under its module and once under '(all modules)'.
_cells AS (
    SELECT trace_id, class, module, k, n
    FROM _module_counts
    UNION ALL
    SELECT trace_id, class, '(all modules)', k, sum(n)::BIGINT
    FROM _module_counts
    GROUP BY trace_id, class, k
),
_groups AS (
    SELECT trace_id, class, module, sum(n)::BIGINT AS total, max(k) AS max_k
    FROM _cells
    GROUP BY trace_id, class, module
),
_counts AS (
    SELECT g.trace_id, g.class, g.module, g.total, b.k, b.lower_ns, b.upper_ns, coalesce(c.n, 0) AS n
    FROM _groups g
    JOIN _buckets b ON b.k <= g.max_k
    LEFT JOIN _cells c ON c.trace_id = g.trace_id AND c.class = g.class AND c.module = g.module AND c.k = b.k
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
