package etwreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.testing.Golden;
import etwreplay.ingest.testing.SharedTraces;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: outputs, exit codes, one-line errors. */
class CliTest {
    @TempDir
    Path tmp;

    private Path ingestSample() {
        Path db = tmp.resolve("t.duckdb");
        CliRun r = CliRun.of("ingest", SharedTraces.sample("disk-read-foreign-context.txt").toString(),
                "--db", db.toString());
        assertEquals(0, r.exitCode(), r.err());
        return db;
    }

    @Test
    void analyzeIngestsOnceThenShowsTheStoredTrace() {
        Path db = tmp.resolve("a.duckdb");
        String trace = SharedTraces.sample("disk-read-foreign-context.txt").toString();
        CliRun first = CliRun.of("analyze", trace, "--db", db.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().startsWith("Ingested trace 1 (xperf) into " + db + ": 25 events\n"), first.out());
        assertTrue(first.out().contains("machine: x64 (inferred: pointer size 8; OS build 19045"), first.out());
        assertTrue(first.out().contains("foreign-context completions: 1 (irq_chain rows: 1)"), first.out());
        CliRun second = CliRun.of("analyze", trace, "--db", db.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().startsWith("disk-read-foreign-context.txt is already in " + db + " as trace 1"),
                second.out());
    }

    @Test
    void analyzePutsTheDatabaseBesideTheTraceByDefault() throws Exception {
        Path trace = tmp.resolve("mine.txt");
        Files.copy(SharedTraces.sample("ioctl-same-context.txt"), trace);
        assertEquals(0, CliRun.of("analyze", trace.toString()).exitCode());
        assertTrue(Files.isRegularFile(tmp.resolve("mine.duckdb")));
    }

    @Test
    void replayRebuildsTheDerivedTablesWithAnotherMachine() {
        Path db = ingestSample();
        CliRun r = CliRun.of("replay", "--db", db.toString(), "--machine", "x64-8tb");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("trace 1 (disk-read-foreign-context.txt)\nmachine: x64-8tb (given"), r.out());
        CliRun chain = CliRun.of("sql", "--db", db.toString(), "-f", "csv", "SELECT isr_irql, inferred_isr_to_dpc_ns,"
                + " dpc_duration_ns, inferred_completion_to_apc_ns, foreign_context FROM irq_chain");
        assertEquals("isr_irql,inferred_isr_to_dpc_ns,dpc_duration_ns,inferred_completion_to_apc_ns,foreign_context\n"
                + "9,2000,35000,20000,true\n", chain.out());
        CliRun bad = CliRun.of("replay", "--db", db.toString(), "--machine", "arm64");
        assertEquals(ExitCode.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("x86 | x86-3gb"), bad.err());
    }

    @Test
    void sqlPrintsCsvAndJson() {
        Path db = ingestSample();
        CliRun csv = CliRun.of("sql", "--db", db.toString(), "-f", "csv",
                "SELECT kind, ts, cpu, irp, elapsed_ns FROM disk_io ORDER BY ts");
        assertEquals(0, csv.exitCode(), csv.err());
        assertEquals("kind,ts,cpu,irp,elapsed_ns\nReadInit,210000,,0xffffc0010a2b3010,\n"
                + "Read,1530000,1,0xffffc0010a2b3010,1320000\n", csv.out());
        CliRun json = CliRun.of("sql", "--db", db.toString(), "--format", "json",
                "SELECT kind, cpu, from_dpc FROM ready_thread JOIN (SELECT 'x' AS kind) ON true");
        assertEquals("[\n  {\"kind\": \"x\", \"cpu\": 1, \"from_dpc\": true}\n]\n", json.out());
    }

    @Test
    void memoryLimitCapsDuckDbOrIsRefusedBeforeTheDatabaseIsOpened() {
        Path db = ingestSample();
        CliRun capped = CliRun.of("sql", "--db", db.toString(), "--memory-limit", "123MB", "-f", "csv",
                "SELECT current_setting('memory_limit') AS m");
        assertEquals(0, capped.exitCode(), capped.err());
        assertEquals("m\n117.3 MiB\n", capped.out(), "123 MB is 117.3 MiB, as DuckDB prints it");
        CliRun replay = CliRun.of("replay", "--db", db.toString(), "--memory-limit", "64MB");
        assertEquals(0, replay.exitCode(), replay.err());
        CliRun bad = CliRun.of("sql", "--db", tmp.resolve("none.duckdb").toString(), "--memory-limit", "2GB'; DROP",
                "SELECT 1");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("etwreplay: --memory-limit: '2GB'; DROP' is not a size such as 2GB or 512MB\n"),
                bad.err());
    }

    @Test
    void ingestAndAnalyzeTakeAMemoryLimitTooAndRefuseABadOneBeforeCreatingTheDatabase() {
        String trace = SharedTraces.sample("disk-read-foreign-context.txt").toString();
        Path ingested = tmp.resolve("i.duckdb");
        CliRun ingest = CliRun.of("ingest", trace, "--db", ingested.toString(), "--memory-limit", "256MB");
        assertEquals(0, ingest.exitCode(), ingest.err());
        assertTrue(ingest.out().startsWith("Ingested trace 1 (xperf)"), ingest.out());
        Path analyzed = tmp.resolve("a.duckdb");
        CliRun analyze = CliRun.of("analyze", trace, "--db", analyzed.toString(), "--memory-limit", "0.5GB");
        assertEquals(0, analyze.exitCode(), analyze.err());
        assertTrue(analyze.out().contains("foreign-context completions: 1"), analyze.out());
        for (String command : new String[] {"ingest", "analyze"}) {
            Path refused = tmp.resolve(command + "-refused.duckdb");
            CliRun bad = CliRun.of(command, trace, "--db", refused.toString(), "--memory-limit", "lots");
            assertEquals(2, bad.exitCode(), command);
            assertTrue(bad.err().startsWith("etwreplay: --memory-limit: 'lots' is not a size such as 2GB or 512MB\n"),
                    bad.err());
            assertFalse(java.nio.file.Files.exists(refused), command + " created " + refused);
        }
    }

    @Test
    void sqlReadsAStatementFromAFileEvenWhenItStartsWithAComment() throws Exception {
        Path db = ingestSample();
        Path sql = tmp.resolve("q.sql");
        java.nio.file.Files.writeString(sql, "-- how many switches?\nSELECT count(*) AS n FROM cswitch\n");
        CliRun r = CliRun.of("sql", "--db", db.toString(), "-f", "csv", "--file", sql.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("n\n6\n", r.out());
        CliRun afterDashes = CliRun.of("sql", "--db", db.toString(), "-f", "csv", "--",
                "-- a comment\nSELECT 1 AS one");
        assertEquals("one\n1\n", afterDashes.out(), afterDashes.err());
        CliRun both = CliRun.of("sql", "--db", db.toString(), "--file", sql.toString(), "SELECT 1");
        assertEquals(ExitCode.USAGE, both.exitCode());
    }

    @Test
    void infoShowsTracesTablesAndAnomalies() {
        Path db = ingestSample();
        CliRun r = CliRun.of("info", "--db", db.toString());
        assertEquals(0, r.exitCode(), r.err());
        Golden.assertText(r.out().replace(db.toString(), "DB"), "golden/cli/info.txt");
    }

    @Test
    void lostEventsDataLossAndTimeInversionsAreExplainedAsWarnings() {
        Path db = tmp.resolve("messy.duckdb");
        CliRun r = CliRun.of("analyze", SharedTraces.sample("messy-export.txt").toString(), "--db", db.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("warning: the recording lost 12 events and 1 buffers: unmatched, reused and open"
                + " requests may be artifacts of the loss"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("warning: the recording lost")).count(),
                "said once: " + r.out());
        CliRun info = CliRun.of("info", "--db", db.toString());
        assertTrue(info.out().contains("warning: the recording lost 12 events and 1 buffers: per-CPU context and"
                + " request lifetimes may have gaps"), info.out());
        assertTrue(r.out().contains("warning: 3 lines or values could not be read (field_count_mismatch,"
                + " unknown_event_type, unparseable_line): counts and sums may be low;"), r.out());
        assertTrue(r.out().contains("warning: 1 contradictions in the input (malformed_header_line)"), r.out());
        CliRun clean = CliRun.of("info", "--db", ingestSample().toString());
        assertTrue(!clean.out().contains("warning:"), clean.out());
    }

    @Test
    void aTraceWithoutKernelEventsSaysSoPlainly() {
        CliRun r = CliRun.of("analyze", SharedTraces.trace("etl/AMSITrace.etl").toString(), "--db",
                tmp.resolve("amsi.duckdb").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("warning: the trace holds no kernel events (only the session header and user-mode"
                + " provider events, kept in generic_event): there is nothing to replay"), r.out());
    }

    @Test
    void sqlIsReadOnlyUnlessWriteIsGiven() {
        Path db = ingestSample();
        CliRun denied = CliRun.of("sql", "--db", db.toString(), "DELETE FROM cswitch");
        assertEquals(ExitCode.USAGE, denied.exitCode());
        assertTrue(denied.err().contains("read-only mode! (add --write to change the database)"), denied.err());
        assertEquals("6\n", CliRun.of("sql", "--db", db.toString(), "-f", "csv", "SELECT count(*) AS n FROM cswitch")
                .out().lines().skip(1).findFirst().orElse("") + "\n");
        CliRun allowed = CliRun.of("sql", "--db", db.toString(), "--write", "-f", "csv", "DELETE FROM cswitch");
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertEquals("rows_changed\n6\n", allowed.out());
    }

    @Test
    void errorsAreOneLineWithTheirExitCode() throws Exception {
        CliRun missing = CliRun.of("ingest", tmp.resolve("nope.txt").toString(), "--db", tmp.resolve("x.duckdb").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertEquals("etwreplay: " + tmp.resolve("nope.txt") + ": no such file\n", missing.err());
        assertFalse(Files.exists(tmp.resolve("x.duckdb")), "a refused ingest leaves no new database behind");

        Path db = ingestSample();
        CliRun again = CliRun.of("ingest", SharedTraces.sample("disk-read-foreign-context.txt").toString(),
                "--db", db.toString());
        assertEquals(ExitCode.ALREADY_INGESTED, again.exitCode());
        assertTrue(again.err().endsWith("already ingested as trace 1 (disk-read-foreign-context.txt, same content);"
                + " use --replace to ingest it again\n"), again.err());

        CliRun badSql = CliRun.of("sql", "--db", db.toString(), "SELEC 1");
        assertEquals(ExitCode.USAGE, badSql.exitCode());
        assertEquals(1, badSql.err().lines().count(), badSql.err());

        CliRun noDb = CliRun.of("sql", "--db", tmp.resolve("none.duckdb").toString(), "SELECT 1");
        assertEquals(ExitCode.DATABASE, noDb.exitCode());

        CliRun usage = CliRun.of("frobnicate");
        assertEquals(ExitCode.USAGE, usage.exitCode());
        CliRun badFormat = CliRun.of("sql", "--db", db.toString(), "-f", "xml", "SELECT 1");
        assertEquals(ExitCode.USAGE, badFormat.exitCode());
        assertTrue(badFormat.err().contains("'xml' is not a result format (table, csv, json, markdown)"), badFormat.err());
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsReportedAsInUse() throws Exception {
        Path db = ingestSample();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DatabaseHolder.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            assertEquals("holding", r.readLine());
            CliRun busy = CliRun.of("ingest", SharedTraces.sample("ioctl-same-context.txt").toString(), "--db",
                    db.toString());
            assertEquals(ExitCode.DATABASE, busy.exitCode(), busy.err());
            assertEquals("etwreplay: " + db + ": the database is in use by another process (an ingest or another"
                    + " etwreplay); wait for it to finish or use another --db file\n", busy.err());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertEquals(0, CliRun.of("info", "--db", db.toString()).exitCode(), "intact once released");
    }

    @Test
    void everyCommandsHelpTeachesWithAnExampleAndTheExitCodes() {
        for (String cmd : new String[] {"analyze", "ingest", "replay", "info", "sql", "reports", "report"}) {
            CliRun r = CliRun.of(cmd, "--help");
            assertEquals(0, r.exitCode());
            assertTrue(r.out().contains("Examples:"), cmd);
            assertTrue(r.out().contains("Exit codes: 0 ok"), cmd);
        }
        assertTrue(CliRun.of("--version").out().startsWith("etwreplay "));
    }
}
