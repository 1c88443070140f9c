/**
 * The raw {@code .etl} reader: Windows ETW trace files read directly, on any OS.
 *
 * <p>Pipeline, in the order data flows:
 * <ol>
 *   <li>{@link etwreplay.ingest.etl.BufferIndex} walks the WMI_BUFFER_HEADERs and groups the buffers by
 *       processor (FORMATS.md §8); damaged headers are skipped by searching for the next plausible one.</li>
 *   <li>{@link etwreplay.ingest.etl.BufferLoader} reads a buffer, inflating compressed ones with
 *       {@link etwreplay.ingest.etl.PlainLz77} (MS-XCA Plain LZ77).</li>
 *   <li>{@link etwreplay.ingest.etl.CpuStream} walks one processor's events;
 *       {@link etwreplay.ingest.etl.EventView} decodes each event header in place (SYSTEM, COMPACT,
 *       PERFINFO, EVENT_HEADER, FULL_HEADER; 32- and 64-bit).</li>
 *   <li>{@link etwreplay.ingest.etl.EtlReader} merges the processors by timestamp, converts time
 *       ({@link etwreplay.ingest.etl.TimeScale}) and dispatches: kernel events by HookId and version to
 *       the layout tables of {@link etwreplay.ingest.etl.KernelEvents} and one
 *       {@link etwreplay.ingest.etl.KernelDecoder} per event family; everything else to
 *       {@link etwreplay.ingest.etl.GenericEvents}.</li>
 * </ol>
 * Nothing here allocates per event beyond the canonical record (and the raw payload copy of a generic
 * event): the buffer arrays, the event view and the {@link etwreplay.ingest.etl.Payload} view are reused.
 * Memory is one buffer per processor (at most the session's buffer size, itself capped at 64 MiB) plus
 * two numbers per buffer of the index; no size read from the file sizes an allocation unchecked.
 * Anomalies are tallied ({@link etwreplay.ingest.etl.AnomalyTally}) and handed to the sink at the end.
 *
 * <p>Events arrive in time order across processors (ETW's per-processor buffers merged by timestamp,
 * as ETW's own consumer delivers them), so {@code seq} follows time and the thread → process
 * attribution ({@link etwreplay.ingest.etl.ThreadOwners}) sees rundowns before the events they explain.
 */
package etwreplay.ingest.etl;
