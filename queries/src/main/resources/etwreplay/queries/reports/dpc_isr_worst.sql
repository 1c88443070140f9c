-- dpc_isr_worst: The longest individual DPC and ISR spans, with when, where and over which process they ran.
--
-- The spans behind dpc_isr_latency's maxima: for each trace, the `top` longest DPC-class spans and the
-- `top` longest ISR-class spans (default 20 each), longest first, with their timestamps, CPU, IRQL,
-- nesting, the thread they interrupted, and for a DPC the inferred wait since the ISR that queued it.
--
-- Area: irq
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER   only this trace
--   module VARCHAR  only this driver module (case-insensitive)
--   cpu INTEGER     only this CPU
--   min_us DOUBLE   only spans that ran at least this long (µs)
--   top INTEGER     how many spans of each class per trace (default 20)
--   from_us DOUBLE  only spans that started at or after this time (µs since the trace start)
--   to_us DOUBLE    only spans that started at or before this time (µs)
-- Columns:
--   trace_id        the trace
--   class           DPC | ISR
--   rank            1 = the longest of its class in the trace
--   span_id         irql_span.span_id
--   kind            DPC | TimerDPC | ThreadedDPC | IOTimer | ISR | ISR-MSI | ISR-PASS
--   module          driver module, '(unknown)' when unnamed
--   routine_symbol  the routine as the trace names it, e.g. storport.sys!RaidpAdapterDpcRoutine
--   cpu             the CPU
--   start_us        entry (µs since the trace start; negative when it began before the trace)
--   end_us          exit (µs)
--   duration_us     how long it ran (µs)
--   irql            its IRQL (NULL when unknown, e.g. an x86 ISR)
--   depth           0 = directly over a thread, 1 = nested in another span ...
--   parent_span_id  the span it interrupted, NULL at thread level
--   isr_to_dpc_us   DPC: inferred wait since the end of its ISR (µs); NULL for ISRs and DPCs without one
--   isr_span_id     DPC: the ISR inferred to have queued it
--   process         the process whose thread it interrupted, 'name (pid) tid N'
--   context_confidence  exact | inferred | approximate | unknown: how sure that process is
--   anomaly         why the span cannot be what it seems (irql_span.anomaly), else NULL
WITH _p AS (
    SELECT getvariable('trace')::INTEGER AS trace_id,
           getvariable('module')::VARCHAR AS module,
           getvariable('cpu')::INTEGER AS cpu,
           getvariable('min_us')::DOUBLE AS min_us,
           coalesce(getvariable('top')::INTEGER, 20) AS top
),
-- The top spans per trace and class by a top-n aggregate over two columns (ties: lower span_id first, as
-- ORDER BY duration DESC, span_id would rank them); the other columns are joined to the winners only. A
-- row_number() window sorting every span took 6.5-7.8 s on a 61.5 M-event database, this about 0.5 s.
_top AS (
    SELECT s.trace_id, CASE WHEN s.kind LIKE 'ISR%' THEN 'ISR' ELSE 'DPC' END AS class, _p.top,
           arg_max(s.span_id, [s.duration_ns, -s.span_id], greatest(_p.top, 1)) AS span_ids
    FROM irql_span s
    CROSS JOIN _p
    WHERE (_p.trace_id IS NULL OR s.trace_id = _p.trace_id)
      AND (_p.module IS NULL OR lower(s.module) = lower(_p.module))
      AND (_p.cpu IS NULL OR s.cpu = _p.cpu)
      AND (_p.min_us IS NULL OR s.duration_ns >= _p.min_us * 1000)
      -- Window bounds as whole ns (BIGINT; ceil/floor keep the rows a DOUBLE comparison keeps, clamped to
      -- BIGINT's range): against a DOUBLE, DuckDB casts every ts and cannot skip row groups by min/max.
      AND (getvariable('from_us')::DOUBLE IS NULL OR s.start_ts >= CAST(ceil(least(greatest(getvariable('from_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
      AND (getvariable('to_us')::DOUBLE IS NULL OR s.start_ts <= CAST(floor(least(greatest(getvariable('to_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
    GROUP BY s.trace_id, class, _p.top
),
_rank AS (
    SELECT trace_id, class, top, unnest(span_ids) AS span_id, generate_subscripts(span_ids, 1) AS rank
    FROM _top
),
_ranked AS (
    SELECT k.class, k.rank, k.top, s.trace_id, s.span_id, s.kind, s.module, s.routine_symbol, s.cpu, s.start_ts,
           s.end_ts, s.duration_ns, s.irql, s.depth, s.parent_span_id, s.inferred_isr_span_id, s.tid, s.pid,
           s.process_name, s.context_confidence, s.anomaly
    FROM _rank k
    JOIN irql_span s ON s.trace_id = k.trace_id AND s.span_id = k.span_id
    WHERE k.rank <= k.top
)
SELECT r.trace_id,
       r.class,
       r.rank,
       r.span_id,
       r.kind,
       coalesce(r.module, '(unknown)') AS module,
       r.routine_symbol,
       r.cpu,
       r.start_ts / 1000 AS start_us,
       r.end_ts / 1000 AS end_us,
       r.duration_ns / 1000 AS duration_us,
       r.irql,
       r.depth,
       r.parent_span_id,
       (r.start_ts - i.end_ts) / 1000 AS isr_to_dpc_us,
       r.inferred_isr_span_id AS isr_span_id,
       r.process_name || ' (' || r.pid || ') tid ' || r.tid AS process,
       r.context_confidence,
       r.anomaly
FROM _ranked r
LEFT JOIN irql_span i ON i.trace_id = r.trace_id AND i.span_id = r.inferred_isr_span_id
WHERE r.rank <= r.top
ORDER BY r.trace_id, CASE r.class WHEN 'DPC' THEN 0 ELSE 1 END, r.rank;
