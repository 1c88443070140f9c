-- dpc_isr_latency: p50/p90/p99/p99.9/max of DPC and ISR durations and of the ISR -> DPC wait, per module and CPU, with the worst span.
--
-- What LatencyMon's "highest execution time" and "interrupt to DPC latency" summarise, as distributions.
-- Three measures: dpc_duration and isr_duration (irql_span.duration_ns of every DPC-class and ISR-class
-- span), and isr_to_dpc: for each DPC the replay paired with the ISR that queued it
-- (irql_span.inferred_isr_span_id; ETW records no link, so the pairing is inferred, see isr_basis), the
-- time from the ISR's end to the DPC's start, under the DPC's module and CPU.
-- Each module has one row per CPU and one row for all its CPUs (cpu NULL).
-- Percentiles are nearest-rank (DuckDB quantile_disc): pNN is the ceil(NN/100 x count)-th smallest value,
-- always a duration that was observed, never interpolated; with few spans the high percentiles are the max.
--
-- Area: irq
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER   only this trace
--   module VARCHAR  only this driver module (case-insensitive), e.g. ndis.sys
--   cpu INTEGER     only this CPU
--   from_us DOUBLE  only spans that started at or after this time (µs since the trace start)
--   to_us DOUBLE    only spans that started at or before this time (µs)
-- Columns:
--   trace_id        the trace
--   measure         dpc_duration | isr_duration | isr_to_dpc (inferred wait from ISR end to DPC start)
--   module          the span's driver module (for isr_to_dpc the DPC's); '(unknown)' when unnamed
--   cpu             the CPU; NULL = all CPUs of the module together
--   count           values measured
--   p50_us          median (µs)
--   p90_us          90th percentile (µs)
--   p99_us          99th percentile (µs)
--   p999_us         99.9th percentile (µs)
--   max_us          the largest (µs)
--   mean_us         average (µs, 3 decimals)
--   worst_span_id   the span with the largest value (for isr_to_dpc: the DPC), irql_span.span_id
--   worst_start_us  when that span started (µs since the trace start)
--   worst_cpu       its CPU
--   worst_process   the process whose thread it interrupted, 'name (pid)'
WITH _spans AS NOT MATERIALIZED (
    SELECT s.trace_id, s.span_id, s.kind, s.cpu, s.duration_ns, s.inferred_isr_to_dpc_ns,
           coalesce(s.module, '(unknown)') AS module
    FROM irql_span s
    -- Parameters are read where they filter: getvariable is a constant when DuckDB plans, so an unset one's
    -- condition disappears (read through a joined one-row CTE it was evaluated for each of 12.7 M spans, 0.6 s).
    WHERE (getvariable('trace')::INTEGER IS NULL OR s.trace_id = getvariable('trace')::INTEGER)
      AND (getvariable('module')::VARCHAR IS NULL OR lower(s.module) = lower(getvariable('module')::VARCHAR))
      AND (getvariable('cpu')::INTEGER IS NULL OR s.cpu = getvariable('cpu')::INTEGER)
      -- Window bounds as whole ns (BIGINT; ceil/floor keep the rows a DOUBLE comparison keeps, clamped to
      -- BIGINT's range): against a DOUBLE, DuckDB casts every ts and cannot skip row groups by min/max.
      AND (getvariable('from_us')::DOUBLE IS NULL OR s.start_ts >= CAST(ceil(least(greatest(getvariable('from_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
      AND (getvariable('to_us')::DOUBLE IS NULL OR s.start_ts <= CAST(floor(least(greatest(getvariable('to_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
),
-- Each value with its measure as a number (0 dpc_duration, 1 isr_duration, 2 isr_to_dpc: grouping on it
-- costs less than on the name, which the result spells out). The ISR-to-DPC wait is on the DPC's row
-- (irql_span.inferred_isr_to_dpc_ns, the replay's start_ts - ISR end_ts), not joined from the ISR's.
_values AS NOT MATERIALIZED (
    SELECT trace_id, CASE WHEN kind LIKE 'ISR%' THEN 1 ELSE 0 END AS measure, module, cpu, span_id,
           duration_ns AS value_ns
    FROM _spans
    UNION ALL
    SELECT trace_id, 2, module, cpu, span_id, inferred_isr_to_dpc_ns
    FROM _spans
    WHERE inferred_isr_to_dpc_ns IS NOT NULL
),
_stats AS (
    SELECT trace_id, measure, module, cpu,
           count(*) AS n,
           quantile_disc(value_ns, [0.5, 0.9, 0.99, 0.999]) AS q,
           max(value_ns) AS max_ns,
           avg(value_ns) AS mean_ns,
           -- The largest, among equals the first: the largest value_ns * 2^64 - span_id, exact in a HUGEINT (two
           -- BIGINT span ids differ by less than 2^64, so the value decides before the id does). It costs 0.7 of
           -- the report's 2.1 CPU seconds on 12.7 M spans; arg_max with a key [value_ns, -span_id], a STRUCT key,
           -- or a second look at the spans holding their group's largest value (many, where durations repeat)
           -- cost more.
           max((value_ns::HUGEINT << 64) - span_id) AS worst_key
    FROM _values
    GROUP BY GROUPING SETS ((trace_id, measure, module, cpu), (trace_id, measure, module))
)
SELECT st.trace_id,
       CASE st.measure WHEN 0 THEN 'dpc_duration' WHEN 1 THEN 'isr_duration' ELSE 'isr_to_dpc' END AS measure,
       st.module,
       st.cpu,
       st.n AS count,
       st.q[1] / 1000 AS p50_us,
       st.q[2] / 1000 AS p90_us,
       st.q[3] / 1000 AS p99_us,
       st.q[4] / 1000 AS p999_us,
       st.max_ns / 1000 AS max_us,
       round(st.mean_ns / 1000, 3) AS mean_us,
       w.span_id AS worst_span_id,
       w.start_ts / 1000 AS worst_start_us,
       w.cpu AS worst_cpu,
       w.process_name || ' (' || w.pid || ')' AS worst_process
FROM _stats st
JOIN irql_span w ON w.trace_id = st.trace_id AND w.span_id = ((st.max_ns::HUGEINT << 64) - st.worst_key)::BIGINT
ORDER BY st.trace_id,
         st.measure,
         st.module, st.cpu NULLS FIRST;
