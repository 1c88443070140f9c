-- Probe (not a shipped report): xperf -a dpcisr's table, DPC/ISR count and duration percentiles per module.
SELECT kind, module, count(*) AS spans, quantile_cont(duration_ns, 0.5) AS p50_ns,
       quantile_cont(duration_ns, 0.99) AS p99_ns, max(duration_ns) AS max_ns
FROM irql_span WHERE trace_id = ? GROUP BY ALL ORDER BY spans DESC;
