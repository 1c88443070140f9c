package etwreplay.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.store.ReplaySchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every shipped report follows (STYLE.md, SQL): a header comment that documents the question,
 * every parameter and every output column; one read-only statement; no {@code SELECT *}; helpers (CTEs)
 * private, named with a leading underscore; an area; and an ORDER BY at the end. Read from the source
 * tree, so a file the index forgets is caught too.
 */
class ReportLintTest {
    private static final Path DIRECTORY = Path.of("src/main/resources").resolve(ReportCatalog.DIRECTORY);
    private static final Pattern GETVARIABLE = Pattern.compile("getvariable\\('([^']*)'\\)(::([A-Z]+))?");
    private static final Pattern CTE = Pattern.compile(
            "(?i)(?:\\bWITH|,)\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+AS\\s*(?:NOT\\s+)?(?:MATERIALIZED\\s*)?\\(");
    private static final Pattern STAR = Pattern.compile("(?i)\\bSELECT\\s+(?:DISTINCT\\s+)?\\*|\\w\\.\\*|,\\s*\\*\\s*(?:,|FROM|EXCLUDE|REPLACE)");
    private static final Pattern WRITES = Pattern.compile("(?i)\\b(CREATE|INSERT|UPDATE|DELETE|DROP|ALTER|COPY|ATTACH|DETACH"
            + "|PRAGMA|INSTALL|LOAD|EXPORT|IMPORT|CHECKPOINT|VACUUM|SET|RESET|CALL|USE)\\b");

    @TempDir
    Path tmp;

    static Stream<String> files() throws Exception {
        try (Stream<Path> s = Files.list(DIRECTORY)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList().stream();
        }
    }

    private static String text(String file) throws Exception {
        return Files.readString(DIRECTORY.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void theIndexListsEveryReportFileOnceAndTheCatalogLoadsThem() throws Exception {
        List<String> index = ReportCatalog.indexNames();
        assertEquals(new LinkedHashSet<>(index).size(), index.size(), "duplicates in the index: " + index);
        assertEquals(new TreeSet<>(files().map(f -> f.substring(0, f.length() - 4)).toList()), new TreeSet<>(index));
        assertEquals(index, ReportCatalog.shipped().names());
    }

    @ParameterizedTest
    @MethodSource("files")
    void headerNamesTheReportDescribesItInOneLineAndGivesAnArea(String file) throws Exception {
        Report r = ReportHeader.parse(file, text(file));
        assertEquals(file, r.name() + ".sql", "the first line names the file");
        assertTrue(r.description().endsWith(".") && r.description().length() <= 160, r.description());
        assertTrue(ReportHeader.AREAS.contains(r.area()), r.area());
        // The question itself, in prose, between the first line and the keyed sections.
        List<String> lines = ReportHeader.lines(r.sql());
        assertEquals("--", lines.get(1), file + ": a blank comment line after the first");
        assertTrue(lines.get(2).length() > 10 && !lines.get(2).startsWith("-- Area"), file + ": prose after it");
        assertTrue(r.documentation().contains("Columns:"), file);
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyOutputColumnIsDocumentedAndEveryDocumentedColumnExists(String file) throws Exception {
        Report r = ReportHeader.parse(file, text(file));
        try (Database db = TestDatabases.create(tmp)) {
            ReplaySchema.ensure(db.connection());
            List<String> actual = db.query(r.sql()).columns();
            assertEquals(new ArrayList<>(r.columns().keySet()), actual, file + ": the Columns section, in output order");
            for (String c : actual) {
                assertTrue(c.matches("[a-z][a-z0-9_]*"), file + ": column " + c + " is not snake_case");
            }
            r.columns().forEach((c, doc) -> assertTrue(doc.length() >= 5, file + ": column " + c + " is documented as '"
                    + doc + "'"));
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void parametersAreDeclaredUsedAndReadWithTheirType(String file) throws Exception {
        Report r = ReportHeader.parse(file, text(file));
        String code = SqlText.withoutCommentsAndStrings(r.sql());
        // getvariable('name') keeps its quotes in the stripped text; read the names from the original.
        Map<String, String> used = new java.util.TreeMap<>();
        Matcher m = GETVARIABLE.matcher(String.join("\n", r.sql().lines().filter(l -> !l.strip().startsWith("--")).toList()));
        while (m.find()) {
            String previous = used.put(m.group(1), m.group(3));
            assertTrue(m.group(3) != null, file + ": getvariable('" + m.group(1) + "') without a cast");
            assertTrue(previous == null || previous.equals(m.group(3)), file + ": " + m.group(1) + " read as two types");
        }
        assertTrue(code.contains("getvariable"), file);
        Map<String, String> declared = new java.util.TreeMap<>();
        r.parameters().forEach(p -> declared.put(p.name(), p.type().name()));
        assertEquals(declared, used, file + ": the Parameters section against the getvariable(...) casts");
        assertTrue(declared.containsKey("trace"), file + ": every report can be limited to one trace");
    }

    @ParameterizedTest
    @MethodSource("files")
    void oneReadOnlyStatementWithoutSelectStarEndingInOrderBy(String file) throws Exception {
        String code = SqlText.withoutCommentsAndStrings(text(file)).strip();
        assertTrue(code.endsWith(";") && code.indexOf(';') == code.length() - 1, file + ": exactly one statement");
        Matcher star = STAR.matcher(code);
        assertFalse(star.find(), file + ": SELECT * (name the columns): " + (star.find(0) ? star.group() : ""));
        Matcher write = WRITES.matcher(code);
        assertFalse(write.find(), file + ": a report only reads: " + (write.find(0) ? write.group() : ""));
        assertTrue(code.regionMatches(true, 0, "WITH", 0, 4) || code.regionMatches(true, 0, "SELECT", 0, 6), file);
        String outer = topLevel(code);
        int orderBy = lastIndexOfIgnoreCase(outer, "ORDER BY");
        assertTrue(orderBy >= 0, file + ": the report ends in ORDER BY");
        String after = outer.substring(orderBy);
        for (String clause : new String[] {"SELECT", "FROM", "UNION", "WHERE", "GROUP BY"}) {
            assertTrue(lastIndexOfIgnoreCase(after, clause) < 0, file + ": ORDER BY is the last clause, not " + clause);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void helpersArePrivateAndNamesSnakeCase(String file) throws Exception {
        String code = SqlText.withoutCommentsAndStrings(text(file));
        Matcher m = CTE.matcher(code);
        int helpers = 0;
        while (m.find()) {
            helpers++;
            assertTrue(m.group(1).matches("_[a-z][a-z0-9_]*"), file + ": helper " + m.group(1)
                    + " must be private: _snake_case");
        }
        assertTrue(helpers > 0 || !code.contains("WITH"), file);
    }

    /**
     * A time bound is compared as whole nanoseconds (BIGINT): compared with a DOUBLE, DuckDB casts every
     * timestamp and cannot skip row groups by their min/max, so a 1 ms window of cpu_timeline on 61.5 M
     * events took 0.34–0.54 s of query time instead of 0.02–0.07 s.
     */
    @ParameterizedTest
    @MethodSource("files")
    void timeWindowsCompareWholeNanoseconds(String file) throws Exception {
        String sql = String.join("\n", text(file).lines().filter(l -> !l.strip().startsWith("--")).toList());
        for (String bound : List.of("from_us", "to_us")) {
            String rounding = bound.equals("from_us") ? "ceil" : "floor";
            String asNs = "CAST(" + rounding + "(least(greatest(getvariable('" + bound + "')::DOUBLE * 1000, -9e18),"
                    + " 9e18)) AS BIGINT)";
            int uses = count(sql, "getvariable('" + bound + "')::DOUBLE * 1000");
            assertEquals(uses, count(sql, asNs), file + ": every " + bound + " bound as " + asNs);
            assertFalse(sql.contains("_p." + bound), file + ": " + bound + " read inline, where it filters");
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    @Test
    void traceSummaryCountsEveryEventTable() throws Exception {
        String code = SqlText.withoutCommentsAndStrings(text("trace_summary.sql"));
        for (EventTable t : EventTable.values()) {
            assertTrue(Pattern.compile("FROM " + t.tableName() + "\\b").matcher(code).find(),
                    "trace_summary does not count " + t.tableName());
        }
    }

    @Test
    void xperfsBucketEdgesAreDefinedAlikeWhereverUsed() throws Exception {
        // A report cannot create a shared view (it only reads), so the edges are repeated: they must not drift.
        Pattern buckets = Pattern.compile("(?s)_buckets AS \\(.*?\\n\\)");
        java.util.Set<String> definitions = new java.util.HashSet<>();
        int users = 0;
        for (String file : files().toList()) {
            Matcher m = buckets.matcher(text(file));
            if (m.find()) {
                users++;
                definitions.add(m.group());
            }
        }
        assertEquals(3, users, "dpc_isr_by_module, dpc_isr_histogram, dpc_isr_xperf");
        assertEquals(1, definitions.size(), String.join("\n----\n", definitions));
    }

    @Test
    void theLintCatchesWhatItIsFor() {
        // The checks above must be able to fail: feed them known-bad text.
        assertTrue(STAR.matcher("SELECT * FROM irp").find());
        assertTrue(STAR.matcher("SELECT i.* FROM irp i").find());
        assertFalse(STAR.matcher("SELECT count(*) AS n FROM irp").find());
        assertTrue(WRITES.matcher("CREATE TABLE x AS SELECT 1").find());
        assertFalse(WRITES.matcher("GROUP BY GROUPING SETS ((a), (b))").find());
        assertEquals("SELECT a FROM (  ) ORDER BY a", topLevel("SELECT a FROM (SELECT b ORDER BY b) ORDER BY a"));
        assertEquals("SELECT '' FROM t ", SqlText.withoutCommentsAndStrings("SELECT 'x -- y' FROM t -- ORDER BY\n").replace("\n", ""));
        try {
            ReportHeader.parse("x.sql", "-- x: d.\n--\n-- Area: gpu\n-- Columns:\n--   a  the a\nSELECT 1 AS a;\n");
            fail("an unknown area must be refused");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("Area"), expected.getMessage());
        }
    }

    /** The text at parenthesis depth 0; what is inside the outermost parentheses becomes a space. */
    static String topLevel(String code) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (char c : code.toCharArray()) {
            if (c == '(') {
                if (depth++ == 0) {
                    sb.append(c);
                }
            } else if (c == ')') {
                if (--depth == 0) {
                    sb.append(' ').append(c);
                }
            } else if (depth == 0) {
                sb.append(c);
            } else if (sb.charAt(sb.length() - 1) != ' ') {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static int lastIndexOfIgnoreCase(String s, String what) {
        Matcher m = Pattern.compile("(?i)\\b" + Pattern.quote(what).replace(" ", "\\E\\s+\\Q") + "\\b").matcher(s);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }
}
