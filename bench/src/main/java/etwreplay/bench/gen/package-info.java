/**
 * The large-trace generator (issue #7): {@link etwreplay.bench.gen.TraceModel}, a seeded simulation of a
 * busy multi-processor machine, emits format-neutral {@link etwreplay.bench.gen.Ev} events in time order;
 * one {@link etwreplay.bench.gen.EventWriter} per format renders them from the documented layouts
 * (FORMATS.md, SCHEMAS.md) — {@link etwreplay.bench.gen.XperfTextWriter},
 * {@link etwreplay.bench.gen.TracerptXmlWriter}, {@link etwreplay.bench.gen.EtlWriter} (x86 or x64) —
 * never through the project's readers. {@link etwreplay.bench.gen.EtlBufferRepeater} makes a realistic ETL
 * of any size from a real one. {@link etwreplay.bench.gen.Generate} is the entry point.
 */
package etwreplay.bench.gen;
