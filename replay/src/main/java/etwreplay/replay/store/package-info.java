/**
 * The derived tables: their names and column order ({@link etwreplay.replay.store.DerivedTable}), the
 * versioned schema resource ({@link etwreplay.replay.store.ReplaySchema}, {@code replay-schema.sql}, with ENUM
 * types for the engine's own categorical values), the Appender-based writer
 * ({@link etwreplay.replay.store.TableAppender} fills typed {@link etwreplay.replay.store.RowBatch}es that
 * the {@link etwreplay.replay.store.DerivedWriter} appends) and the replay's anomaly counters
 * for {@code trace_stat}.
 */
package etwreplay.replay.store;
