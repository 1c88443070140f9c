package etwreplay.bench.harness;

import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.TraceEvent;
import etwreplay.ingest.event.TraceHeader;
import etwreplay.ingest.format.ProgressListener;
import etwreplay.ingest.format.Readers;
import etwreplay.ingest.format.TraceFormat;
import etwreplay.ingest.store.BulkWriteSettings;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.store.RowSink;
import etwreplay.replay.ReplayEngine;
import etwreplay.replay.scan.OrderedScan;
import etwreplay.replay.scan.ScanReadFloor;
import etwreplay.replay.store.DerivedTable;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One measured stage, run in its own JVM by {@link BenchRun} (so that peak RSS and peak heap are the
 * stage's own): {@code Stage NAME ARGS...}. Prints one line per result:
 * {@code RESULT name=... seconds=... events=... bytes=... rss_kb=... heap_bytes=...}.
 */
public final class Stage {
    /** The raw tables: every table with a {@code seq} column. */
    private static final String RAW_TABLES = "SELECT table_name FROM information_schema.columns WHERE column_name"
            + " = 'seq' AND table_schema = 'main' ORDER BY table_name";
    /** The tables a replay writes. */
    private static final String DERIVED_TABLES = "SELECT table_name FROM information_schema.tables WHERE"
            + " table_schema = 'main' AND table_name IN (" + String.join(", ", Arrays.stream(DerivedTable.values())
                    .map(t -> "'" + t.tableName() + "'").toList()) + ") ORDER BY table_name";

    private Stage() {
    }

    public static void main(String[] args) throws Exception {
        String stage = args[0];
        switch (stage) {
            case "ingest" -> ingest(Path.of(args[1]), Path.of(args[2]));
            case "read-baseline" -> readBaseline(Path.of(args[1]));
            case "csv-baseline" -> csvBaseline(Path.of(args[1]), Path.of(args[2]));
            case "stax-baseline" -> staxBaseline(Path.of(args[1]));
            case "replay" -> replay(Path.of(args[1]));
            case "replay-keep" -> {
                System.setProperty("bench.keepReplayed", "true");
                replay(Path.of(args[1]));
            }
            case "store-floor" -> storeFloor(Path.of(args[1]), RAW_TABLES, false, stage, ALL_COLUMNS);
            case "store-floor-1" -> storeFloor(Path.of(args[1]), RAW_TABLES, true, stage, ALL_COLUMNS);
            case "store-floor-numbers" -> storeFloor(Path.of(args[1]), RAW_TABLES, true, stage, NUMBERS_ONLY);
            case "decode-floor" -> decodeFloor(Path.of(args[1]));
            case "read-floor" -> readFloor(Path.of(args[1]));
            case "derived-floor" -> storeFloor(Path.of(args[1]), DERIVED_TABLES, false, stage, ALL_COLUMNS);
            case "scan-floor" -> scanFloor(Path.of(args[1]));
            case "reports" -> reports(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Path.of(args[3]) : null);
            default -> throw new IllegalArgumentException("stage " + stage);
        }
    }

    private static void result(String name, double seconds, long events, long bytes) {
        System.out.printf(Locale.ROOT, "RESULT name=%s seconds=%.4f events=%d bytes=%d rss_kb=%d heap_bytes=%d"
                + " cpu_seconds=%.3f%n", name, seconds, events, bytes, peakRssKb(), peakHeap(), cpuSeconds());
    }

    /** VmHWM: the process's peak resident set (Linux). */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return -1;
    }

    /** CPU time of the whole process (all threads, DuckDB's included) so far. */
    static double cpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : -1;
    }

    /** Sum of the heap pools' peak usage since the JVM started. */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void ingest(Path trace, Path dbFile) throws Exception {
        Files.deleteIfExists(dbFile);
        Files.deleteIfExists(Path.of(dbFile + ".wal"));
        long t0 = System.nanoTime();
        long events;
        try (Database db = Database.openForWrite(dbFile)) {
            TraceIngester.Result r = new TraceIngester(db, "bench").ingest(trace, TraceIngester.Options.defaults());
            events = r.summary().events();
        }
        result("ingest", (System.nanoTime() - t0) / 1e9, events, Files.size(trace));
    }

    /** The floor for ETL ingest: read every byte of the file in order, 1 MiB at a time, and touch it. */
    private static void readBaseline(Path file) throws IOException {
        long t0 = System.nanoTime();
        long sum = 0;
        long bytes = 0;
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf) > 0) {
                buf.flip();
                bytes += buf.remaining();
                while (buf.remaining() >= 8) {
                    sum += buf.getLong();
                }
                buf.clear();
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.println("checksum " + sum);
        result("read-baseline", s, -1, bytes);
    }

    /** DuckDB's own CSV reader loading the xperf text into a table of VARCHAR columns. */
    private static void csvBaseline(Path text, Path dbFile) throws Exception {
        Files.deleteIfExists(dbFile);
        Files.deleteIfExists(Path.of(dbFile + ".wal"));
        StringBuilder cols = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            cols.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "'c%02d': 'VARCHAR'", i));
        }
        long t0 = System.nanoTime();
        long rows;
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dbFile.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE raw AS SELECT * FROM read_csv('" + text.toAbsolutePath().toString().replace("'", "''")
                    + "', delim = ',', quote = '\"', escape = '\"', header = false, auto_detect = false,"
                    + " null_padding = true, strict_mode = false, ignore_errors = true, columns = {" + cols + "})");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM raw")) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        result("csv-baseline", (System.nanoTime() - t0) / 1e9, rows, Files.size(text));
    }

    /** A bare StAX pass: every parse event of the document, text touched, nothing built. */
    private static void staxBaseline(Path xml) throws IOException, XMLStreamException {
        long t0 = System.nanoTime();
        XMLInputFactory f = XmlFactory.builder().build().getXMLInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        long events = 0;
        long chars = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(xml), 1 << 16)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Event")) {
                    events++;
                } else if (e == XMLStreamConstants.CHARACTERS) {
                    chars += r.getTextLength();
                }
            }
            r.close();
        }
        System.out.println("chars " + chars);
        result("stax-baseline", (System.nanoTime() - t0) / 1e9, events, Files.size(xml));
    }

    /**
     * A storage floor: DuckDB copying tables of the database into new tables ({@code CREATE TABLE AS
     * SELECT}, one transaction, all its threads). For the raw tables ({@code store-floor}) it bounds any
     * ingest into this schema, which writes the same rows and must also decode them; for the derived tables
     * ({@code derived-floor}, on a replayed database) it bounds the replay, which writes those rows and must
     * also read and replay the raw ones. With {@code oneThread} ({@code store-floor-1}) DuckDB runs with the
     * ingest's own settings ({@link BulkWriteSettings}: one thread): the floor of the ingest's storing thread.
     * {@code columns} chooses what each copy selects, before the clock starts.
     */
    private static void storeFloor(Path dbFile, String tablesQuery, boolean oneThread, String name,
            ColumnChoice columns) throws Exception {
        List<String> tables = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        long rows = 0;
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dbFile.toAbsolutePath());
             Statement st = c.createStatement();
             BulkWriteSettings settings = oneThread ? BulkWriteSettings.apply(c) : null) {
            try (ResultSet rs = st.executeQuery(tablesQuery)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                String selected = columns.selectList(st, t);
                if (selected != null) {
                    copies.add("CREATE TABLE floor_copy_" + t + " AS SELECT " + selected + " FROM " + t);
                }
            }
            long t0 = System.nanoTime();
            st.execute("BEGIN TRANSACTION");
            for (String copy : copies) {
                st.execute(copy);
            }
            st.execute("COMMIT");
            double s = (System.nanoTime() - t0) / 1e9;
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
                st.execute("DROP TABLE IF EXISTS floor_copy_" + t);
            }
            st.execute("CHECKPOINT");
            result(name, s, rows, 0);
        }
    }

    /** What a floor's copy of one table selects: a select list, or null to leave the table out. */
    @FunctionalInterface
    private interface ColumnChoice {
        String selectList(Statement st, String table) throws SQLException;
    }

    /** Every column. */
    private static final ColumnChoice ALL_COLUMNS = (st, table) -> "*";

    /**
     * The numbers only ({@code store-floor-numbers}): the table's numeric and boolean columns that hold at
     * least one value in this database. No text, no {@code extra} map, no column the source left empty. A
     * schema that kept these numbers and coded or dropped everything else would still store every row, so its
     * ingest could not store faster than this copy; run on one thread, it answers how far a narrower raw schema
     * could take the ingest's storing thread.
     */
    private static final ColumnChoice NUMBERS_ONLY = (st, table) -> {
        List<String> numeric = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE"
                + " table_schema = 'main' AND table_name = '" + table + "' AND data_type IN ('BIGINT', 'INTEGER',"
                + " 'UBIGINT', 'BOOLEAN', 'DOUBLE', 'SMALLINT', 'TINYINT', 'UINTEGER') ORDER BY ordinal_position")) {
            while (rs.next()) {
                numeric.add(rs.getString(1));
            }
        }
        StringBuilder counts = new StringBuilder("SELECT ");
        for (int i = 0; i < numeric.size(); i++) {
            counts.append(i == 0 ? "" : ", ").append("count(").append(numeric.get(i)).append(')');
        }
        List<String> filled = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(counts + " FROM " + table)) {
            rs.next();
            for (int i = 0; i < numeric.size(); i++) {
                if (rs.getLong(i + 1) > 0) {
                    filled.add(numeric.get(i));
                }
            }
        }
        return filled.isEmpty() ? null : String.join(", ", filled);
    };

    /**
     * The ETL ingest's decoding alone: the reader (every buffer, every event decoded into its canonical form)
     * handing events to a sink that only counts. No column batches, no DuckDB. The ingest's reader thread does
     * this and fills the batches; its storing thread stores them.
     */
    private static void decodeFloor(Path etl) throws Exception {
        long t0 = System.nanoTime();
        long events = countDecoded(etl);
        result("decode-floor", (System.nanoTime() - t0) / 1e9, events, Files.size(etl));
    }

    /** Events the ETL reader decodes from {@code etl}, anomalies aside. */
    static long countDecoded(Path etl) throws Exception {
        long[] events = {0};
        EventSink counter = new EventSink() {
            @Override
            public void accept(TraceEvent event) {
                events[0]++;
            }

            @Override
            public void accept(TraceEvent event, Map<String, String> extra) {
                events[0]++;
            }

            @Override
            public void anomaly(Anomaly kind, String location, String example) {
            }

            @Override
            public void anomalies(Anomaly kind, long count, String location, String example) {
            }
        };
        Readers.forFormat(TraceFormat.ETL).orElseThrow().read(etl, counter, new TraceHeader(), ProgressListener.NONE);
        return events[0];
    }

    /**
     * DuckDB handing over the replay scan's rows alone ({@link ScanReadFloor}: each of the scan's queries once
     * over the whole trace, every value read, nothing built), with the replay's DuckDB settings. Its rows are
     * the trace's events.
     */
    private static void readFloor(Path ingested) throws Exception {
        long t0 = System.nanoTime();
        long rows = 0;
        try (Database db = Database.openReadOnly(ingested);
             BulkWriteSettings settings = BulkWriteSettings.apply(db.connection())) {
            for (int id : traceIds(db)) {
                ScanReadFloor.Counts c = ScanReadFloor.read(db.connection(), id);
                rows += c.rows();
                System.out.println("trace " + id + ": " + c);
            }
        }
        result("read-floor", (System.nanoTime() - t0) / 1e9, rows, 0);
    }

    private static List<Integer> traceIds(Database db) throws SQLException {
        List<Integer> traces = new ArrayList<>();
        try (Statement st = db.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT trace_id FROM trace ORDER BY trace_id")) {
            while (rs.next()) {
                traces.add(rs.getInt(1));
            }
        }
        return traces;
    }

    /**
     * The replay's reading alone: its own ordered scan ({@link OrderedScan}: the rundown, then every raw row
     * merged in time order, with the replay's DuckDB settings and prefetch thread) fed to a consumer that
     * only counts. No trackers, no derived rows; the replay cannot be faster than this.
     */
    private static void scanFloor(Path ingested) throws Exception {
        long t0 = System.nanoTime();
        long[] events = {0};
        try (Database db = Database.openReadOnly(ingested);
             BulkWriteSettings settings = BulkWriteSettings.apply(db.connection())) {
            for (int id : traceIds(db)) {
                OrderedScan scan = new OrderedScan(db.connection(), id);
                scan.rundown(e -> events[0]++);
                scan.events(e -> events[0]++);
            }
        }
        result("scan-floor", (System.nanoTime() - t0) / 1e9, events[0], 0);
    }

    /**
     * Replays a copy of the ingested database (made before the clock starts), so that every repetition is
     * a first replay: none has earlier derived rows to delete.
     */
    private static void replay(Path ingested) throws Exception {
        Path dbFile = ingested.resolveSibling(ingested.getFileName() + ".replay.duckdb");
        Files.deleteIfExists(Path.of(dbFile + ".wal"));
        Files.copy(ingested, dbFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long t0 = System.nanoTime();
        long events = 0;
        try (Database db = Database.openForWrite(dbFile)) {
            try (Statement st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT sum(event_count) FROM trace")) {
                rs.next();
                events = rs.getLong(1);
            }
            ReplayEngine.replayAll(db, null);
        }
        result("replay", (System.nanoTime() - t0) / 1e9, events, 0);
        if (!Boolean.getBoolean("bench.keepReplayed")) {
            Files.deleteIfExists(dbFile);
        }
    }

    /**
     * Every report: the CLI's overview queries, the derived-table queries {@code analyze} tells users to
     * run next, and (the hook for the report library) every other {@code .sql} file under
     * {@code queries/src/main/resources/etwreplay/queries}. Each {@code ?} is bound to the trace id; each
     * result is read to the last row.
     */
    private static void reports(Path dbFile, Path sqlRoot, Path probes) throws Exception {
        List<String[]> reports = new ArrayList<>();
        for (Path root : probes == null ? List.of(sqlRoot) : List.of(sqlRoot, probes)) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            String prefix = root == probes ? "probe/" : "";
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(x -> x.toString().endsWith(".sql")).sorted().toList()) {
                    reports.add(new String[] {prefix + root.relativize(p).toString().replace(".sql", ""),
                        Files.readString(p, StandardCharsets.UTF_8)});
                }
            }
        }
        reports.add(new String[] {"cli/irp_foreign_context",
            "SELECT * FROM irp WHERE trace_id = ? AND foreign_context ORDER BY latency_ns DESC LIMIT 20"});
        reports.add(new String[] {"cli/hazard", "SELECT * FROM hazard WHERE trace_id = ? ORDER BY ts"});
        reports.add(new String[] {"cli/longest_spans", "SELECT * FROM irql_span WHERE trace_id = ?"
                + " ORDER BY end_ts - start_ts DESC LIMIT 20"});
        try (Database db = Database.openReadOnly(dbFile)) {
            int traceId;
            try (Statement st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT max(trace_id) FROM trace")) {
                rs.next();
                traceId = rs.getInt(1);
            }
            // The row-dump reports return every row unless given a window: each report that takes one runs a
            // second time over one second in the middle of the trace, as a user looking at a moment would.
            double windowFromUs;
            try (Statement st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT duration_ns / 2 / 1000 FROM trace WHERE trace_id = " + traceId)) {
                rs.next();
                windowFromUs = Math.floor(rs.getDouble(1));
            }
            for (String[] r : reports) {
                measure(db, "report:" + r[0], r[1], traceId);
                if (r[1].contains("getvariable('from_us')") && r[1].contains("getvariable('to_us')")) {
                    try (Statement st = db.connection().createStatement()) {
                        st.execute("SET VARIABLE from_us = " + windowFromUs);
                        st.execute("SET VARIABLE to_us = " + (windowFromUs + 1_000_000));
                        measure(db, "report:" + r[0] + "@1s-window", r[1], traceId);
                        st.execute("RESET VARIABLE from_us");
                        st.execute("RESET VARIABLE to_us");
                    }
                }
            }
        }
    }

    /**
     * Prints two results: {@code name}, the report read as the command line reads it, and
     * {@code copy:name}, DuckDB itself writing the same result as CSV ({@code COPY … TO '/dev/null'}, all
     * its threads, no row crossing into Java): the floor for producing that report's text.
     */
    private static void measure(Database db, String name, String sql, int traceId)
            throws SQLException, IOException {
        double cpu0 = cpuSeconds();
        long t0 = System.nanoTime();
        long rows = run(db, sql, traceId);
        printResult(name, (System.nanoTime() - t0) / 1e9, rows, cpuSeconds() - cpu0);
        String body = sql.strip();
        body = body.endsWith(";") ? body.substring(0, body.length() - 1) : body;
        cpu0 = cpuSeconds();
        t0 = System.nanoTime();
        long copied;
        try (PreparedStatement ps = db.connection().prepareStatement("COPY (\n" + body + "\n) TO '/dev/null'"
                + " (FORMAT csv, HEADER)")) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setInt(i, traceId);
            }
            ps.execute();
            copied = ps.getUpdateCount();
        }
        printResult("copy:" + name, (System.nanoTime() - t0) / 1e9, copied, cpuSeconds() - cpu0);
    }

    private static void printResult(String name, double seconds, long rows, double cpuSeconds) {
        System.out.printf(Locale.ROOT, "RESULT name=%s seconds=%.4f events=%d bytes=0 rss_kb=%d heap_bytes=%d"
                + " cpu_seconds=%.3f%n", name, seconds, rows, peakRssKb(), peakHeap(), cpuSeconds);
    }

    /**
     * Runs {@code sql} ({@code ?} bound to the trace id) and reads every row as {@code etwreplay report} and
     * {@code sql} do ({@link Database#stream}: each cell's text), discarding it.
     */
    private static long run(Database db, String sql, int traceId) throws SQLException, IOException {
        int n;
        try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
            n = ps.getParameterMetaData().getParameterCount();
        }
        Object[] params = new Object[n];
        Arrays.fill(params, traceId);
        return db.stream(new RowSink() {
            @Override
            public void columns(List<String> names, List<String> types) {
            }

            @Override
            public void row(List<String> cells) {
            }
        }, sql, params);
    }
}
