-- hazards: Everything the machine model says must not happen, with the evidence from the trace and why it is a hazard.
--
-- One row per hazard the replay found (hazard table): a user-mode address touched at IRQL >= DISPATCH_LEVEL
-- (a page fault inside an ISR/DPC span, a sample flagged ExecutingDPC/ISR with a user-mode instruction
-- pointer), a METHOD_NEITHER request completed in a foreign context, an address that cannot be valid on
-- the machine. Each with the span and driver module it happened in, the process current on the CPU, and
-- the raw row that shows it (source_table, source_seq).
--
-- Area: hazard
-- Parameters (SET VARIABLE name = value; an unset parameter does not filter):
--   trace INTEGER    only this trace
--   kind VARCHAR     only this hazard kind, e.g. user_page_fault_in_dpc_isr
--   module VARCHAR   only hazards inside a span of this driver module (case-insensitive)
--   process VARCHAR  only hazards while this process was current (image name, case-insensitive)
--   cpu INTEGER      only this CPU
--   from_us DOUBLE   only hazards at or after this time (µs since the trace start)
--   to_us DOUBLE     only hazards at or before this time (µs)
-- Columns:
--   trace_id       the trace
--   hazard_id      hazard.hazard_id
--   kind           user_page_fault_in_dpc_isr | user_ip_in_dpc_isr_sample | neither_io_foreign_completion |
--                  non_canonical_address
--   ts_us          when (µs since the trace start)
--   cpu            the CPU
--   irql           the IRQL at that moment (NULL when unknown)
--   span           the ISR/DPC span it happened in, e.g. 'DPC 1'; NULL outside spans
--   module         that span's driver module
--   process        the process current on the CPU, 'name (pid) tid N': whose address space was loaded
--   address        the offending address
--   address_class  null_page | user | no_access | kernel | non_canonical, under the replayed machine model
--   irp_id         neither_io_foreign_completion: the request (irp.irp_id)
--   evidence       what the trace shows
--   explanation    why it is a hazard
--   source_table   the raw table of the evidence
--   source_seq     seq of the raw row
WITH _p AS (
    SELECT getvariable('trace')::INTEGER AS trace_id,
           getvariable('kind')::VARCHAR AS kind,
           getvariable('module')::VARCHAR AS module,
           getvariable('process')::VARCHAR AS process,
           getvariable('cpu')::INTEGER AS cpu
)
SELECT h.trace_id,
       h.hazard_id,
       h.kind,
       h.ts / 1000 AS ts_us,
       h.cpu,
       h.irql,
       h.span_kind || ' ' || h.span_id AS span,
       s.module,
       h.process_name || ' (' || h.pid || ') tid ' || h.tid AS process,
       h.address,
       h.address_class,
       h.irp_id,
       h.evidence,
       h.explanation,
       h.source_table,
       h.source_seq
FROM hazard h
CROSS JOIN _p
LEFT JOIN irql_span s ON s.trace_id = h.trace_id AND s.span_id = h.span_id
WHERE (_p.trace_id IS NULL OR h.trace_id = _p.trace_id)
  AND (_p.kind IS NULL OR h.kind = _p.kind)
  AND (_p.module IS NULL OR lower(s.module) = lower(_p.module))
  AND (_p.process IS NULL OR lower(h.process_name) = lower(_p.process))
  AND (_p.cpu IS NULL OR h.cpu = _p.cpu)
  -- Window bounds as whole ns (BIGINT; ceil/floor keep the rows a DOUBLE comparison keeps, clamped to
  -- BIGINT's range): against a DOUBLE, DuckDB casts every ts and cannot skip row groups by min/max.
  AND (getvariable('from_us')::DOUBLE IS NULL OR h.ts >= CAST(ceil(least(greatest(getvariable('from_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
  AND (getvariable('to_us')::DOUBLE IS NULL OR h.ts <= CAST(floor(least(greatest(getvariable('to_us')::DOUBLE * 1000, -9e18), 9e18)) AS BIGINT))
ORDER BY h.trace_id, h.ts, h.hazard_id;
