package etwreplay.ingest.etl;

import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.event.TraceHeader;
import etwreplay.ingest.format.ProgressListener;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.SharedTraces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A repeatable throughput measurement of the ETL reader on the shared files (not a test: DESIGN.md
 * "speed and memory are measured by benchmarks, not asserted"). For each file it reports the best of
 * {@code rounds} runs of (1) the reader alone into a counting sink and (2) a full ingest into a fresh
 * DuckDB database. Run from {@code ingest/} after {@code mvn test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) etwreplay.ingest.etl.EtlThroughput [rounds]
 * </pre>
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class EtlThroughput {
    private EtlThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf(Locale.ROOT, "%-28s %10s %10s %14s %14s%n", "file", "bytes", "events", "reader ev/s",
                "ingest ev/s");
        for (String name : List.of("net.4.5.2.x64.etl", "ShutdownPerfDiagLogger.etl", "AMSITrace.etl",
                "lxcore_kernel.etl")) {
            Path file = SharedTraces.trace("etl/" + name);
            long events = 0;
            double bestRead = Double.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                CountingSink sink = new CountingSink();
                long t0 = System.nanoTime();
                new EtlReader().read(file, sink, new TraceHeader(), ProgressListener.NONE);
                bestRead = Math.min(bestRead, (System.nanoTime() - t0) / 1e9);
                events = sink.events;
            }
            double bestIngest = Double.MAX_VALUE;
            long rows = 0;
            for (int r = 0; r < rounds; r++) {
                Path dir = Files.createTempDirectory("etl-throughput");
                Path dbFile = dir.resolve("t.duckdb");
                try (Database db = Database.openForWrite(dbFile)) {
                    long t0 = System.nanoTime();
                    TraceIngester.Result result = new TraceIngester(db, "throughput").ingest(file,
                            TraceIngester.Options.defaults());
                    bestIngest = Math.min(bestIngest, (System.nanoTime() - t0) / 1e9);
                    rows = result.summary().events();
                } finally {
                    try (var s = Files.list(dir)) {
                        for (Path p : s.toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                    Files.deleteIfExists(dir);
                }
            }
            System.out.printf(Locale.ROOT, "%-28s %10d %10d %14.0f %14.0f   (rows %d; best of %d: read %.3f s,"
                    + " ingest %.3f s)%n", name, Files.size(file), events, events / bestRead, rows / bestIngest, rows,
                    rounds, bestRead, bestIngest);
        }
    }
}
