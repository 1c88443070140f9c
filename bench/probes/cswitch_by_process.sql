-- Probe: context switches in per process, and their wait reasons out.
SELECT new_process_name, count(*) AS switches_in, count(DISTINCT new_tid) AS threads,
       mode(old_wait_reason) AS commonest_wait_reason
FROM cswitch WHERE trace_id = ? GROUP BY ALL ORDER BY switches_in DESC;
