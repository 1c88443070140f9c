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
WITH _p AS (
    SELECT getvariable('trace')::INTEGER AS trace_id,
           getvariable('module')::VARCHAR AS module,
           getvariable('cpu')::INTEGER AS cpu,
           getvariable('from_us')::DOUBLE AS from_us,
           getvariable('to_us')::DOUBLE AS to_us
),
_spans AS (
    SELECT s.trace_id, s.span_id, s.kind, s.cpu, s.start_ts, s.duration_ns, s.inferred_isr_span_id,
           coalesce(s.module, '(unknown)') AS module
    FROM irql_span s
    CROSS JOIN _p
    WHERE (_p.trace_id IS NULL OR s.trace_id = _p.trace_id)
      AND (_p.module IS NULL OR lower(s.module) = lower(_p.module))
      AND (_p.cpu IS NULL OR s.cpu = _p.cpu)
      AND (_p.from_us IS NULL OR s.start_ts >= _p.from_us * 1000)
      AND (_p.to_us IS NULL OR s.start_ts <= _p.to_us * 1000)
),
_values AS (
    SELECT trace_id, CASE WHEN kind LIKE 'ISR%' THEN 'isr_duration' ELSE 'dpc_duration' END AS measure,
           module, cpu, span_id, duration_ns AS value_ns
    FROM _spans
    UNION ALL
    SELECT d.trace_id, 'isr_to_dpc', d.module, d.cpu, d.span_id, d.start_ts - i.end_ts
    FROM _spans d
    JOIN irql_span i ON i.trace_id = d.trace_id AND i.span_id = d.inferred_isr_span_id
),
_stats AS (
    SELECT trace_id, measure, module, cpu,
           count(*) AS n,
           quantile_disc(value_ns, [0.5, 0.9, 0.99, 0.999]) AS q,
           max(value_ns) AS max_ns,
           avg(value_ns) AS mean_ns,
           arg_max(span_id, [value_ns, -span_id]) AS worst_span_id  -- among equals, the first
    FROM _values
    GROUP BY GROUPING SETS ((trace_id, measure, module, cpu), (trace_id, measure, module))
)
SELECT st.trace_id,
       st.measure,
       st.module,
       st.cpu,
       st.n AS count,
       st.q[1] / 1000 AS p50_us,
       st.q[2] / 1000 AS p90_us,
       st.q[3] / 1000 AS p99_us,
       st.q[4] / 1000 AS p999_us,
       st.max_ns / 1000 AS max_us,
       round(st.mean_ns / 1000, 3) AS mean_us,
       st.worst_span_id,
       w.start_ts / 1000 AS worst_start_us,
       w.cpu AS worst_cpu,
       w.process_name || ' (' || w.pid || ')' AS worst_process
FROM _stats st
JOIN irql_span w ON w.trace_id = st.trace_id AND w.span_id = st.worst_span_id
ORDER BY st.trace_id,
         CASE st.measure WHEN 'dpc_duration' THEN 0 WHEN 'isr_duration' THEN 1 ELSE 2 END,
         st.module, st.cpu NULLS FIRST;
