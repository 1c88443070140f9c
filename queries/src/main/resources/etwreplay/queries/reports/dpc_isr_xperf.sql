-- dpc_isr_xperf: The DPC/ISR numbers laid out like `xperf -a dpcisr`'s report, to compare with what you know.
--
-- Reproduces the text layout of `xperf -i trace.etl -o report.txt -a dpcisr` (research/FORMATS.md §2), line
-- for line: "DPC Info" then "Interrupt Info", each with the per-module per-CPU usage table ("CPU Usage
-- Summing By Module For the Whole Trace"), the log2 histogram over all modules and per module (edges as
-- dpc_isr_histogram), the "All Module = ..., EQUAL" check and the usage per 1-second interval; then the
-- distribution of 2000 ms intervals by DPC/ISR usage. Computed from irql_span, as dpc_isr_by_module.
-- Where xperf's own rules are not documented, this report chooses: usec values are rounded to the
-- nearest µs; the trace end in ms is rounded; a span is counted in an interval for the part of it that
-- lies inside (so a span that began before the trace counts fully in the module table only); a module
-- the trace does not name is '(unknown)'; CPUs are 0 .. trace.cpu_count - 1. When the database holds
-- several traces, each one's report is preceded by a line '==== trace N: file ===='.
-- The result is one text line per row, in order: print the line column as is (etwreplay does; in the
-- duckdb CLI: duckdb -readonly -list -noheader t.duckdb < dpc_isr_xperf.sql).
--
-- Area: irq
-- Output: text
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER  only this trace
-- Columns:
--   line  one line of the report
WITH
-- Every table of the report is a sum over spans, so all come from one pass that sums the spans into cells
-- (counts and times add up exactly), never from joining each of the 12.7 M spans of a 61.5 M-event trace to
-- modules, CPUs, buckets or intervals (four such joins took 2.3-2.6 s each). A cell is (trace, kind, module,
-- cpu, histogram bucket k, and i for a span that lies within the 1-second interval i = start_ts // 1 s, NULL
-- for one that does not or begins before the trace). The traces are chosen after the pass (its cells are
-- joined, not its spans).
_span_cells AS (
    SELECT s.trace_id, s.kind, s.module, s.cpu,
           -- The bucket by arithmetic: the edges are 1000 * 2^k ns, log2 of an exact power of two is exact, and
           -- 1 ns above an edge stays above it in log2 for any duration under ~6 days. A negative duration (an
           -- anomaly) counts as 0.
           CASE WHEN s.duration_ns <= 1000 THEN 0 ELSE ceil(log2(s.duration_ns / 1000.0))::INTEGER END AS k,
           CASE WHEN s.start_ts >= 0 AND s.end_ts > s.start_ts
                     AND s.end_ts <= (s.start_ts // 1000000000 + 1) * 1000000000 THEN s.start_ts // 1000000000 END AS i,
           count(*) AS n, sum(greatest(s.duration_ns, 0)) AS duration_ns, sum(s.end_ts - s.start_ts) AS busy_ns
    FROM irql_span s
    -- Parameters are read where they filter: getvariable is a constant when DuckDB plans, so an unset one's
    -- condition disappears (read through a joined one-row CTE it was evaluated for every row scanned).
    WHERE getvariable('trace')::INTEGER IS NULL OR s.trace_id = getvariable('trace')::INTEGER
    GROUP BY s.trace_id, s.kind, s.module, s.cpu, k, i
),
_traces AS (
    SELECT t.trace_id, t.file_name, greatest(coalesce(t.duration_ns, 0), 0) AS duration_ns,
           coalesce(t.cpu_count, (SELECT max(c.cpu) + 1 FROM _span_cells c WHERE c.trace_id = t.trace_id), 1) AS cpus,
           round(coalesce(t.duration_ns, 0) / 1e6)::BIGINT AS duration_ms,
           count(*) OVER () AS traces
    FROM trace t
    WHERE getvariable('trace')::INTEGER IS NULL OR t.trace_id = getvariable('trace')::INTEGER
),
_cpus AS (
    SELECT t.trace_id, c.cpu
    FROM _traces t, range(0, t.cpus) c(cpu)
),
_classes AS (
    SELECT class, section, title
    FROM (VALUES ('DPC', 1, 'DPC Info'), ('ISR', 2, 'Interrupt Info')) v(class, section, title)
),
-- Bucket k of xperf's histogram: (lower_ns, upper_ns]; bucket 0 also takes 0.
_buckets AS (
    SELECT k, CASE WHEN k = 0 THEN 0 ELSE 1000 * (1::BIGINT << (k - 1)) END AS lower_ns,
           1000 * (1::BIGINT << k) AS upper_ns
    FROM range(0, 48) r(k)
),
-- Cells of (class, module, cpu, bucket): the histograms and the module x CPU table.
_class_cells AS (
    SELECT c.trace_id, CASE WHEN c.kind LIKE 'ISR%' THEN 'ISR' ELSE 'DPC' END AS class,
           coalesce(c.module, '(unknown)') AS module, c.cpu, c.k, sum(c.n)::BIGINT AS n, sum(c.duration_ns) AS duration_ns
    FROM _span_cells c
    JOIN _traces USING (trace_id)
    GROUP BY c.trace_id, class, coalesce(c.module, '(unknown)'), c.cpu, c.k
),
-- Per module, and over all modules (module NULL).
_module_buckets AS (
    SELECT trace_id, class, module, k, sum(n)::BIGINT AS n
    FROM _class_cells
    GROUP BY trace_id, class, module, k
    UNION ALL
    SELECT trace_id, class, NULL, k, sum(n)::BIGINT
    FROM _class_cells
    GROUP BY trace_id, class, k
),
_histograms AS (
    SELECT trace_id, class, module, sum(n)::BIGINT AS total, max(k) AS max_k
    FROM _module_buckets
    GROUP BY trace_id, class, module
),
_bucket_counts AS (
    SELECT h.trace_id, h.class, h.module, h.total, b.k, b.lower_ns, b.upper_ns, coalesce(x.n, 0) AS n
    FROM _histograms h
    JOIN _buckets b ON b.k <= h.max_k
    LEFT JOIN _module_buckets x ON x.trace_id = h.trace_id AND x.class = h.class
                               AND x.module IS NOT DISTINCT FROM h.module AND x.k = b.k
),
_module_cpu AS (
    SELECT m.trace_id, m.class, m.module, c.cpu,
           round(coalesce(sum(x.duration_ns), 0) / 1000)::BIGINT AS usec
    FROM (SELECT DISTINCT trace_id, class, module FROM _class_cells) m
    JOIN _cpus c ON c.trace_id = m.trace_id
    LEFT JOIN _class_cells x ON x.trace_id = m.trace_id AND x.class = m.class AND x.module = m.module AND x.cpu = c.cpu
    GROUP BY m.trace_id, m.class, m.module, c.cpu
),
-- 1-second intervals [start_ns, end_ns), the last one cut at the trace end.
_seconds AS (
    SELECT t.trace_id, i.i, i.i * 1000 AS start_ms, least((i.i + 1) * 1000, t.duration_ms) AS end_ms,
           i.i * 1000000000 AS start_ns, least((i.i + 1) * 1000000000, t.duration_ns) AS end_ns
    FROM _traces t, range(0, greatest(1, ceil(t.duration_ms / 1000)::BIGINT)) i(i)
),
-- The time of a span inside an interval is least(end_ts, interval end) - greatest(start_ts, interval start),
-- summed over the spans that overlap it. A span that starts and ends inside one 1-second interval i (and
-- inside the trace: i below the trace's last, partial second; nearly every span) overlaps that interval alone,
-- and the 2-second interval i // 2 alone, with all of end_ts - start_ts: those come from the cells. The few
-- others (crossing an interval edge, beginning before the trace, in its last second, or of no positive
-- length) are matched to the intervals they overlap, one by one; an interval's time is the sum of both
-- parts. (An interval past the last 1-second one, which ends at the rounded trace end in ms, has no row.)
_inside_second AS (
    SELECT c.trace_id, CASE WHEN c.kind LIKE 'ISR%' THEN 'ISR' ELSE 'DPC' END AS class, c.cpu, c.i,
           sum(c.busy_ns) AS busy_ns
    FROM _span_cells c
    JOIN _traces t USING (trace_id)
    WHERE c.i < t.duration_ns // 1000000000
    GROUP BY c.trace_id, class, c.cpu, c.i
),
-- The spans of no such cell: a second look at irql_span, cheap filters first (the scalar is the earliest
-- last-second start of the traces chosen), then the exact complement of the cells above.
_across AS (
    SELECT s.trace_id, CASE WHEN s.kind LIKE 'ISR%' THEN 'ISR' ELSE 'DPC' END AS class, s.cpu, s.start_ts, s.end_ts
    FROM irql_span s
    JOIN _traces t USING (trace_id)
    WHERE (NOT (s.start_ts >= 0 AND s.end_ts > s.start_ts AND s.end_ts <= (s.start_ts // 1000000000 + 1) * 1000000000)
           OR s.start_ts >= (SELECT min(duration_ns // 1000000000 * 1000000000) FROM _traces))
      AND (NOT (s.start_ts >= 0 AND s.end_ts > s.start_ts AND s.end_ts <= (s.start_ts // 1000000000 + 1) * 1000000000)
           OR s.start_ts // 1000000000 >= t.duration_ns // 1000000000)
),
_second_usage AS (
    SELECT s.trace_id, cl.class, s.i, s.start_ms, s.end_ms, s.end_ns - s.start_ns AS length_ns, c.cpu,
           coalesce(inside.busy_ns, 0) + coalesce(across.busy_ns, 0) AS busy_ns
    FROM _seconds s
    CROSS JOIN _classes cl
    JOIN _cpus c ON c.trace_id = s.trace_id
    LEFT JOIN _inside_second inside
           ON inside.trace_id = s.trace_id AND inside.class = cl.class AND inside.cpu = c.cpu AND inside.i = s.i
    LEFT JOIN (
        SELECT s.trace_id, sp.class, s.i, sp.cpu,
               sum(least(sp.end_ts, s.end_ns) - greatest(sp.start_ts, s.start_ns)) AS busy_ns
        FROM _seconds s
        JOIN _across sp ON sp.trace_id = s.trace_id AND sp.start_ts < s.end_ns AND sp.end_ts > s.start_ns
        GROUP BY s.trace_id, sp.class, s.i, sp.cpu
    ) across ON across.trace_id = s.trace_id AND across.class = cl.class AND across.cpu = c.cpu AND across.i = s.i
),
-- 2000 ms intervals and their DPC, ISR and combined usage per CPU, in xperf's usage buckets.
_two_seconds AS (
    SELECT t.trace_id, j.j, j.j * 2000000000 AS start_ns, least((j.j + 1) * 2000000000, t.duration_ns) AS end_ns
    FROM _traces t, range(0, greatest(1, ceil(t.duration_ns / 2e9)::BIGINT)) j(j)
),
_two_second_usage AS (
    SELECT w.trace_id, w.j, c.cpu, w.end_ns - w.start_ns AS length_ns,
           coalesce(inside.dpc_ns, 0) + coalesce(across.dpc_ns, 0) AS dpc_ns,
           coalesce(inside.isr_ns, 0) + coalesce(across.isr_ns, 0) AS isr_ns
    FROM _two_seconds w
    JOIN _cpus c ON c.trace_id = w.trace_id
    LEFT JOIN (
        SELECT trace_id, i // 2 AS j, cpu,
               sum(busy_ns) FILTER (class = 'DPC') AS dpc_ns, sum(busy_ns) FILTER (class = 'ISR') AS isr_ns
        FROM _inside_second
        GROUP BY trace_id, j, cpu
    ) inside ON inside.trace_id = w.trace_id AND inside.j = w.j AND inside.cpu = c.cpu
    LEFT JOIN (
        SELECT w.trace_id, w.j, sp.cpu,
               sum(least(sp.end_ts, w.end_ns) - greatest(sp.start_ts, w.start_ns)) FILTER (sp.class = 'DPC') AS dpc_ns,
               sum(least(sp.end_ts, w.end_ns) - greatest(sp.start_ts, w.start_ns)) FILTER (sp.class = 'ISR') AS isr_ns
        FROM _two_seconds w
        JOIN _across sp ON sp.trace_id = w.trace_id AND sp.start_ts < w.end_ns AND sp.end_ts > w.start_ns
        GROUP BY w.trace_id, w.j, sp.cpu
    ) across ON across.trace_id = w.trace_id AND across.j = w.j AND across.cpu = c.cpu
),
_usage_buckets AS (
    SELECT b, lower_pct, upper_pct,
           CASE WHEN b = 0 THEN printf('>= %2d AND <= %3d', lower_pct, upper_pct)
                ELSE printf('>  %2d AND <= %3d', lower_pct, upper_pct) END AS label
    FROM (VALUES (0, 0, 1), (1, 1, 5), (2, 5, 10), (3, 10, 20), (4, 20, 40), (5, 40, 60), (6, 60, 80), (7, 80, 100))
        v(b, lower_pct, upper_pct)
),
_two_second_buckets AS (
    SELECT u.trace_id, u.cpu, m.measure_order,
           CASE WHEN u.length_ns = 0 THEN 0.0 ELSE 100.0 * m.busy_ns / u.length_ns END AS pct
    FROM _two_second_usage u
    CROSS JOIN LATERAL (SELECT 1, u.dpc_ns UNION ALL SELECT 2, u.isr_ns UNION ALL SELECT 3, u.dpc_ns + u.isr_ns)
        m(measure_order, busy_ns)
),
_distribution AS (
    SELECT c.trace_id, ub.b, ub.label, c.cpu, mo.measure_order,
           count(x.pct) AS intervals
    FROM _cpus c
    CROSS JOIN _usage_buckets ub
    CROSS JOIN (VALUES (1), (2), (3)) mo(measure_order)
    LEFT JOIN _two_second_buckets x ON x.trace_id = c.trace_id AND x.cpu = c.cpu AND x.measure_order = mo.measure_order
                                   AND (x.pct > ub.lower_pct OR ub.b = 0) AND x.pct <= ub.upper_pct
    GROUP BY c.trace_id, ub.b, ub.label, c.cpu, mo.measure_order
),
_lines AS (
    -- A banner per trace, only when there are several.
    SELECT trace_id, 0 AS section, 0 AS block, '' AS module_key, 0 AS n,
           '==== trace ' || trace_id || ': ' || file_name || ' ====' AS line
    FROM _traces WHERE traces > 1
    UNION ALL
    -- Section heading and the usage table's header.
    SELECT t.trace_id, cl.section, 1, '', h.n,
           CASE h.n WHEN 3 THEN cl.title
                    WHEN 8 THEN 'CPU Usage from 0 us to ' || round(t.duration_ns / 1000)::BIGINT || ' us:'
                    WHEN 10 THEN (SELECT string_agg('     CPU ' || c.cpu || ' Usage, ', '' ORDER BY c.cpu)
                                  FROM _cpus c WHERE c.trace_id = t.trace_id)
                    WHEN 11 THEN (SELECT string_agg('     usec      %, ', '' ORDER BY c.cpu)
                                  FROM _cpus c WHERE c.trace_id = t.trace_id) || 'Module'
                    ELSE h.text END
    FROM _traces t
    CROSS JOIN _classes cl
    CROSS JOIN (VALUES (1, ''), (2, '--------------------------'), (3, NULL), (4, ''), (5, '--------------------------'),
                       (6, 'CPU Usage Summing By Module For the Whole Trace'), (7, ''), (8, NULL), (9, ''),
                       (10, NULL), (11, NULL)) h(n, text)
    UNION ALL
    -- One row per module: usec and % of the trace per CPU.
    SELECT mc.trace_id, cl.section, 2, mc.module, 0,
           string_agg(printf('%9d %6.2f, ', mc.usec,
                             CASE WHEN t.duration_ns = 0 THEN 0.0 ELSE 100000.0 * mc.usec / t.duration_ns END),
                      '' ORDER BY mc.cpu) || mc.module
    FROM _module_cpu mc
    JOIN _classes cl USING (class)
    JOIN _traces t USING (trace_id)
    GROUP BY mc.trace_id, cl.section, mc.module
    UNION ALL
    -- Histograms: all modules (block 3), then each module (block 4).
    SELECT t.trace_id, cl.section, 3, '', 0, ''
    FROM _traces t CROSS JOIN _classes cl
    UNION ALL
    SELECT t.trace_id, cl.section, 3, '', 1,
           'Total = ' || coalesce((SELECT h.total FROM _histograms h
                                   WHERE h.trace_id = t.trace_id AND h.class = cl.class AND h.module IS NULL), 0)
    FROM _traces t CROSS JOIN _classes cl
    UNION ALL
    SELECT t.trace_id, cl.section, 3, '', 100000,
           printf('Total,%54d', coalesce((SELECT h.total FROM _histograms h
                                          WHERE h.trace_id = t.trace_id AND h.class = cl.class AND h.module IS NULL), 0))
    FROM _traces t CROSS JOIN _classes cl
    UNION ALL
    SELECT bc.trace_id, cl.section, CASE WHEN bc.module IS NULL THEN 3 ELSE 4 END, coalesce(bc.module, ''), 10 + bc.k,
           printf('Elapsed Time, > %8d usecs AND <= %8d usecs, %6d, or %6.2f%%', bc.lower_ns // 1000, bc.upper_ns // 1000,
                  bc.n, 100.0 * bc.n / bc.total)
    FROM _bucket_counts bc
    JOIN _classes cl USING (class)
    UNION ALL
    SELECT h.trace_id, cl.section, 4, h.module, hl.n,
           CASE hl.n WHEN 0 THEN '' WHEN 1 THEN 'Total = ' || h.total || ' for module ' || h.module
                     ELSE printf('Total,%54d', h.total) END
    FROM _histograms h
    JOIN _classes cl USING (class)
    CROSS JOIN (VALUES (0), (1), (100000)) hl(n)
    WHERE h.module IS NOT NULL
    UNION ALL
    -- The check that the modules add up to the total.
    SELECT t.trace_id, cl.section, 5, '', a.n,
           CASE a.n WHEN 0 THEN ''
                    ELSE printf('All Module = %6d,  Total = %d,   %s', m.module_total, m.total,
                                CASE WHEN m.module_total = m.total THEN 'EQUAL' ELSE 'NOT EQUAL' END) END
    FROM _traces t
    CROSS JOIN _classes cl
    CROSS JOIN (VALUES (0), (1)) a(n)
    CROSS JOIN LATERAL (
        SELECT coalesce(sum(h.total) FILTER (h.module IS NOT NULL), 0) AS module_total,
               coalesce(sum(h.total) FILTER (h.module IS NULL), 0) AS total
        FROM _histograms h
        WHERE h.trace_id = t.trace_id AND h.class = cl.class
    ) m
    UNION ALL
    -- Usage per 1-second interval: heading, header, one row per interval.
    SELECT t.trace_id, cl.section, 6, '', u.n,
           CASE u.n WHEN 1 THEN '--------------------------'
                    WHEN 2 THEN 'Usage From 0 ms to ' || t.duration_ms || ' ms, Summing In 1 second intervals. Intervals='
                                || (SELECT count(*) FROM _seconds s WHERE s.trace_id = t.trace_id)
                    WHEN 4 THEN '                       ,' || (SELECT string_agg('      CPU ' || c.cpu || ' Usage ', ',' ORDER BY c.cpu)
                                                              FROM _cpus c WHERE c.trace_id = t.trace_id)
                    WHEN 5 THEN 'Start (ms) End (ms)    ,' || (SELECT string_agg('    (usec)      % ', ',' ORDER BY c.cpu)
                                                              FROM _cpus c WHERE c.trace_id = t.trace_id)
                    ELSE '' END
    FROM _traces t
    CROSS JOIN _classes cl
    CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5)) u(n)
    UNION ALL
    SELECT su.trace_id, cl.section, 6, '', 10 + su.i,
           printf('%10d-%-10d:,', su.start_ms, su.end_ms)
           || string_agg(printf('%10d %6.2f', round(su.busy_ns / 1000)::BIGINT,
                                CASE WHEN su.length_ns = 0 THEN 0.0 ELSE 100.0 * su.busy_ns / su.length_ns END),
                         ',' ORDER BY su.cpu)
    FROM _second_usage su
    JOIN _classes cl USING (class)
    GROUP BY su.trace_id, cl.section, su.i, su.start_ms, su.end_ms
    UNION ALL
    -- The distribution of 2000 ms intervals by usage, DPC, ISR and combined, per CPU.
    SELECT t.trace_id, 3, 1, '', d.n,
           CASE d.n WHEN 2 THEN 'Distribution of number of 2000 ms intervals w.r.t. DPC/ISR usage:'
                    WHEN 4 THEN '                ,' || (SELECT string_agg('                      CPU ' || c.cpu, ',' ORDER BY c.cpu)
                                                       FROM _cpus c WHERE c.trace_id = t.trace_id)
                    WHEN 5 THEN ' DPC/ISR Usage %,' || (SELECT string_agg('      DPC      ISR Combined', ',' ORDER BY c.cpu)
                                                       FROM _cpus c WHERE c.trace_id = t.trace_id)
                    WHEN 100 THEN '---'
                    WHEN 101 THEN 'Total:          ,'
                                  || (SELECT string_agg(printf('%9d', (SELECT count(*) FROM _two_seconds w WHERE w.trace_id = t.trace_id)),
                                                        ',' ORDER BY c.cpu, mo.measure_order)
                                      FROM _cpus c CROSS JOIN (VALUES (1), (2), (3)) mo(measure_order)
                                      WHERE c.trace_id = t.trace_id)
                    ELSE '' END
    FROM _traces t
    CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (100), (101)) d(n)
    UNION ALL
    SELECT d.trace_id, 3, 1, '', 10 + d.b,
           d.label || ',' || string_agg(printf('%9d', d.intervals), ',' ORDER BY d.cpu, d.measure_order)
    FROM _distribution d
    GROUP BY d.trace_id, d.b, d.label
)
SELECT line
FROM _lines
ORDER BY trace_id, section, block, module_key, n;
