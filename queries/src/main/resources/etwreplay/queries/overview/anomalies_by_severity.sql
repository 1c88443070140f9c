-- Anomalies per trace and severity (info, data_loss, error): how much to trust the results.
-- Columns: trace_id; severity; kinds (distinct anomaly names); occurrences (sum of counts).
SELECT trace_id,
       severity,
       count(*) AS kinds,
       sum(count) AS occurrences
FROM trace_stat
WHERE ? IS NULL OR trace_id = ?
GROUP BY trace_id, severity
ORDER BY trace_id, CASE severity WHEN 'error' THEN 0 WHEN 'data_loss' THEN 1 ELSE 2 END
