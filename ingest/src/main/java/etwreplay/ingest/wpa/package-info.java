/**
 * WPA / wpaexporter table exports as CSV (FORMATS.md §5). The table is recognised from its header
 * and each row of a per-event table becomes canonical events:
 * <pre>
 * Disk Usage            → disk_io (ts = Complete Time, elapsed = IO Time, service = Disk Service Time)
 * CPU Usage (Precise)   → cswitch at Switch-In Time (+ ready_thread at Ready Time when a readier is named)
 * DPC/ISR               → dpc / isr at Exit Time, initial_ts = Enter Time
 * File I/O              → file_io begin event at Start Time, elapsed = Duration
 * </pre>
 * Aggregate tables and rows are not spread over the event tables: every row of an unrecognised table, every
 * row with Count &gt; 1 and every row that lacks what its table needs is kept in {@code generic_event}
 * ({@code name} = the table, {@code provider = 'wpa'}, {@code fields} = every cell by column title as
 * printed), so {@code SELECT fields['Size (B)'] FROM generic_event WHERE provider = 'wpa'} reaches them.
 * Numbers follow the exporting machine's locale: {@link etwreplay.ingest.wpa.WpaNumbers} learns the
 * separators from the file and never guesses an ambiguous one.
 */
package etwreplay.ingest.wpa;
