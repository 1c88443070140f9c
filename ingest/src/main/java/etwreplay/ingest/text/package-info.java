/** Small pieces every text reader shares: how numbers are printed, byte counting for progress. */
package etwreplay.ingest.text;
