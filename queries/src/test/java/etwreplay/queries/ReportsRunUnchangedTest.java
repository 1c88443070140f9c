package etwreplay.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.store.ResultTable;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.ReplayEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The .sql files are the interface, not just etwreplay's: each one, read from the source tree and executed
 * as is over plain JDBC (no etwreplay code: DriverManager, a read-only connection, the parameters set with
 * literal {@code SET VARIABLE} statements as a duckdb CLI user would type them), gives exactly what the
 * runner gives, on a database holding every scenario trace at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsRunUnchangedTest {
    private Path dir;
    private Path file;

    @BeforeAll
    void buildDatabase() throws Exception {
        dir = Files.createTempDirectory("reports-unchanged");
        file = dir.resolve("all.duckdb");
        try (Database db = Database.openForWrite(file)) {
            for (ReportTesting.Scenario s : ReportTesting.scenarios()) {
                if (s.machine() == null) {
                    new TraceIngester(db, TestDatabases.TEST_TOOL_VERSION)
                            .ingest(SharedTraces.sample(s.trace() + ".txt"), TraceIngester.Options.defaults());
                }
            }
            ReplayEngine.replayAll(db, null);
        }
    }

    List<String> reports() {
        return ReportCatalog.shipped().names();
    }

    @ParameterizedTest
    @MethodSource("reports")
    void theResourceTextGivesWhatTheRunnerGives(String name) throws Exception {
        Report report = ReportTesting.report(name);
        String source = Files.readString(Path.of("src/main/resources").resolve(report.resourcePath()), StandardCharsets.UTF_8);
        assertEquals(source, report.sql(), "the runner runs the shipped text unchanged");

        ResultTable all = plainJdbc(source, Map.of());
        assertEquals(runner(report, Map.of()).toCsv(), all.toCsv());
        assertTrue(all.rows().size() > 0, name + " has rows for some scenario");

        // The same with parameters: each set as a literal SET VARIABLE, as in the README's example.
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> literals = new LinkedHashMap<>();
        for (ReportParameter p : report.parameters()) {
            switch (p.name()) {
                case "trace" -> put(params, literals, "trace", "2", "2");
                case "cpu" -> put(params, literals, "cpu", "1", "1");
                case "from_us" -> put(params, literals, "from_us", "1000", "1000");
                case "to_us" -> put(params, literals, "to_us", "1600.5", "1600.5");
                default -> {
                    // Other parameters stay unset: no filter.
                }
            }
        }
        assertEquals(runner(report, params).toCsv(), plainJdbc(source, literals).toCsv(), name + " with " + params);
    }

    private static void put(Map<String, String> params, Map<String, String> literals, String name, String value,
            String literal) {
        params.put(name, value);
        literals.put(name, literal);
    }

    private ResultTable runner(Report report, Map<String, String> params) throws Exception {
        try (Database db = Database.openReadOnly(file)) {
            return new ReportRunner(db).run(report, params).table();
        }
    }

    private ResultTable plainJdbc(String sql, Map<String, String> literals) throws Exception {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
                Statement st = c.createStatement()) {
            for (Map.Entry<String, String> e : literals.entrySet()) {
                st.execute("SET VARIABLE " + e.getKey() + " = " + e.getValue());
            }
            try (ResultSet rs = st.executeQuery(sql)) {
                return ResultTable.from(rs);
            }
        }
    }

    @AfterAll
    void removeDatabase() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
