package etwreplay.queries;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Diff tests: every shipped report on every scenario trace of sample-traces/ (timelines in
 * sample-traces/README.md and README-replay.md), without parameters, against hand-checked expectations in
 * src/test/resources/golden/reports/SCENARIO/REPORT.csv (.txt for a text report). Each scenario is
 * ingested and replayed once, as trace 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioReportsTest {
    private final Path tmp;
    private final java.util.Map<String, Database> databases = new java.util.HashMap<>();

    ScenarioReportsTest() throws Exception {
        tmp = Files.createTempDirectory("scenario-reports");
    }

    Iterable<Object[]> cases() throws Exception {
        java.util.List<Object[]> out = new java.util.ArrayList<>();
        for (ReportTesting.Scenario s : ReportTesting.scenarios()) {
            for (Report r : ReportCatalog.shipped().all()) {
                out.add(new Object[] {s, r.name()});
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void reportMatchesItsExpectation(ReportTesting.Scenario scenario, String report) throws Exception {
        Database db = databases.get(scenario.name());
        if (db == null) {
            db = ReportTesting.replayed(tmp, scenario);
            databases.put(scenario.name(), db);
        }
        ReportResult r = ReportTesting.run(db, report, Map.of());
        Golden.assertText(ReportTesting.goldenText(r), "golden/reports/" + scenario.name() + "/" + report
                + ReportTesting.goldenExtension(r.report()));
    }

    @AfterAll
    void close() throws Exception {
        for (Database db : databases.values()) {
            db.close();
        }
        try (var files = Files.walk(tmp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
