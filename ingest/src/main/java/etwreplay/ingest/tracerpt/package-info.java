/**
 * tracerpt exports: {@code tracerpt trace.etl -of XML} (and exported event XML) and {@code -of CSV}
 * (FORMATS.md §6). Both readers fill one {@link etwreplay.ingest.tracerpt.RenderedEvent} per event — the
 * event header plus payload fields by tracerpt's names; the CSV, which prints values only, gets the names
 * from {@link etwreplay.ingest.tracerpt.TracerptCsvLayouts} — and hand it to the same back end:
 * <pre>
 * TracerptXmlReader ─┐                          ┌─ HeaderFields (EventTrace/Header → trace row, clock)
 *  (StAX, EventXml)  ├─ RenderedEventMapper ─────┼─ KernelEventTypes: (class GUID, opcode) → one handler
 * TracerptCsvReader ─┘   EventClock (ts)         │    per event kind → canonical tables
 *  (CsvInput, layouts)   ProcessThreadNames      └─ GenericHandler → generic_event (everything else)
 * </pre>
 * Time: ts = 0 at the header's StartTime (else the first event); see {@link etwreplay.ingest.tracerpt.EventClock}.
 * Ids printed as 4294967295 are NULL. tracerpt prints ids, not names: process names and the process of a
 * thread come from the Process/Thread events read so far ({@link etwreplay.ingest.tracerpt.ProcessThreadNames}),
 * as xperf does in its export. What xperf computes and tracerpt does not print (symbols, file names of
 * DiskIo, TmSinceLast …) stays NULL; pairing begin/end events by IRP is replay's work.
 */
package etwreplay.ingest.tracerpt;
