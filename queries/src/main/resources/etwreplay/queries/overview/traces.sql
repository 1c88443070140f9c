-- The traces in the database (all, or the one bound to both parameters).
-- Columns: trace_id; file_name; format; os_version; pointer_size (bytes); cpu_count; duration_ms;
-- event_count; events_lost and buffers_lost (as the recording session reported them); start_time (UTC).
SELECT trace_id,
       file_name,
       format,
       os_version,
       pointer_size,
       cpu_count,
       round(duration_ns / 1e6, 3) AS duration_ms,
       event_count,
       events_lost,
       buffers_lost,
       start_time
FROM trace
WHERE ? IS NULL OR trace_id = ?
ORDER BY trace_id
