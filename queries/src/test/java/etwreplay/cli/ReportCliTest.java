package etwreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.queries.OutputFormat;
import etwreplay.queries.Report;
import etwreplay.queries.ReportCatalog;
import etwreplay.queries.ReportOutput;
import etwreplay.queries.ReportResult;
import etwreplay.queries.ReportRunner;
import etwreplay.replay.store.ReplaySchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code etwreplay reports} and {@code etwreplay report} as a user meets them: outputs, exit codes, bound parameters. */
class ReportCliTest {
    private static final String FOREIGN_CSV_HEADER = "trace_id,irp_id,family,op,irp,file_name,issuer,issuer_dtb,issue_us,"
            + "complete_us,complete_cpu,completion_irql,completion_span,completion_module,loaded_process,loaded_dtb,"
            + "context_confidence,isr_to_dpc_us,dpc_to_completion_us,completion_to_apc_us,apc_basis,chain\n";

    @TempDir
    Path tmp;

    /** disk-read-foreign-context analysed (ingested and replayed) into a new database. */
    private Path analysed(String trace) {
        Path db = tmp.resolve(trace.replace(".txt", "") + ".duckdb");
        CliRun r = CliRun.of("analyze", SharedTraces.sample(trace).toString(), "--db", db.toString());
        assertEquals(0, r.exitCode(), r.err());
        return db;
    }

    private static String golden(String scenario, String report) throws Exception {
        return Files.readString(Path.of("src/test/resources/golden/reports", scenario, report + ".csv"),
                StandardCharsets.UTF_8);
    }

    @Test
    void reportsListsEveryReportWithItsDescriptionAndShowsOnesDocumentation() {
        CliRun list = CliRun.of("reports");
        assertEquals(0, list.exitCode(), list.err());
        for (Report r : ReportCatalog.shipped().all()) {
            assertTrue(list.out().lines().anyMatch(l -> l.startsWith(r.name() + " ") && l.endsWith(r.description())),
                    r.name() + " in\n" + list.out());
        }
        CliRun doc = CliRun.of("reports", "dpc_isr_latency");
        assertEquals(0, doc.exitCode(), doc.err());
        assertTrue(doc.out().contains("Parameters (SET VARIABLE name = value"), doc.out());
        for (String column : ReportCatalog.shipped().find("dpc_isr_latency").orElseThrow().columns().keySet()) {
            assertTrue(doc.out().contains("\n  " + column + " "), column + " documented in\n" + doc.out());
        }
        CliRun unknown = CliRun.of("reports", "nope");
        assertEquals(ExitCode.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("no report 'nope'; reports: trace_summary, foreign_completions"), unknown.err());
    }

    @Test
    void aReportInEachFormat() throws Exception {
        Path db = analysed("disk-read-foreign-context.txt");
        CliRun csv = CliRun.of("report", "foreign_completions", "--db", db.toString(), "-f", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        assertEquals(golden("disk-read-foreign-context", "foreign_completions"), csv.out());

        CliRun table = CliRun.of("report", "foreign_completions", "--db", db.toString());
        assertTrue(table.out().startsWith("trace_id  irp_id  family  op    irp"), table.out());
        assertTrue(table.out().endsWith("(1 row)\n"), table.out());

        CliRun json = CliRun.of("report", "foreign_completions", "--db", db.toString(), "--format", "json");
        assertTrue(json.out().startsWith("[\n  {\"trace_id\": 1, \"irp_id\": 2, \"family\": \"disk\", \"op\": \"Read\","
                + " \"irp\": \"0xffffc0010a2b3010\""), json.out());

        CliRun md = CliRun.of("report", "hazards", "--db", db.toString(), "-f", "markdown");
        assertEquals("| trace_id | hazard_id | kind | ts_us | cpu | irql | span | module | process | address | address_class"
                + " | irp_id | evidence | explanation | source_table | source_seq |\n"
                + "| ---: | ---: | --- | ---: | ---: | ---: | --- | --- | --- | --- | --- | ---: | --- | --- | --- | ---: |\n",
                md.out());
        CliRun mdRows = CliRun.of("report", "dpc_isr_by_module", "--db", db.toString(), "-f", "markdown");
        assertTrue(mdRows.out().contains("\n| 1 | DPC | storport.sys |  | 1 | 100 | 35 | 35 | 35 | 0.8333 | 2 | 1505 |"
                + " 1:0 2:0 4:0 8:0 16:0 32:0 64:1 |\n"), mdRows.out());

        // A text report is its lines, in table and markdown format.
        CliRun text = CliRun.of("report", "dpc_isr_xperf", "--db", db.toString());
        assertEquals(Files.readString(Path.of("src/test/resources/golden/reports/disk-read-foreign-context/dpc_isr_xperf.txt")),
                text.out());
        CliRun fenced = CliRun.of("report", "dpc_isr_xperf", "--db", db.toString(), "-f", "markdown");
        assertTrue(fenced.out().startsWith("```text\n\n--------------------------\nDPC Info\n"), fenced.out());
        assertTrue(fenced.out().endsWith("```\n"), fenced.out());
    }

    @Test
    void outputGoesToAFileWhenAsked() throws Exception {
        Path db = analysed("disk-read-foreign-context.txt");
        Path out = tmp.resolve("foreign.csv");
        CliRun r = CliRun.of("report", "foreign_completions", "--db", db.toString(), "-f", "csv", "--output", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("Wrote 1 row of report foreign_completions to " + out + "\n", r.out());
        assertEquals(golden("disk-read-foreign-context", "foreign_completions"), Files.readString(out));
    }

    @Test
    void theStreamedOutputIsWhatTheLibraryMaterialisesForEveryReportAndFormat() throws Exception {
        // The CLI streams rows (Database.stream); the library materialises them (ResultTable): two readers of a
        // result, one text. Scenarios with rows in most reports, nested spans, NULLs, addresses and text lines.
        for (String trace : List.of("disk-read-foreign-context.txt", "isr-nested-in-dpc.txt", "messy-export.txt")) {
            Path db = analysed(trace);
            for (Report report : ReportCatalog.shipped().all()) {
                ReportResult materialised;
                try (Database d = Database.openReadOnly(db)) {
                    materialised = new ReportRunner(d).run(report, Map.of());
                }
                for (OutputFormat format : OutputFormat.values()) {
                    CliRun r = CliRun.of("report", report.name(), "--db", db.toString(), "-f",
                            format.name().toLowerCase(java.util.Locale.ROOT));
                    assertEquals(0, r.exitCode(), r.err());
                    assertEquals(ReportOutput.render(materialised, format), r.out(), trace + " " + report.name() + " "
                            + format);
                }
            }
        }
    }

    @Test
    void aFailedReportLeavesTheOutputFileAsItWas() throws Exception {
        Path db = analysed("disk-read-foreign-context.txt");
        Path out = tmp.resolve("kept.csv");
        Files.writeString(out, "an earlier result\n");
        // The bad value is found once the partial file is open (inside the write); a failure in the middle of the
        // rows cannot be provoked from outside, OutputFileTest covers that.
        CliRun r = CliRun.of("report", "cpu_timeline", "--db", db.toString(), "-p", "cpu=x", "-o", out.toString());
        assertEquals(ExitCode.USAGE, r.exitCode(), r.out());
        assertEquals("an earlier result\n", Files.readString(out));
        assertFalse(Files.exists(tmp.resolve("kept.csv.partial")));
    }

    @Test
    void parametersFilterAsValues() {
        Path db = analysed("disk-read-foreign-context.txt");
        String d = db.toString();
        assertEquals(2, CliRun.of("report", "foreign_completions", "--db", d, "-f", "csv", "-p", "process=READER.exe")
                .out().lines().count(), "the issuer, case-insensitively");
        assertEquals(FOREIGN_CSV_HEADER, CliRun.of("report", "foreign_completions", "--db", d, "-f", "csv",
                "--param", "process=browser.exe").out(), "browser.exe completed it but did not issue it");
        assertEquals(FOREIGN_CSV_HEADER, CliRun.of("report", "foreign_completions", "--db", d, "-f", "csv",
                "-p", "cpu=0").out());
        assertEquals(2, CliRun.of("report", "foreign_completions", "--db", d, "-f", "csv", "-p", "from_us=1530",
                "-p", "to_us=1530").out().lines().count(), "a window holding just the completion");
        assertEquals(FOREIGN_CSV_HEADER, CliRun.of("report", "foreign_completions", "--db", d, "-f", "csv",
                "-p", "from_us=1530.001").out());
        assertEquals(FOREIGN_CSV_HEADER, CliRun.of("report", "foreign_completions", "--db", d, "-f", "csv",
                "-p", "to_us=1529.999").out(), "the window ends a nanosecond before the completion");
        // Bounds beyond what a BIGINT of nanoseconds holds select nothing (or everything), not an error.
        assertEquals(FOREIGN_CSV_HEADER, CliRun.of("report", "foreign_completions", "--db", d, "-f", "csv",
                "-p", "from_us=1e300").out());
        assertEquals(2, CliRun.of("report", "foreign_completions", "--db", d, "-f", "csv", "-p", "from_us=-1e300",
                "-p", "to_us=1e300").out().lines().count());
        CliRun timeline = CliRun.of("report", "cpu_timeline", "--db", d, "-f", "csv", "-p", "cpu=1", "-p", "from_us=1501",
                "-p", "to_us=1520");
        assertEquals(List.of("1,1,105,2000,1895,thread", "1,1,1500,1503,3,span", "1,1,1505,1540,35,span"),
                timeline.out().lines().skip(1).map(l -> String.join(",", List.of(l.split(",")).subList(0, 6))).toList());
    }

    @Test
    void aParameterValueIsDataNeverSql() throws Exception {
        // A process whose name holds a quote: spliced into SQL it would break the statement; bound, it matches.
        Path trace = tmp.resolve("quoted.txt");
        Files.writeString(trace, Files.readString(SharedTraces.sample("disk-read-foreign-context.txt"),
                StandardCharsets.UTF_8).replace("reader.exe", "o'reader.exe"), StandardCharsets.UTF_8);
        Path db = tmp.resolve("quoted.duckdb");
        assertEquals(0, CliRun.of("analyze", trace.toString(), "--db", db.toString()).exitCode());
        String d = db.toString();
        CliRun quoted = CliRun.of("report", "foreign_completions", "--db", d, "-f", "csv", "-p", "process=o'reader.exe");
        assertEquals(0, quoted.exitCode(), quoted.err());
        assertTrue(quoted.out().contains("\n1,2,disk,Read,0xffffc0010a2b3010,C:\\data\\input.bin,o'reader.exe (1200) tid 1204,"),
                quoted.out());

        for (String attack : new String[] {"x' OR '1'='1", "x'; DROP TABLE irp; --", "') OR true OR ('",
            "x' UNION SELECT * FROM trace --"}) {
            CliRun r = CliRun.of("report", "foreign_completions", "--db", d, "-f", "csv", "-p", "process=" + attack);
            assertEquals(0, r.exitCode(), attack + ": " + r.err());
            assertEquals(FOREIGN_CSV_HEADER, r.out(), attack + " matches no process name");
        }
        CliRun numeric = CliRun.of("report", "foreign_completions", "--db", d, "-p", "cpu=1 OR 1=1");
        assertEquals(ExitCode.USAGE, numeric.exitCode());
        assertEquals("etwreplay: parameter cpu of report foreign_completions: '1 OR 1=1' is not a whole number\n"
                + "Try 'etwreplay report --help' for more.\n", numeric.err());
        assertEquals("n\n2\n", CliRun.of("sql", "--db", d, "-f", "csv", "SELECT count(*) AS n FROM irp").out(),
                "the database is untouched");
    }

    @Test
    void usageErrorsListWhatIsValid() {
        Path db = analysed("ioctl-same-context.txt");
        String d = db.toString();
        CliRun noReport = CliRun.of("report", "frobnicate", "--db", d);
        assertEquals(ExitCode.USAGE, noReport.exitCode());
        assertTrue(noReport.err().startsWith("etwreplay: no report 'frobnicate'; reports: "
                + String.join(", ", ReportCatalog.shipped().names()) + "\n"), noReport.err());

        CliRun noParam = CliRun.of("report", "hazards", "--db", d, "-p", "pid=4");
        assertEquals(ExitCode.USAGE, noParam.exitCode());
        assertTrue(noParam.err().startsWith("etwreplay: report hazards has no parameter 'pid'; its parameters: trace"
                + " (INTEGER), kind (VARCHAR), module (VARCHAR), process (VARCHAR), cpu (INTEGER), from_us (DOUBLE),"
                + " to_us (DOUBLE)\n"), noParam.err());
        CliRun none = CliRun.of("report", "dpc_isr_xperf", "--db", d, "-p", "cpu=1");
        assertTrue(none.err().contains("its parameters: trace (INTEGER)"), none.err());

        CliRun notKeyValue = CliRun.of("report", "hazards", "--db", d, "-p", "cpu");
        assertEquals(ExitCode.USAGE, notKeyValue.exitCode(), notKeyValue.err());
        CliRun badNumber = CliRun.of("report", "dpc_isr_worst", "--db", d, "-p", "min_us=fast");
        assertEquals(ExitCode.USAGE, badNumber.exitCode());
        assertTrue(badNumber.err().contains("parameter min_us of report dpc_isr_worst: 'fast' is not a number"),
                badNumber.err());
        CliRun noTrace = CliRun.of("report", "hazards", "--db", d, "-p", "trace=9");
        assertEquals(ExitCode.USAGE, noTrace.exitCode());
        assertTrue(noTrace.err().startsWith("etwreplay: the database holds no trace 9; its traces: 1\n"), noTrace.err());
        CliRun badFormat = CliRun.of("report", "hazards", "--db", d, "-f", "xml");
        assertEquals(ExitCode.USAGE, badFormat.exitCode());
        assertTrue(badFormat.err().contains("'xml' is not a result format (table, csv, json, markdown)"), badFormat.err());
        CliRun noDb = CliRun.of("report", "hazards", "--db", tmp.resolve("none.duckdb").toString());
        assertEquals(ExitCode.DATABASE, noDb.exitCode());
    }

    @Test
    void aDatabaseThatWasNeverReplayedIsExplained() {
        Path db = tmp.resolve("raw.duckdb");
        assertEquals(0, CliRun.of("ingest", SharedTraces.sample("no-cswitch-samples.txt").toString(), "--db",
                db.toString()).exitCode());
        CliRun r = CliRun.of("report", "foreign_completions", "--db", db.toString());
        assertEquals(ExitCode.DATABASE, r.exitCode());
        assertEquals("etwreplay: report foreign_completions reads the replay's derived tables, and " + db
                + " has none yet: run `etwreplay replay --db " + db + "` first (etwreplay analyze does both)\n", r.err());
        // A report over raw tables only runs at once.
        CliRun samples = CliRun.of("report", "dpc_isr_samples", "--db", db.toString(), "-f", "csv");
        assertEquals(0, samples.exitCode(), samples.err());
        assertTrue(samples.out().contains("\n1,DPC,total,,,1,100,14,1,1,405,405\n"), samples.out());

        // Two traces, one replayed: the other is named on stderr.
        assertEquals(0, CliRun.of("ingest", SharedTraces.sample("ioctl-same-context.txt").toString(), "--db",
                db.toString()).exitCode());
        assertEquals(0, CliRun.of("replay", "--db", db.toString(), "--trace", "1").exitCode());
        CliRun partial = CliRun.of("report", "foreign_completions", "--db", db.toString(), "-f", "csv");
        assertEquals(0, partial.exitCode(), partial.err());
        assertEquals(2, partial.out().lines().count(), partial.out());
        assertEquals("note: trace 2 has not been replayed, so this report has nothing of it (etwreplay replay --trace 2)\n",
                partial.err());
    }

    @Test
    void aDatabaseReplayedByAnotherDerivedSchemaVersionIsExplained() throws Exception {
        Path db = analysed("threaded-dpc.txt");
        try (Database d = Database.openForWrite(db)) {
            d.query("UPDATE schema_info SET value = '2' WHERE key = ?", ReplaySchema.VERSION_KEY);
        }
        CliRun r = CliRun.of("report", "dpc_isr_latency", "--db", db.toString());
        assertEquals(ExitCode.DATABASE, r.exitCode());
        assertEquals("etwreplay: report dpc_isr_latency reads the replay's derived tables, and those in " + db
                + " were written by derived schema version 2 (this etwreplay writes version " + ReplaySchema.VERSION
                + "): run `etwreplay replay --db " + db + "` again\n", r.err());
        assertEquals(0, CliRun.of("replay", "--db", db.toString()).exitCode());
        CliRun again = CliRun.of("report", "dpc_isr_latency", "--db", db.toString(), "-f", "csv");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("\n1,isr_to_dpc,"), again.out());
    }

    @Test
    void analyzeEndsWithTheThreeMostTellingReports() {
        Path db = tmp.resolve("a.duckdb");
        CliRun r = CliRun.of("analyze", SharedTraces.sample("timer-dpc-completion.txt").toString(), "--db", db.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> reports = r.out().lines().filter(l -> l.startsWith("Report ")).map(l -> l.split(":")[0]).toList();
        assertEquals(List.of("Report hazards", "Report foreign_completions", "Report dpc_isr_by_module"), reports);
        assertTrue(r.out().endsWith("1:0 2:0 4:0 8:0 16:0 32:1\n(1 row)\n"), r.out());
        assertTrue(r.out().indexOf("Next:") < r.out().indexOf("Report hazards"), "the reports come last");

        CliRun quiet = CliRun.of("analyze", SharedTraces.sample("ioctl-same-context.txt").toString(), "--db",
                tmp.resolve("b.duckdb").toString());
        assertEquals(List.of("Report irp_latency", "Report process_io", "Report trace_summary"),
                quiet.out().lines().filter(l -> l.startsWith("Report ")).map(l -> l.split(":")[0]).toList(),
                "without hazards, foreign completions or spans: the I/O, then the summary");
        assertFalse(quiet.out().contains("Report hazards"));
    }
}
