/**
 * The derived tables: their names and column order ({@link etwreplay.replay.store.DerivedTable}), the
 * versioned schema resource ({@link etwreplay.replay.store.ReplaySchema}, {@code replay-schema.sql}), the
 * Appender-based writer ({@link etwreplay.replay.store.TableAppender}) and the replay's anomaly counters
 * for {@code trace_stat}.
 */
package etwreplay.replay.store;
