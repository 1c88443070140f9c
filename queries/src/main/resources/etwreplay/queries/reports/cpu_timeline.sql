-- cpu_timeline: Per CPU, in time order: which thread and process (and so which page tables) were current, the ISR/DPC spans over them, completions and hazards.
--
-- Everything the replay knows about a stretch of time, to read a moment like a trace viewer shows it:
-- the thread intervals of cpu_context (with the CR3 loaded, and how sure that is), the ISR/DPC spans of
-- irql_span nested above them (depth), and as instants the request completions (irp) and hazards
-- (hazard) that happened on the CPU. Rows overlapping the window [from_us, to_us] are listed whole, not
-- clipped; without a window, the whole trace.
--
-- Area: ctx
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER    only this trace
--   cpu INTEGER      only this CPU
--   process VARCHAR  only rows whose current process is this image name (case-insensitive)
--   from_us DOUBLE   window start (µs since the trace start)
--   to_us DOUBLE     window end (µs)
-- Columns:
--   trace_id      the trace
--   cpu           the CPU
--   start_us      when it began (µs since the trace start; negative when before the trace)
--   end_us        when it ended (µs); equal to start_us for an instant
--   duration_us   end - start (µs)
--   level         thread (a cpu_context interval) | span (an ISR/DPC) | completion (a request completed) |
--                 hazard (see the hazards report)
--   depth         0 = thread level, 1 = a span directly over the thread, 2 = a span nested in that ...;
--                 instants take the depth of the innermost span they happened in, else 0
--   irql          IRQL: a span's; a completion's; thread level 0 (PASSIVE_LEVEL, assumed); NULL when unknown
--   what          the thread 'name (pid) tid N', the span 'DPC storport.sys!Routine', the request 'disk Read irp 2
--                 (foreign)', the hazard kind
--   process       the process current on the CPU, 'name (pid)': whose address space was loaded
--   dtb           that process's DirectoryTableBase (the CR3 loaded); thread rows only
--   confidence    exact | inferred | approximate | unknown: how sure the current thread is
--   ref_id        the row's id in its table: irql_span.span_id, irp.irp_id, hazard.hazard_id; NULL for threads
--   note          how the thread became current (cpu_context.source), a span's anomaly, a completion's status
WITH _rows AS (
    SELECT trace_id, cpu, start_ts, end_ts, 0 AS level_order, 'thread' AS level, 0 AS depth, 0 AS irql,
           process_name || ' (' || pid || ') tid ' || tid AS what, process_name, pid,
           directory_table_base AS dtb, confidence, NULL::BIGINT AS ref_id, 0 AS sort_ref, source AS note
    FROM cpu_context
    UNION ALL
    SELECT trace_id, cpu, start_ts, end_ts, 1, 'span', depth + 1, irql,
           kind || ' ' || coalesce(routine_symbol, module, addr(routine)), process_name, pid,
           NULL, context_confidence, span_id, span_id,
           concat_ws('; ', anomaly, CASE WHEN starts_before_trace THEN 'began before the trace' END)
    FROM irql_span
    UNION ALL
    SELECT i.trace_id, i.complete_cpu, i.complete_ts, i.complete_ts, 2, 'completion',
           coalesce(s.depth + 1, 0), i.completion_irql,
           i.family || ' ' || coalesce(i.op, '?') || ' irp ' || i.irp_id
               || CASE WHEN i.foreign_context THEN ' (foreign: issued by ' || i.issuer_process_name || ')' ELSE '' END,
           i.completion_process_name, i.completion_pid, NULL, i.context_confidence, i.irp_id, i.irp_id, i.status
    FROM irp i
    LEFT JOIN irql_span s ON s.trace_id = i.trace_id AND s.span_id = i.completion_span_id
    WHERE i.complete_ts IS NOT NULL AND i.complete_cpu IS NOT NULL
    UNION ALL
    SELECT h.trace_id, h.cpu, h.ts, h.ts, 3, 'hazard', coalesce(s.depth + 1, 0), h.irql, h.kind,
           h.process_name, h.pid, NULL, NULL, h.hazard_id, h.hazard_id, h.address_class
    FROM hazard h
    LEFT JOIN irql_span s ON s.trace_id = h.trace_id AND s.span_id = h.span_id
    WHERE h.cpu IS NOT NULL
)
SELECT r.trace_id,
       r.cpu,
       r.start_ts / 1000 AS start_us,
       r.end_ts / 1000 AS end_us,
       (r.end_ts - r.start_ts) / 1000 AS duration_us,
       r.level,
       r.depth,
       r.irql,
       r.what,
       r.process_name || ' (' || r.pid || ')' AS process,
       r.dtb,
       -- Read as VARCHAR, the type of the other text columns: a client reads an ENUM value more slowly (the
       -- JDBC driver: 1.4 s against 1.1 s for this column's 3.3 M values on the 6.15 M-event trace). The same
       -- text.
       r.confidence::VARCHAR AS confidence,
       r.ref_id,
       nullif(r.note, '') AS note
FROM _rows r
-- Parameters are read where they filter: getvariable is a constant when DuckDB plans, so an unset one's
-- condition disappears (read through a joined one-row CTE it was evaluated for every row scanned).
WHERE (getvariable('trace')::INTEGER IS NULL OR r.trace_id = getvariable('trace')::INTEGER)
  AND (getvariable('cpu')::INTEGER IS NULL OR r.cpu = getvariable('cpu')::INTEGER)
  AND (getvariable('process')::VARCHAR IS NULL OR lower(r.process_name) = lower(getvariable('process')::VARCHAR))
  -- Window bounds as whole ns (BIGINT; ceil/floor keep the rows a DOUBLE comparison keeps, clamped to
  -- BIGINT's range): against a DOUBLE, DuckDB casts every ts and cannot skip row groups by min/max.
  AND (getvariable('from_us')::DOUBLE IS NULL OR r.end_ts >= CAST(ceil(least(greatest(getvariable('from_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
  AND (getvariable('to_us')::DOUBLE IS NULL OR r.start_ts <= CAST(floor(least(greatest(getvariable('to_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
ORDER BY r.trace_id, r.cpu, r.start_ts, r.level_order, r.depth, r.sort_ref;
