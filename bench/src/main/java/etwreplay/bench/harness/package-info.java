/**
 * The benchmark harness behind {@code bench/run}: {@link etwreplay.bench.harness.BenchRun} generates the
 * traces and runs each {@link etwreplay.bench.harness.Stage} (ingest, replay, reports, and the baselines
 * that bound them) in a fresh {@code -Xmx1g} JVM, then prints the table of medians. See bench/README.md.
 */
package etwreplay.bench.harness;
