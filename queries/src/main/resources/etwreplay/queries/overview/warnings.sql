-- What the anomalies of a trace mean for the results, one row per warning (none when all is well).
-- Columns: trace_id; kind (loss | data_loss | error | order | content); level (warning | note); message.
SELECT trace_id, 'loss' AS kind, 'warning' AS level,
       'the recording lost ' || coalesce(events_lost, 0) || ' events and ' || coalesce(buffers_lost, 0)
       || ' buffers: per-CPU context and request lifetimes may have gaps, and requests unmatched near them'
       || ' are expected' AS message
FROM trace
WHERE (? IS NULL OR trace_id = ?) AND (coalesce(events_lost, 0) > 0 OR coalesce(buffers_lost, 0) > 0)
UNION ALL
SELECT trace_id, 'data_loss', 'warning',
       sum(count) || ' lines or values could not be read (' || string_agg(name, ', ' ORDER BY name)
       || '): counts and sums may be low; see etwreplay info --anomalies'
FROM trace_stat
-- events_lost/buffers_lost (ingest), lossy_trace (replay) and no_kernel_events are said on their own.
WHERE (? IS NULL OR trace_id = ?) AND severity = 'data_loss'
  AND name NOT IN ('events_lost', 'buffers_lost', 'lossy_trace', 'no_kernel_events')
GROUP BY trace_id
UNION ALL
SELECT trace_id, 'error', 'warning',
       sum(count) || ' contradictions in the input (' || string_agg(name, ', ' ORDER BY name)
       || '): results built on them may be wrong'
FROM trace_stat
WHERE (? IS NULL OR trace_id = ?) AND severity = 'error'
GROUP BY trace_id
UNION ALL
SELECT trace_id, 'content', 'warning',
       'the trace holds no kernel events (only the session header and user-mode provider events, kept in'
       || ' generic_event): there is nothing to replay; record with the kernel flags listed in the README'
FROM trace_stat
WHERE (? IS NULL OR trace_id = ?) AND name = 'no_kernel_events'
UNION ALL
SELECT trace_id, 'order', 'note',
       count || ' events arrived out of time order (per-CPU buffers interleave); replay orders by time,'
       || ' so results are not affected'
FROM trace_stat
WHERE (? IS NULL OR trace_id = ?) AND name = 'time_inversion'
ORDER BY trace_id, level DESC, message
