/**
 * The single ordered pass over a trace's raw tables: one query window at a time per table, merged by time
 * then seq, spans at their entry. Rows become {@link etwreplay.replay.scan.ReplayEvent} records holding
 * only the public columns of the raw schema, so the replay is the same for every input format.
 */
package etwreplay.replay.scan;
