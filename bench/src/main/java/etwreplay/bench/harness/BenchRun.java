package etwreplay.bench.harness;

import etwreplay.bench.gen.Generate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark: generates traces at each size (reused when already there), runs every stage in a
 * fresh JVM with {@code -Xmx1g} {@code --reps} times, and prints one table of medians with the
 * baselines measured in the same run beside the stages they bound. See bench/README.md.
 */
public final class BenchRun {
    private static final long SEED = 20261121L;

    /** Command-line options. */
    static final class Options {
        List<Long> sizes = List.of(100L << 20, 1L << 30, 10L << 30);
        int reps = 3;
        int repsLarge = 1;
        Path work = Path.of("bench/target/work");
        Path sqlRoot = Path.of("queries/src/main/resources/etwreplay/queries");
        /** Aggregate queries of the kind a shipped report runs, until the report library lands. */
        Path probes = Path.of("bench/probes");
        Path netSource = Path.of("../shared/traces/etl/net.4.5.2.x64.etl");
        long xmlMax = 1L << 30;
        /** A jar of an earlier build: its ingest and replay are measured beside this build's ("before"). */
        Path beforeJar;
        /** How the "before" rows name that build, e.g. its commit (--before-label); default the jar's file name. */
        String beforeLabel;
        boolean keep;
        boolean jfr;
        String heap = "1g";
        List<String> stages = STAGES;
    }

    /** The medians of one stage. */
    record Row(String tier, String stage, long events, long bytes, double seconds, double cpuSeconds, long rssKb,
            long heapBytes, String vs, double ratio) {
    }

    private final Options o;
    private final Path jar;
    private final List<Row> rows = new ArrayList<>();
    private final PrintStream log = System.err;

    BenchRun(Options o, Path jar) {
        this.o = o;
        this.jar = jar;
    }

    /** The stages {@code --stages} may name, in the order they run. */
    static final List<String> STAGES = List.of("etl", "net", "xperf", "xml", "replay", "reports");

    static final String USAGE = String.join("\n",
            "Usage: bench/run [OPTIONS]",
            "Generates traces at each size (reused from the work directory), runs every stage in a fresh JVM and",
            "prints one Markdown table of medians (wall s, CPU s, events/s, MB/s, peak RSS, peak heap) with the",
            "baselines measured in the same run beside the stages they bound. See bench/README.md.",
            "",
            "  --quick              one small size (20M of text), one repetition",
            "  --sizes LIST         sizes of xperf text, e.g. 100M,1G,10G (the default); ETL and XML get the same events",
            "  --reps N             repetitions per stage (default 3); the table shows medians",
            "  --reps-large N       repetitions at sizes of 5G and more (default 1)",
            "  --stages LIST        some of " + String.join(",", STAGES) + " (default: all)",
            "  --heap SIZE          -Xmx of every stage's JVM (default 1g)",
            "  --work DIR           where traces and databases go (default bench/target/work)",
            "  --net-source FILE    the real ETL whose buffers the net stage repeats",
            "                       (default ../shared/traces/etl/net.4.5.2.x64.etl)",
            "  --xml-max SIZE       generate XML only while it stays under SIZE (default 1G; XML is ~7x the text)",
            "  --keep               keep generated files of 2G and more (deleted once measured by default)",
            "  --jfr                record a JFR profile of every stage under the work directory",
            "  --before-jar JAR     also measure ingest and replay with an earlier build's bench jar",
            "  --before-label TEXT  how the \"before\" rows name that build (default: the jar's file name)",
            "  -h, --help           show this and exit",
            "",
            "Examples:",
            "  bench/run --quick",
            "  bench/run --sizes 100M,1G --stages etl,replay --reps 5",
            "  bench/run --sizes 1G --before-jar /tmp/old-bench.jar --before-label abc1234");

    /** A command line {@link #parse} refuses, with the one-line reason. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Options o;
        try {
            o = parse(args);
        } catch (UsageException e) {
            System.err.println("bench: " + e.getMessage() + " (bench/run --help lists the options)");
            System.exit(2);
            return;
        }
        Path jar = Path.of(BenchRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        new BenchRun(o, jar).run();
    }

    /** The options of a command line. */
    static Options parse(String[] args) throws UsageException {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--quick" -> {
                    o.sizes = List.of(20L << 20);
                    o.reps = 1;
                }
                case "--keep" -> o.keep = true;
                case "--jfr" -> o.jfr = true;
                case "--sizes", "--reps", "--reps-large", "--work", "--net-source", "--xml-max", "--stages", "--heap",
                        "--before-jar", "--before-label" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    set(o, name, args[++i]);
                }
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }
        if (o.beforeJar != null && o.beforeLabel == null) {
            o.beforeLabel = o.beforeJar.getFileName().toString();
        }
        return o;
    }

    private static void set(Options o, String name, String value) throws UsageException {
        switch (name) {
            case "--sizes" -> {
                List<Long> sizes = new ArrayList<>();
                for (String s : value.split(",")) {
                    sizes.add(size(name, s));
                }
                o.sizes = sizes;
            }
            case "--reps" -> o.reps = count(name, value);
            case "--reps-large" -> o.repsLarge = count(name, value);
            case "--work" -> o.work = Path.of(value);
            case "--net-source" -> o.netSource = Path.of(value);
            case "--xml-max" -> o.xmlMax = size(name, value);
            case "--stages" -> {
                List<String> stages = List.of(value.split(","));
                for (String s : stages) {
                    if (!STAGES.contains(s)) {
                        throw new UsageException("--stages: unknown stage '" + s + "' (stages: "
                                + String.join(", ", STAGES) + ")");
                    }
                }
                o.stages = stages;
            }
            case "--heap" -> {
                if (!value.matches("[0-9]+[kKmMgG]?")) {
                    throw new UsageException("--heap: '" + value + "' is not a JVM heap size (e.g. 1g, 512m)");
                }
                o.heap = value;
            }
            case "--before-jar" -> {
                o.beforeJar = Path.of(value);
                if (!Files.isRegularFile(o.beforeJar)) {
                    throw new UsageException("--before-jar: no such file " + value);
                }
            }
            case "--before-label" -> o.beforeLabel = value;
            default -> throw new IllegalStateException(name);
        }
    }

    private static long size(String option, String value) throws UsageException {
        try {
            long bytes = parseSize(value);
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException(option + ": '" + value + "' is not a size (e.g. 100M, 1G, 1.5G)");
    }

    private static int count(String option, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException(option + ": '" + value + "' is not a count of 1 or more");
    }

    static long parseSize(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        long mult = u.endsWith("G") ? 1L << 30 : u.endsWith("M") ? 1L << 20 : u.endsWith("K") ? 1L << 10 : 1;
        String n = mult == 1 ? u : u.substring(0, u.length() - 1);
        return (long) (Double.parseDouble(n) * mult);
    }

    static String sizeName(long bytes) {
        return bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? (bytes >> 30) + "G" : (bytes >> 20) + "M";
    }

    void run() throws Exception {
        Files.createDirectories(o.work);
        log.printf(Locale.ROOT, "bench: sizes %s, reps %d, heap %s, work %s%n",
                o.sizes.stream().map(BenchRun::sizeName).toList(), o.reps, o.heap, o.work.toAbsolutePath());
        for (long size : o.sizes) {
            tier(size);
        }
        String table = table();
        System.out.println(table);
        Path out = o.work.resolve("results-" + Instant.now().toString().replace(':', '-') + ".md");
        Files.writeString(out, table, StandardCharsets.UTF_8);
        log.println("bench: table written to " + out);
    }

    private void tier(long textBytes) throws Exception {
        String tier = sizeName(textBytes);
        long events = Generate.eventsForTextBytes(textBytes, SEED);
        int reps = textBytes >= 5L << 30 ? o.repsLarge : o.reps;
        Path dir = o.work.resolve("gen-" + events);
        log.printf(Locale.ROOT, "bench: tier %s: %,d events%n", tier, events);
        List<Path> generated = new ArrayList<>();
        if (o.stages.contains("etl") || o.stages.contains("replay") || o.stages.contains("reports")) {
            Path x64 = generated(dir, "etl64", events, generated);
            Stats base = stage(reps, "read-baseline", x64.toString());
            Stats ing = stage(reps, "ingest", x64.toString(), dir.resolve("etl64.duckdb").toString());
            add(tier, "ETL x64: plain Java sequential read (baseline)", base, ing.events, null, 0);
            add(tier, "ETL x64 ingest (decode + store)", ing, ing.events, "read", base.seconds / ing.seconds);
            Stats floor = stage(reps, "store-floor", dir.resolve("etl64.duckdb").toString());
            add(tier, "DuckDB copying the ingested tables, CTAS (storage floor)", floor, floor.events, null, 0);
            Stats floor1 = stage(reps, "store-floor-1", dir.resolve("etl64.duckdb").toString());
            add(tier, "the same on one thread, the ingest's DuckDB settings (its storing thread's floor)", floor1,
                    floor1.events, null, 0);
            Stats numbers = stage(reps, "store-floor-numbers", dir.resolve("etl64.duckdb").toString());
            add(tier, "the same, numbers only: no text, map or empty columns (a narrower schema's floor)", numbers,
                    numbers.events, null, 0);
            Stats decode = stage(reps, "decode-floor", x64.toString());
            add(tier, "ETL x64 decoding alone (reader into a counting sink; no batches, no storing)", decode,
                    decode.events, null, 0);
            Stats old = before(reps, "ingest", x64.toString(), dir.resolve("before.duckdb").toString());
            if (old != null) {
                add(tier, "ETL x64 ingest, before (" + o.beforeLabel + ")", old, old.events, "read",
                        base.seconds / old.seconds);
                Files.deleteIfExists(dir.resolve("before.duckdb"));
            }
            if (o.stages.contains("etl")) {
                Path x86 = generated(dir, "etl32", events, generated);
                Stats ing32 = stage(reps, "ingest", x86.toString(), dir.resolve("etl32.duckdb").toString());
                add(tier, "ETL x86 ingest", ing32, ing32.events, null, 0);
                Files.deleteIfExists(dir.resolve("etl32.duckdb"));
            }
            if (o.stages.contains("replay")) {
                Stats rep = stage(reps, "replay", dir.resolve("etl64.duckdb").toString());
                add(tier, "replay (ETL x64 database)", rep, rep.events, null, 0);
                // Both parts are counted in the trace's events, so that their M events/s bound the replay's.
                Stats scan = stage(reps, "scan-floor", dir.resolve("etl64.duckdb").toString());
                add(tier, "replay's ordered scan alone (read + merge; no trackers, no storing)", scan, rep.events,
                        null, 0);
                Stats read = stage(reps, "read-floor", dir.resolve("etl64.duckdb").toString());
                add(tier, "DuckDB handing over the scan's rows alone (each query once, every value read)", read,
                        rep.events, null, 0);
                Stats oldReplay = before(reps, "replay", dir.resolve("etl64.duckdb").toString());
                // After the "before" replay, which replays into (and then deletes) the same copy's path.
                child(jar, "replay-keep", dir.resolve("etl64.duckdb").toString());
                Stats derived = stage(reps, "derived-floor", dir.resolve("etl64.duckdb.replay.duckdb").toString());
                add(tier, "DuckDB copying the derived tables, CTAS (storage floor)", derived, rep.events, null, 0);
                if (oldReplay != null) {
                    add(tier, "replay, before (" + o.beforeLabel + ")", oldReplay, oldReplay.events, null, 0);
                }
            }
            if (o.stages.contains("reports")) {
                // The reports read the derived tables: keep one replayed copy for them (the replay stage did).
                if (!o.stages.contains("replay")) {
                    child(jar, "replay-keep", dir.resolve("etl64.duckdb").toString());
                }
                Map<String, Stats> rs = stages(reps, "reports", dir.resolve("etl64.duckdb.replay.duckdb").toString(),
                        o.sqlRoot.toString(), o.probes.toString());
                for (Map.Entry<String, Stats> e : rs.entrySet()) {
                    if (e.getKey().startsWith("copy:")) {
                        continue;
                    }
                    // Beside each report, DuckDB writing the same result as CSV itself (its floor).
                    Stats copy = rs.get("copy:" + e.getKey());
                    add(tier, e.getKey() + " (rows: " + e.getValue().events + ")", e.getValue(), -1,
                            copy == null ? null : "COPY", copy == null ? 0 : copy.seconds / e.getValue().seconds);
                }
            }
        }
        if (o.stages.contains("net") && Files.isRegularFile(o.netSource)) {
            Path x64 = dir.resolve(Generate.fileName("gen", "etl64"));
            long target = Files.isRegularFile(x64) ? Files.size(x64) : events * 55;
            Path net = dir.resolve("net-repeat.etl");
            if (!Files.isRegularFile(net)) {
                log.println("bench: writing " + net);
                Generate.netRepeat(o.netSource, net, target);
            }
            generated.add(net);
            Stats base = stage(reps, "read-baseline", net.toString());
            Stats ing = stage(reps, "ingest", net.toString(), dir.resolve("net.duckdb").toString());
            add(tier, "net.4.5.2 repeated: plain Java read (baseline)", base, ing.events, null, 0);
            add(tier, "net.4.5.2 repeated: ETL ingest", ing, ing.events, "read", base.seconds / ing.seconds);
            Files.deleteIfExists(dir.resolve("net.duckdb"));
        }
        if (o.stages.contains("xperf")) {
            Path txt = generated(dir, "xperf", events, generated);
            Stats base = stage(reps, "csv-baseline", txt.toString(), dir.resolve("csv.duckdb").toString());
            Files.deleteIfExists(dir.resolve("csv.duckdb"));
            Stats ing = stage(reps, "ingest", txt.toString(), dir.resolve("xperf.duckdb").toString());
            Files.deleteIfExists(dir.resolve("xperf.duckdb"));
            add(tier, "xperf text: DuckDB read_csv, all VARCHAR (baseline)", base, base.events, null, 0);
            add(tier, "xperf text ingest", ing, ing.events, "read_csv", base.seconds / ing.seconds);
            Stats old = before(reps, "ingest", txt.toString(), dir.resolve("before.duckdb").toString());
            if (old != null) {
                add(tier, "xperf text ingest, before (" + o.beforeLabel + ")", old, old.events, "read_csv",
                        base.seconds / old.seconds);
                Files.deleteIfExists(dir.resolve("before.duckdb"));
            }
        }
        if (o.stages.contains("xml")) {
            long estimate = events * 1250;
            if (estimate > o.xmlMax) {
                log.printf(Locale.ROOT, "bench: XML skipped at %s: about %,d MB > --xml-max%n", tier, estimate >> 20);
            } else {
                Path xml = generated(dir, "xml", events, generated);
                Stats base = stage(reps, "stax-baseline", xml.toString());
                Stats ing = stage(reps, "ingest", xml.toString(), dir.resolve("xml.duckdb").toString());
                Files.deleteIfExists(dir.resolve("xml.duckdb"));
                add(tier, "tracerpt XML: bare StAX pass (baseline)", base, base.events, null, 0);
                add(tier, "tracerpt XML ingest", ing, ing.events, "StAX", base.seconds / ing.seconds);
                Stats old = before(reps, "ingest", xml.toString(), dir.resolve("before.duckdb").toString());
                if (old != null) {
                    add(tier, "tracerpt XML ingest, before (" + o.beforeLabel + ")", old, old.events, "StAX",
                            base.seconds / old.seconds);
                    Files.deleteIfExists(dir.resolve("before.duckdb"));
                }
            }
        }
        if (!o.keep) {
            for (Path p : generated) {
                if (Files.size(p) >= 2L << 30) {
                    Files.deleteIfExists(p);
                }
            }
            if (textBytes >= 5L << 30) {
                Files.deleteIfExists(dir.resolve("etl64.duckdb"));
                Files.deleteIfExists(dir.resolve("etl64.duckdb.replay.duckdb"));
            }
        }
    }

    private Path generated(Path dir, String format, long events, List<Path> list) throws IOException {
        Path f = dir.resolve(Generate.fileName("gen", format));
        if (!Files.isRegularFile(f) || !Files.isRegularFile(Path.of(f + ".counts"))) {
            log.printf(Locale.ROOT, "bench: generating %s (%,d events)%n", f, events);
            long t0 = System.nanoTime();
            Generate.generate(dir, "gen", format, events, SEED);
            log.printf(Locale.ROOT, "bench:   %,d MB in %.1f s%n", Files.size(f) >> 20, (System.nanoTime() - t0) / 1e9);
        }
        list.add(f);
        return f;
    }

    private void add(String tier, String stage, Stats s, long events, String vs, double ratio) {
        rows.add(new Row(tier, stage, events >= 0 ? events : s.events, s.bytes, s.seconds, s.cpuSeconds, s.rssKb,
                s.heapBytes, vs, ratio));
        log.printf(Locale.ROOT, "bench: %-5s %-55s %8.2f s%n", tier, stage, s.seconds);
    }

    /** Medians over the repetitions of one result. */
    record Stats(double seconds, long events, long bytes, long rssKb, long heapBytes, double cpuSeconds) {
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? -1 : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private Stats stage(int reps, String... args) throws Exception {
        return stages(jar, reps, args).values().iterator().next();
    }

    /** The same stage with the {@code --before-jar} build, or null without one. */
    private Stats before(int reps, String... args) throws Exception {
        return o.beforeJar == null ? null : stages(o.beforeJar, reps, args).values().iterator().next();
    }

    private Map<String, Stats> stages(int reps, String... args) throws Exception {
        return stages(jar, reps, args);
    }

    /** Runs {@code Stage args} {@code reps} times; medians per result name (reports give several). */
    private Map<String, Stats> stages(Path stageJar, int reps, String... args) throws Exception {
        Map<String, List<Map<String, String>>> byName = new LinkedHashMap<>();
        for (int r = 0; r < reps; r++) {
            for (Map<String, String> res : child(stageJar, args)) {
                byName.computeIfAbsent(res.get("name"), k -> new ArrayList<>()).add(res);
            }
        }
        Map<String, Stats> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Map<String, String>>> e : byName.entrySet()) {
            List<Map<String, String>> l = e.getValue();
            double[] secs = l.stream().mapToDouble(m -> Double.parseDouble(m.get("seconds"))).sorted().toArray();
            double median = secs.length % 2 == 1 ? secs[secs.length / 2]
                    : (secs[secs.length / 2 - 1] + secs[secs.length / 2]) / 2;
            out.put(e.getKey(), new Stats(median, Long.parseLong(l.get(0).get("events")),
                    Long.parseLong(l.get(0).get("bytes")),
                    l.stream().mapToLong(m -> Long.parseLong(m.get("rss_kb"))).max().orElse(-1),
                    l.stream().mapToLong(m -> Long.parseLong(m.get("heap_bytes"))).max().orElse(-1),
                    median(l.stream().mapToDouble(m -> Double.parseDouble(m.getOrDefault("cpu_seconds", "-1"))).toArray())));
        }
        return out;
    }

    private List<Map<String, String>> child(String... args) throws Exception {
        return child(jar, args);
    }

    private List<Map<String, String>> child(Path stageJar, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + o.heap, "-Duser.timezone=UTC", "-Duser.language=en", "-Duser.country=US",
                // The collector the ./etwreplay launcher selects, so that the bench measures what users run.
                "-XX:+UseParallelGC"));
        if (o.jfr) {
            Path jfr = o.work.resolve("jfr-" + args[0] + "-" + System.nanoTime() + ".jfr");
            cmd.add("-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile");
        }
        cmd.addAll(List.of("-cp", stageJar.toString(), Stage.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Map<String, String>> results = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    Map<String, String> m = new LinkedHashMap<>();
                    for (String kv : line.substring(7).split(" ")) {
                        int eq = kv.indexOf('=');
                        m.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                    results.add(m);
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0 || results.isEmpty()) {
            throw new IllegalStateException("stage " + String.join(" ", args) + " failed (exit " + rc + ")");
        }
        return results;
    }

    private String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| size | stage | events | file MB | wall s | CPU s | M events/s | MB/s | peak RSS MB | peak heap MB"
                + " | ratio |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            double mb = r.bytes / 1048576.0;
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %.1f | %s | %s | %d | %d | %s |%n", r.tier,
                    r.stage, r.events > 0 ? String.format(Locale.ROOT, "%,d", r.events) : "",
                    r.bytes > 0 ? String.format(Locale.ROOT, "%,.0f", mb) : "", r.seconds, r.cpuSeconds,
                    r.events > 0 && r.bytes >= 0 && !r.stage.startsWith("report") ? String.format(Locale.ROOT, "%.2f",
                            r.events / r.seconds / 1e6) : "",
                    r.bytes > 0 ? String.format(Locale.ROOT, "%.1f", mb / r.seconds) : "", r.rssKb / 1024,
                    r.heapBytes >> 20, r.vs == null ? "" : String.format(Locale.ROOT, "%.2f x %s", r.ratio, r.vs)));
        }
        // Linearity: each stage's time at the largest size over its time at the next smaller one.
        List<String> tiers = rows.stream().map(Row::tier).distinct().toList();
        if (tiers.size() > 1) {
            sb.append("\nTime ratio between sizes (linear = the ratio of event counts):\n\n| stage |");
            for (int i = 1; i < tiers.size(); i++) {
                sb.append(' ').append(tiers.get(i)).append(" / ").append(tiers.get(i - 1)).append(" |");
            }
            sb.append("\n|---|").append("---:|".repeat(tiers.size() - 1)).append('\n');
            for (String stage : rows.stream().map(Row::stage).filter(s -> !s.startsWith("report")).distinct().toList()) {
                sb.append("| ").append(stage).append(" |");
                for (int i = 1; i < tiers.size(); i++) {
                    Row a = find(tiers.get(i - 1), stage);
                    Row b = find(tiers.get(i), stage);
                    sb.append(a == null || b == null ? " |" : String.format(Locale.ROOT, " %.2f (events %.2f) |",
                            b.seconds / a.seconds, (double) b.events / a.events));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private Row find(String tier, String stage) {
        return rows.stream().filter(r -> r.tier.equals(tier) && r.stage.equals(stage)).findFirst().orElse(null);
    }
}
