-- Probe: completions in a foreign process context, per completing DPC module and issuing process.
SELECT dpc_module, count(*) AS chains, count(*) FILTER (WHERE foreign_context) AS foreign,
       quantile_cont(dpc_to_completion_ns, 0.99) AS p99_dpc_to_completion_ns
FROM irq_chain WHERE trace_id = ? GROUP BY ALL ORDER BY chains DESC;
