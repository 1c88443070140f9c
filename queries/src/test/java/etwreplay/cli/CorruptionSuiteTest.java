package etwreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.format.FormatDetector;
import etwreplay.ingest.format.Readers;
import etwreplay.ingest.format.TraceFormat;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.DatabaseSnapshot;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.robustness.Mutation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged traces through {@code etwreplay ingest}, in-process, with a time bound. From every valid
 * input of a format this build reads (the project's samples and fixtures, the shared real traces), seeded
 * mutants are made ({@link Mutation}); each must be ingested with its anomalies counted, or refused with
 * one line naming the file and a line or byte offset, leaving the database exactly as it was.
 * <p>
 * {@code mvn verify} runs a fast subset; {@code mvn -P corruption verify} runs the full suite
 * ({@code -Detwreplay.corruption.mutants=N}, {@code -Detwreplay.corruption.seed=S} to reproduce).
 */
class CorruptionSuiteTest {
    private static final int MUTANTS = Integer.getInteger("etwreplay.corruption.mutants", 120);
    private static final long SEED = Long.getLong("etwreplay.corruption.seed", 20261121L);
    private static final int BOUND_SECONDS = 30;

    @TempDir
    Path tmp;

    /** Valid inputs whose format this build can read. */
    private static List<Path> seeds() throws Exception {
        List<Path> candidates = new ArrayList<>();
        try (var s = Files.list(SharedTraces.sampleTraces())) {
            s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(candidates::add);
        }
        // The format fixtures of the ingest tests: xperf eras, tracerpt XML/CSV (both pointer sizes), WPA locales.
        Path fixtures = SharedTraces.sampleTraces().resolveSibling("ingest/src/test/resources");
        for (String dir : new String[] {"xperf", "tracerpt-xml", "tracerpt-xml/samples", "tracerpt-csv", "wpa"}) {
            try (var s = Files.list(fixtures.resolve(dir))) {
                s.filter(Files::isRegularFile).sorted().forEach(candidates::add);
            }
        }
        for (String real : new String[] {"etl/net.4.5.2.x64.etl", "etl/lxcore_kernel.etl", "etl/AMSITrace.etl",
            "wpa-csv/Disk_Usage_Utilization_by_Disk.csv"}) {
            candidates.add(SharedTraces.trace(real));
        }
        List<Path> readable = new ArrayList<>();
        for (Path p : candidates) {
            Optional<TraceFormat> f = FormatDetector.detect(p);
            if (f.isPresent() && Readers.forFormat(f.get()).isPresent()) {
                readable.add(p);
            }
        }
        return readable;
    }

    @Test
    void everyMutantIsIngestedOrRefusedCleanlyWithinTheBound() throws Exception {
        List<Path> seeds = seeds();
        assertTrue(!seeds.isEmpty(), "no readable seed inputs");
        Path base = tmp.resolve("base.duckdb");
        assertEquals(0, CliRun.of("ingest", SharedTraces.sample("ioctl-same-context.txt").toString(), "--db",
                base.toString()).exitCode());
        String baseline;
        try (Database db = Database.openReadOnly(base)) {
            baseline = DatabaseSnapshot.of(db);
        }

        Random random = new Random(SEED);
        Map<Mutation, int[]> perKind = new EnumMap<>(Mutation.class);
        int ingested = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "corruption-mutant");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < MUTANTS; i++) {
                Path seed = seeds.get(random.nextInt(seeds.size()));
                byte[] original = Files.readAllBytes(seed);
                boolean text = !seed.toString().endsWith(".etl");
                Mutation m;
                do {
                    m = Mutation.values()[random.nextInt(Mutation.values().length)];
                } while (m.textOnly() && !text);
                long mutantSeed = random.nextLong();
                byte[] mutant = m.apply(original, new Random(mutantSeed));
                String name = "mutant-" + i + "-" + m.name().toLowerCase() + "-" + seed.getFileName();
                Path file = tmp.resolve(name);
                Files.write(file, mutant);
                Path db = tmp.resolve("db-" + i + ".duckdb");
                Files.copy(base, db);
                String what = name + " (seed " + mutantSeed + ")";
                Future<CliRun> run = runner.submit(() -> CliRun.of("ingest", file.toString(), "--db", db.toString()));
                CliRun r;
                try {
                    r = run.get(BOUND_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    failures.add(what + ": still running after " + BOUND_SECONDS + " s");
                    break; // the stuck thread cannot be stopped; report what we have
                }
                perKind.computeIfAbsent(m, k -> new int[2]);
                switch (r.exitCode()) {
                    case ExitCode.OK, ExitCode.ALREADY_INGESTED -> {
                        ingested++;
                        perKind.get(m)[0]++;
                    }
                    case ExitCode.BAD_INPUT -> {
                        refused++;
                        perKind.get(m)[1]++;
                        String err = r.err();
                        if (err.lines().count() != 1 || !err.startsWith("etwreplay: " + file + ": ")
                                || !err.matches("(?s).*: (line \\d+(, (column|byte offset) \\d+)?|offset (0x)?[0-9a-f]+)"
                                        + ": .*")) {
                            failures.add(what + ": refusal is not one line naming file and line/offset: " + err);
                        }
                        try (Database after = Database.openReadOnly(db)) {
                            if (!baseline.equals(DatabaseSnapshot.of(after))) {
                                failures.add(what + ": database changed by a refused ingest");
                            }
                        }
                    }
                    default -> failures.add(what + ": exit " + r.exitCode() + ": " + r.err().strip());
                }
                Files.deleteIfExists(file);
                Files.deleteIfExists(db);
            }
        } finally {
            runner.shutdownNow();
        }
        StringBuilder report = new StringBuilder(String.format(
                "corruption suite: %d mutants of %d seed inputs (seed %d): %d ingested with anomalies counted,"
                        + " %d refused cleanly, %d failures%n", MUTANTS, seeds.size(), SEED, ingested, refused,
                failures.size()));
        perKind.forEach((k, v) -> report.append(String.format("  %-22s ingested %4d  refused %4d%n", k, v[0], v[1])));
        System.out.print(report);
        assertEquals(List.of(), failures, report.toString());
    }
}
