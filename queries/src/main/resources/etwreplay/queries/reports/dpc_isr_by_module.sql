-- dpc_isr_by_module: DPC and ISR time per driver module (optionally per CPU): count, total, longest, and xperf's log2 histogram.
--
-- Which drivers spend the time at raised IRQL, and how it is spread: the numbers of `xperf -a dpcisr`'s
-- "CPU Usage Summing By Module" and per-module histograms (dpc_isr_xperf prints them in its layout;
-- dpc_isr_histogram has one row per bucket). Every ISR/DPC span counts, including spans nested in
-- another and spans the replay flagged (irql_span.anomaly): they all ran. A DPC's time includes the ISRs
-- that interrupted it, as its own ElapsedTime does.
-- Histogram edges are those of xperf: (0, 1] µs, (1, 2], (2, 4], (4, 8] ... each bucket k > 0 holds
-- durations d with 2^(k-1) < d <= 2^k µs; a span of 0 µs is counted in the first bucket, so the buckets
-- always add up to the count.
--
-- Area: irq
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER    only this trace
--   module VARCHAR   only this driver module (case-insensitive), e.g. storport.sys
--   cpu INTEGER      only spans on this CPU
--   per_cpu BOOLEAN  true: one row per module and CPU (default: all CPUs together)
--   from_us DOUBLE   only spans that started at or after this time (µs since the trace start)
--   to_us DOUBLE     only spans that started at or before this time (µs)
-- Columns:
--   trace_id          the trace
--   class             DPC (kinds DPC, TimerDPC, ThreadedDPC, IOTimer) | ISR (ISR, ISR-MSI, ISR-PASS)
--   module            the routine's driver module (irql_span.module); '(unknown)' when no image or symbol names it
--   cpu               the CPU, with per_cpu; NULL = all CPUs together
--   count             spans
--   count_pct         share of the class's spans in the trace (%, 2 decimals)
--   total_us          time in those spans (µs)
--   mean_us           average duration (µs, 3 decimals)
--   max_us            the longest (µs)
--   usage_pct         total_us as a share of the CPU time available: trace duration x CPUs of the trace, or x 1
--                     with per_cpu (%, 4 decimals); xperf's "CPU Usage" %
--   longest_span_id   the longest span (irql_span.span_id)
--   longest_start_us  when it started (µs)
--   histogram         the log2 histogram as 'upper edge µs:count' pairs, from (0, 1] up to the longest's bucket,
--                     e.g. '1:0 2:3 4:1' = none <= 1 µs, 3 in (1, 2] µs, 1 in (2, 4] µs
WITH
-- Bucket k of xperf's histogram: (lower_ns, upper_ns]; bucket 0 also takes 0.
_buckets AS (
    SELECT k, CASE WHEN k = 0 THEN 0 ELSE 1000 * (1::BIGINT << (k - 1)) END AS lower_ns,
           1000 * (1::BIGINT << k) AS upper_ns
    FROM range(0, 48) r(k)
),
_spans AS (
    SELECT s.trace_id, s.kind, s.module, s.span_id, greatest(s.duration_ns, 0) AS duration_ns,
           CASE WHEN coalesce(getvariable('per_cpu')::BOOLEAN, false) THEN s.cpu END AS cpu
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
),
-- One pass over the spans into cells of (kind, module, cpu, bucket); the groups, their histograms and the
-- class and '(unknown)' names then come from these few cells (counts, totals and maxima add up exactly, and a
-- group's longest span is the longest of its cells' longest). Joining every span to its bucket and back to
-- its group took 1.8-3.1 s on 12.7 M spans.
_cells AS (
    SELECT trace_id, kind, module, cpu,
           -- The bucket by arithmetic: the edges are 1000 * 2^k ns, log2 of an exact power of two is exact, and
           -- 1 ns above an edge stays above it in log2 for any duration under ~6 days.
           CASE WHEN duration_ns <= 1000 THEN 0 ELSE ceil(log2(duration_ns / 1000.0))::INTEGER END AS k,
           count(*) AS n, sum(duration_ns) AS total_ns, max(duration_ns) AS max_ns,
           arg_max(span_id, [duration_ns, -span_id]) AS longest_span_id  -- among equals, the first
    FROM _spans
    GROUP BY trace_id, kind, module, cpu, k
),
_class_cells AS (
    SELECT trace_id, CASE WHEN kind LIKE 'ISR%' THEN 'ISR' ELSE 'DPC' END AS class,
           coalesce(module, '(unknown)') AS module, cpu, k, n, total_ns, max_ns, longest_span_id
    FROM _cells
),
_groups AS (
    SELECT trace_id, class, module, cpu,
           sum(n)::BIGINT AS n,
           sum(total_ns) AS total_ns,
           max(max_ns) AS max_ns,
           arg_max(longest_span_id, [max_ns, -longest_span_id]) AS longest_span_id,
           max(k) AS max_k
    FROM _class_cells
    GROUP BY trace_id, class, module, cpu
),
_bucket_counts AS (
    SELECT g.trace_id, g.class, g.module, g.cpu, b.k, b.upper_ns, coalesce(c.n, 0) AS n
    FROM _groups g
    JOIN _buckets b ON b.k <= g.max_k
    LEFT JOIN (SELECT trace_id, class, module, cpu, k, sum(n)::BIGINT AS n
               FROM _class_cells
               GROUP BY trace_id, class, module, cpu, k) c
           ON c.trace_id = g.trace_id AND c.class = g.class AND c.module = g.module AND c.cpu IS NOT DISTINCT FROM g.cpu
          AND c.k = b.k
),
_histograms AS (
    SELECT trace_id, class, module, cpu,
           string_agg((upper_ns // 1000) || ':' || n, ' ' ORDER BY k) AS histogram
    FROM _bucket_counts
    GROUP BY trace_id, class, module, cpu
)
SELECT g.trace_id,
       g.class,
       g.module,
       g.cpu,
       g.n AS count,
       round(100.0 * g.n / sum(g.n) OVER (PARTITION BY g.trace_id, g.class), 2) AS count_pct,
       g.total_ns / 1000 AS total_us,
       round(g.total_ns / g.n / 1000, 3) AS mean_us,
       g.max_ns / 1000 AS max_us,
       round(100.0 * g.total_ns / (nullif(t.duration_ns, 0) * CASE WHEN g.cpu IS NULL THEN coalesce(t.cpu_count, 1) ELSE 1 END), 4)
           AS usage_pct,
       g.longest_span_id,
       l.start_ts / 1000 AS longest_start_us,
       h.histogram
FROM _groups g
JOIN trace t ON t.trace_id = g.trace_id
JOIN irql_span l ON l.trace_id = g.trace_id AND l.span_id = g.longest_span_id
JOIN _histograms h ON h.trace_id = g.trace_id AND h.class = g.class AND h.module = g.module
                  AND h.cpu IS NOT DISTINCT FROM g.cpu
ORDER BY g.trace_id, CASE g.class WHEN 'DPC' THEN 0 ELSE 1 END, g.module, g.cpu;
