package etwreplay.queries;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.ReplayEngine;
import etwreplay.replay.machine.MachineSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared pieces of the report tests: scenario databases and how a result is written for a diff. */
final class ReportTesting {
    private ReportTesting() {
    }

    /**
     * A scenario of {@code sample-traces/}: the file's stem, and the machine to replay it against (null:
     * inferred). The x86 user-address scenario is also replayed as /3GB, as its timeline tells.
     */
    record Scenario(String trace, String machine) {
        String name() {
            return machine == null ? trace : trace + "/" + machine;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Every trace in sample-traces/ (so a new one cannot be left without expectations), and the /3GB replay. */
    static List<Scenario> scenarios() throws Exception {
        List<Scenario> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedTraces.sampleTraces())) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted()
                    .forEach(n -> out.add(new Scenario(n.substring(0, n.length() - 4), null)));
        }
        out.add(new Scenario("x86-user-address", "x86-3gb"));
        return out;
    }

    /** A new database in {@code dir} holding {@code scenario} as trace 1, replayed. */
    static Database replayed(Path dir, Scenario scenario) throws Exception {
        Database db = TestDatabases.ingest(dir, SharedTraces.sample(scenario.trace() + ".txt"));
        ReplayEngine.replay(db, 1, scenario.machine() == null ? null : MachineSpec.parse(scenario.machine()));
        return db;
    }

    static Report report(String name) {
        return ReportCatalog.shipped().find(name).orElseThrow();
    }

    static ReportResult run(Database db, String report, Map<String, String> params) throws Exception {
        return new ReportRunner(db).run(report(report), params);
    }

    /** The text a golden file holds: CSV, or a text report's lines. */
    static String goldenText(ReportResult r) {
        return r.report().output() == Report.Output.TEXT ? ReportOutput.render(r, OutputFormat.TABLE)
                : r.table().toCsv();
    }

    static String goldenExtension(Report r) {
        return r.output() == Report.Output.TEXT ? ".txt" : ".csv";
    }
}
