/**
 * Opening CSV exports for streaming (commons-csv): encoding from the byte-order mark or UTF-8 with a
 * counted Windows-1252 fallback, delimiter from the header, quoting errors as one-line bad input.
 * Shared by the tracerpt CSV and WPA CSV readers.
 */
package etwreplay.ingest.csv;
