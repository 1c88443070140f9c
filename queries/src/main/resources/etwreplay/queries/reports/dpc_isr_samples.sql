-- dpc_isr_samples: CPU samples taken while a DPC or ISR was executing, by module of the instruction pointer and by the process interrupted underneath.
--
-- Evidence of deferred work running in arbitrary process contexts, even in traces recorded without DPC or
-- ISR events: a SampledProfile sample flagged ExecutingDPC or ExecutingISR (Windows 8+; sample.executing_dpc
-- / executing_isr) caught the CPU inside a DPC or ISR, and its thread is the one that was interrupted
-- underneath. Needs only the raw tables (no replay). Rows per trace and flag, at four levels (column
-- level): the total, per module, per process, and per module and process. A sample flagged both ways
-- counts under both flags. The module is the kernel image (pid 0/4 rundown, or the sample's own process)
-- whose load range holds the instruction pointer, else the module part of the trace's IP symbol.
--
-- Area: irq
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER    only this trace
--   module VARCHAR   only samples in this module (case-insensitive)
--   process VARCHAR  only samples over this process image name (case-insensitive)
--   cpu INTEGER      only samples on this CPU
--   from_us DOUBLE   only samples at or after this time (µs since the trace start)
--   to_us DOUBLE     only samples at or before this time (µs)
-- Columns:
--   trace_id          the trace
--   flag              DPC (ExecutingDPC) | ISR (ExecutingISR)
--   level             total | module | process | module+process: which of module and process the row is for
--   module            the module of the instruction pointer; NULL on total and process rows; '(unknown)' when unnamed
--   process           the process whose thread was interrupted, 'name (pid)'; NULL on total and module rows
--   samples           samples with the flag in the group
--   flag_pct          share of the trace's samples with that flag (%, 2 decimals)
--   trace_samples     every sample of the trace (whatever the flags, and without the filters)
--   user_ip_samples   of the group's samples, those whose instruction pointer is a user-mode address: an ISR/DPC
--                     cannot run there. The user range here is the default of the trace's pointer size (so this
--                     report needs no replay); the hazards report judges each such sample by the replayed machine
--                     model (/3GB, 8 TB ...)
--   cpus              the CPUs the samples were taken on, e.g. '0, 3'
--   first_us          the first such sample (µs since the trace start)
--   last_us           the last (µs)
WITH _p AS (
    SELECT getvariable('trace')::INTEGER AS trace_id,
           getvariable('module')::VARCHAR AS module,
           getvariable('process')::VARCHAR AS process,
           getvariable('cpu')::INTEGER AS cpu
),
_trace_samples AS (
    SELECT trace_id, count(*) AS n
    FROM sample
    GROUP BY trace_id
),
-- Highest user-mode address by the default split of the pointer size (MmHighestUserAddress: 0x7FFEFFFF on x86
-- without /3GB, 0x7FFFFFFEFFFF on x64 8.1+; SCHEMAS.md §4).
_user_limit AS (
    SELECT trace_id,
           CASE pointer_size WHEN 4 THEN 2147418111::UBIGINT ELSE 140737488289791::UBIGINT END AS highest_user_address
    FROM trace
),
_flagged AS (
    SELECT s.trace_id, s.seq, s.ts, s.cpu, s.pid, s.process_name, s.instruction_pointer, s.ip_symbol, f.flag
    FROM sample s
    CROSS JOIN LATERAL (
        SELECT 'DPC' WHERE s.executing_dpc
        UNION ALL SELECT 'ISR' WHERE s.executing_isr
    ) f(flag)
),
-- Load ranges that can hold a sample's instruction pointer.
_images AS (
    SELECT trace_id, pid, image_base, image_base + image_size AS image_end,
           regexp_extract(file_name, '[^\\/]+$') AS module
    FROM image
    WHERE kind IN ('DCStart', 'Load') AND image_size > 0
),
_attributed AS (
    SELECT f.trace_id, f.flag, f.ts, f.cpu, f.instruction_pointer,
           coalesce(f.process_name || ' (' || f.pid || ')', '(unknown)') AS process, f.process_name,
           coalesce(
               (SELECT arg_min(i.module, i.pid IN (0, 4))
                FROM _images i
                WHERE i.trace_id = f.trace_id AND (i.pid IN (0, 4) OR i.pid = f.pid)
                  AND f.instruction_pointer >= i.image_base AND f.instruction_pointer < i.image_end),
               nullif(split_part(f.ip_symbol, '!', 1), f.ip_symbol),
               '(unknown)') AS module
    FROM _flagged f
),
_selected AS (
    SELECT a.trace_id, a.flag, a.ts, a.cpu, a.process, a.module,
           a.instruction_pointer <= u.highest_user_address AS user_ip
    FROM _attributed a
    JOIN _user_limit u USING (trace_id)
    CROSS JOIN _p
    WHERE (_p.trace_id IS NULL OR a.trace_id = _p.trace_id)
      AND (_p.module IS NULL OR lower(a.module) = lower(_p.module))
      AND (_p.process IS NULL OR lower(a.process_name) = lower(_p.process))
      AND (_p.cpu IS NULL OR a.cpu = _p.cpu)
      -- Window bounds as whole ns (BIGINT; ceil/floor keep the rows a DOUBLE comparison keeps, clamped to
      -- BIGINT's range): against a DOUBLE, DuckDB casts every ts and cannot skip row groups by min/max.
      AND (getvariable('from_us')::DOUBLE IS NULL OR a.ts >= CAST(ceil(least(greatest(getvariable('from_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
      AND (getvariable('to_us')::DOUBLE IS NULL OR a.ts <= CAST(floor(least(greatest(getvariable('to_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
),
_groups AS (
    SELECT trace_id, flag,
           CASE grouping(module, process) WHEN 3 THEN 'total' WHEN 1 THEN 'module' WHEN 2 THEN 'process'
                ELSE 'module+process' END AS level,
           grouping(module, process) AS grouping_id,
           module, process,
           count(*) AS samples,
           count(*) FILTER (user_ip) AS user_ip_samples,
           array_to_string(list_sort(list(DISTINCT cpu)), ', ') AS cpus,
           min(ts) AS first_ts,
           max(ts) AS last_ts
    FROM _selected
    GROUP BY GROUPING SETS ((trace_id, flag), (trace_id, flag, module), (trace_id, flag, process),
                            (trace_id, flag, module, process))
),
_flag_totals AS (
    SELECT trace_id, flag, count(*) AS n
    FROM _flagged
    GROUP BY trace_id, flag
)
SELECT g.trace_id,
       g.flag,
       g.level,
       g.module,
       g.process,
       g.samples,
       round(100.0 * g.samples / ft.n, 2) AS flag_pct,
       ts.n AS trace_samples,
       g.user_ip_samples,
       g.cpus,
       g.first_ts / 1000 AS first_us,
       g.last_ts / 1000 AS last_us
FROM _groups g
JOIN _flag_totals ft ON ft.trace_id = g.trace_id AND ft.flag = g.flag
JOIN _trace_samples ts ON ts.trace_id = g.trace_id
ORDER BY g.trace_id, g.flag, CASE g.level WHEN 'total' THEN 0 WHEN 'module' THEN 1 WHEN 'process' THEN 2 ELSE 3 END,
         g.samples DESC, g.module, g.process;
