-- Probe: request latency per issuing process and family.
SELECT issuer_process_name, family, count(*) AS requests, quantile_cont(latency_ns, 0.5) AS p50_ns,
       quantile_cont(latency_ns, 0.99) AS p99_ns
FROM irp WHERE trace_id = ? GROUP BY ALL ORDER BY requests DESC;
