/**
 * The derived tables: their names and column order ({@link etwreplay.replay.store.DerivedTable}), the
 * versioned schema resource ({@link etwreplay.replay.store.ReplaySchema}, {@code replay-schema.sql}, with ENUM
 * types for the engine's own categorical values), the writer ({@link etwreplay.replay.store.TableAppender}
 * fills the ingest's column batches, which the {@link etwreplay.replay.store.DerivedWriter} stores through
 * the ingest's table-function bulk insert) and the replay's anomaly counters
 * for {@code trace_stat}.
 */
package etwreplay.replay.store;
