-- trace_summary: What each trace holds: source, machine model, duration, CPUs, events per table, losses, anomalies.
--
-- The first report to read: it says whether the trace can answer the question at all. A trace without
-- cswitch rows has only an approximate, sampled context; one without dpc/isr rows has no ISR/DPC spans
-- (dpc_isr_samples still shows deferred work if the CPU was sampled); lost events leave gaps.
-- One row per fact, in sections, so that it reads as a page in any output format.
--
-- Area: trace
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER  only this trace (trace.trace_id)
-- Columns:
--   trace_id  the trace
--   section   trace (the file and its header) | machine (the model it was replayed against, inferred from the
--             trace or given by --machine, and why) | events (rows per
--             raw event table, zeros included) | derived (what the replay found) | loss (as the recording
--             session reported it) | anomalies (trace_stat, by severity)
--   item      what the row is about: a property, a table, a severity
--   value     its value, as text
--   note      what it means for the results, when that matters; else NULL
WITH _p AS (
    SELECT getvariable('trace')::INTEGER AS trace_id
),
_traces AS (
    SELECT t.trace_id, t.file_name, t.format, t.os_version, t.os_build, t.pointer_size, t.cpu_count, t.clock,
           t.clock_frequency, t.start_time, t.duration_ns, t.event_count, t.events_lost, t.buffers_lost
    FROM trace t, _p
    WHERE _p.trace_id IS NULL OR t.trace_id = _p.trace_id
),
_facts AS (
    SELECT trace_id, 1 AS section_order, 'trace' AS section, 1 AS item_order, 'file' AS item,
           file_name AS value, NULL AS note
    FROM _traces
    UNION ALL
    SELECT trace_id, 1, 'trace', 2, 'format', format, NULL FROM _traces
    UNION ALL
    SELECT trace_id, 1, 'trace', 3, 'os', os_version || coalesce(' (build ' || os_build || ')', ''), NULL
    FROM _traces
    UNION ALL
    SELECT trace_id, 1, 'trace', 4, 'pointer_size', pointer_size || ' bytes',
           CASE pointer_size WHEN 4 THEN '32-bit Windows' WHEN 8 THEN '64-bit Windows' END
    FROM _traces
    UNION ALL
    SELECT trace_id, 1, 'trace', 5, 'cpus', cpu_count::VARCHAR, NULL FROM _traces
    UNION ALL
    SELECT trace_id, 1, 'trace', 6, 'clock', clock || coalesce(' at ' || clock_frequency || ' Hz', ''), NULL
    FROM _traces
    UNION ALL
    SELECT trace_id, 1, 'trace', 7, 'start_time', strftime(start_time, '%Y-%m-%d %H:%M:%S.%f') || ' UTC', NULL
    FROM _traces
    UNION ALL
    SELECT trace_id, 1, 'trace', 8, 'duration_ms', (duration_ns / 1e6)::VARCHAR, NULL FROM _traces
    UNION ALL
    SELECT trace_id, 1, 'trace', 9, 'events', event_count::VARCHAR, 'rows written to the event tables'
    FROM _traces
    UNION ALL
    SELECT m.trace_id, 2, 'machine', 1, 'model', m.name || ' (' || m.source || ')', m.basis
    FROM machine m JOIN _traces USING (trace_id)
    UNION ALL
    SELECT m.trace_id, 2, 'machine', 2, 'user_space', addr(m.lowest_user_address) || ' .. ' || addr(m.highest_user_address),
           'MmHighestUserAddress; system range from ' || addr(m.system_range_start)
    FROM machine m JOIN _traces USING (trace_id)
    UNION ALL
    SELECT t.trace_id, 2, 'machine', 1, 'model', NULL,
           'not replayed: the derived tables hold nothing for this trace (etwreplay replay)'
    FROM _traces t
    WHERE t.trace_id NOT IN (SELECT trace_id FROM machine)
    UNION ALL
    SELECT t.trace_id, 4, 'derived', 1, 'context', coalesce(string_agg(DISTINCT c.source, ', ' ORDER BY c.source), 'none'),
           CASE WHEN bool_or(c.source = 'sample')
                THEN 'no CSwitch: who ran where is approximated from SampledProfile samples'
                WHEN count(c.cpu) = 0
                THEN 'no CSwitch and no samples: who ran where is unknown, so foreign_context cannot be judged' END
    FROM _traces t JOIN machine USING (trace_id) LEFT JOIN cpu_context c USING (trace_id)
    GROUP BY t.trace_id
    UNION ALL
    SELECT t.trace_id, 4, 'derived', 2, 'requests', count(i.irp_id)::VARCHAR,
           'irp rows: disk ' || count(i.irp_id) FILTER (i.family = 'disk') || ', file '
           || count(i.irp_id) FILTER (i.family = 'file') || ', driver ' || count(i.irp_id) FILTER (i.family = 'driver')
    FROM _traces t JOIN machine USING (trace_id) LEFT JOIN irp i USING (trace_id)
    GROUP BY t.trace_id
    UNION ALL
    SELECT t.trace_id, 4, 'derived', 3, 'foreign_completions', count(i.irp_id)::VARCHAR,
           'requests completed while another process was current (foreign_completions)'
    FROM _traces t JOIN machine USING (trace_id) LEFT JOIN irp i ON i.trace_id = t.trace_id AND i.foreign_context
    GROUP BY t.trace_id
    UNION ALL
    SELECT t.trace_id, 4, 'derived', 4, 'isr_dpc_spans', count(s.span_id)::VARCHAR,
           'irql_span rows: ISR ' || count(s.span_id) FILTER (s.kind LIKE 'ISR%') || ', DPC '
           || count(s.span_id) FILTER (s.kind NOT LIKE 'ISR%')
    FROM _traces t JOIN machine USING (trace_id) LEFT JOIN irql_span s USING (trace_id)
    GROUP BY t.trace_id
    UNION ALL
    SELECT t.trace_id, 4, 'derived', 5, 'hazards', count(h.hazard_id)::VARCHAR, 'see the hazards report'
    FROM _traces t JOIN machine USING (trace_id) LEFT JOIN hazard h USING (trace_id)
    GROUP BY t.trace_id
    UNION ALL
    SELECT trace_id, 5, 'loss', 1, 'events_lost', coalesce(events_lost, 0)::VARCHAR,
           CASE WHEN events_lost > 0 THEN 'context and request lifetimes may have gaps' END
    FROM _traces
    UNION ALL
    SELECT trace_id, 5, 'loss', 2, 'buffers_lost', coalesce(buffers_lost, 0)::VARCHAR,
           CASE WHEN buffers_lost > 0 THEN 'whole buffers of events are missing' END
    FROM _traces
    UNION ALL
    SELECT s.trace_id, 6, 'anomalies',
           CASE s.severity WHEN 'error' THEN 1 WHEN 'data_loss' THEN 2 ELSE 3 END, s.severity,
           sum(s.count)::VARCHAR, string_agg(s.name || ' ' || s.count, ', ' ORDER BY s.name)
    FROM trace_stat s JOIN _traces USING (trace_id)
    GROUP BY s.trace_id, s.severity
),
-- Raw event tables in the order of schema.sql, with what an empty one means.
_event_tables AS (
    SELECT item_order, item, empty_note FROM (VALUES
        (1, 'process', NULL), (2, 'thread', NULL), (3, 'image', 'no images: modules cannot be named from load ranges'),
        (4, 'cswitch', 'no CSwitch: context comes from samples, approximate, or is unknown'),
        (5, 'ready_thread', NULL), (6, 'dpc', 'no DPC events: no DPC spans (see dpc_isr_samples)'),
        (7, 'isr', 'no ISR events: no ISR spans, ISR -> DPC latency unknown'), (8, 'disk_io', NULL),
        (9, 'file_io', NULL), (10, 'driver_irp', NULL), (11, 'page_fault', NULL),
        (12, 'sample', NULL), (13, 'syscall', NULL), (14, 'stack', NULL), (15, 'generic_event', NULL)
    ) AS v(item_order, item, empty_note)
),
_event_counts AS (
    SELECT trace_id, 'process' AS item, count(*) AS n FROM process GROUP BY trace_id
    UNION ALL SELECT trace_id, 'thread', count(*) FROM thread GROUP BY trace_id
    UNION ALL SELECT trace_id, 'image', count(*) FROM image GROUP BY trace_id
    UNION ALL SELECT trace_id, 'cswitch', count(*) FROM cswitch GROUP BY trace_id
    UNION ALL SELECT trace_id, 'ready_thread', count(*) FROM ready_thread GROUP BY trace_id
    UNION ALL SELECT trace_id, 'dpc', count(*) FROM dpc GROUP BY trace_id
    UNION ALL SELECT trace_id, 'isr', count(*) FROM isr GROUP BY trace_id
    UNION ALL SELECT trace_id, 'disk_io', count(*) FROM disk_io GROUP BY trace_id
    UNION ALL SELECT trace_id, 'file_io', count(*) FROM file_io GROUP BY trace_id
    UNION ALL SELECT trace_id, 'driver_irp', count(*) FROM driver_irp GROUP BY trace_id
    UNION ALL SELECT trace_id, 'page_fault', count(*) FROM page_fault GROUP BY trace_id
    UNION ALL SELECT trace_id, 'sample', count(*) FROM sample GROUP BY trace_id
    UNION ALL SELECT trace_id, 'syscall', count(*) FROM syscall GROUP BY trace_id
    UNION ALL SELECT trace_id, 'stack', count(*) FROM stack GROUP BY trace_id
    UNION ALL SELECT trace_id, 'generic_event', count(*) FROM generic_event GROUP BY trace_id
),
_sample_flags AS (
    SELECT trace_id, count(*) FILTER (executing_dpc) AS dpc_samples, count(*) FILTER (executing_isr) AS isr_samples
    FROM sample
    GROUP BY trace_id
),
_events AS (
    SELECT t.trace_id, 3 AS section_order, 'events' AS section, e.item_order, e.item,
           coalesce(c.n, 0)::VARCHAR AS value,
           CASE WHEN coalesce(c.n, 0) = 0 THEN e.empty_note
                WHEN e.item = 'sample' THEN f.dpc_samples || ' taken in a DPC, ' || f.isr_samples || ' in an ISR' END
               AS note
    FROM _traces t
    CROSS JOIN _event_tables e
    LEFT JOIN _event_counts c ON c.trace_id = t.trace_id AND c.item = e.item
    LEFT JOIN _sample_flags f ON f.trace_id = t.trace_id
)
SELECT trace_id, section, item, value, note
FROM (
    SELECT trace_id, section_order, section, item_order, item, value, note FROM _facts
    UNION ALL
    SELECT trace_id, section_order, section, item_order, item, value, note FROM _events
)
ORDER BY trace_id, section_order, item_order, item;
