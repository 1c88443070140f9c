/**
 * The replay engine: replays an ingested trace against a model of the machine that recorded it and
 * writes the derived tables. Reads only the raw tables (format-blind); never parses files.
 *
 * <h2>API for the command line</h2>
 * <pre>{@code
 * MachineSpec machine = option == null ? null : MachineSpec.parse(option);   // --machine; IllegalArgumentException
 *                                                                            // names the accepted forms
 * ReplaySummary s = ReplayEngine.replay(db, traceId, machine);               // one trace; null machine = infer
 * List<ReplaySummary> all = ReplayEngine.replayAll(db, machine);             // etwreplay replay (every trace)
 * System.out.print(s.toText());                                              // etwreplay analyze's summary
 * }</pre>
 * {@code db} must be opened for writing ({@code Database.openForWrite}). Each replay is one transaction:
 * it replaces the trace's derived rows and its replay rows in {@code trace_stat}, or changes nothing if
 * it fails. {@link etwreplay.replay.ReplaySummary} carries the machine and why, what the trace contains,
 * request counts by family and status, foreign-context completions, hazards by kind, the longest ISR/DPC
 * spans, the longest inferred ISR→DPC wait, the anomaly counts and the warnings (lost events, approximate
 * context …) a reader of the results must see.
 *
 * <h2>What it writes</h2>
 * {@code machine}, {@code cpu_context}, {@code irql_span}, {@code irp}, {@code irq_chain}, {@code hazard};
 * every column is documented in {@code etwreplay/replay/store/replay-schema.sql} and named in
 * {@link etwreplay.replay.store.DerivedTable}. Anomalies are counted in {@code trace_stat} under the names
 * of {@link etwreplay.replay.store.ReplayAnomaly}.
 *
 * <h2>How</h2>
 * {@link etwreplay.replay.scan.OrderedScan} feeds the rows in time order (then seq), a window at a time,
 * to small trackers in {@code etwreplay.replay.track}, one per concern: context
 * ({@code CpuContextTracker}), IRQL spans ({@code IrqlTracker}), requests ({@code DiskRequests},
 * {@code FileRequests}, {@code DriverRequests} via {@code RequestLog}), the interrupt-to-APC chain
 * ({@code ChainTracker}) and the hazard rules ({@code HazardDetector}). Memory grows with open requests,
 * live threads and spans in progress, not with trace length. The machine model is in
 * {@code etwreplay.replay.machine}.
 */
package etwreplay.replay;
