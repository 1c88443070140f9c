-- Every anomaly of a trace with where it first occurred and what it means.
-- Columns: trace_id; severity; name; count; first_location (line or byte offset); example; description.
SELECT trace_id,
       severity,
       name,
       count,
       first_location,
       example,
       description
FROM trace_stat
WHERE ? IS NULL OR trace_id = ?
ORDER BY trace_id, CASE severity WHEN 'error' THEN 0 WHEN 'data_loss' THEN 1 ELSE 2 END, name
