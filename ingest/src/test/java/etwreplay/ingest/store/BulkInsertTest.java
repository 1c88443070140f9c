package etwreplay.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.event.CSwitchEvent;
import etwreplay.ingest.event.DpcEvent;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.event.GenericEvent;
import etwreplay.ingest.event.ReadyThreadEvent;
import etwreplay.ingest.event.SampleEvent;
import etwreplay.ingest.event.TraceEvent;
import etwreplay.ingest.event.TraceHeader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path ({@link ColumnBatch} → {@link BatchRowsFunction} → {@code INSERT … SELECT}) stores exactly what
 * the DuckDB Appender stored, value for value, across batch boundaries, inline and on the worker thread; and a
 * failure in the middle of an ingest leaves the database as it was.
 */
class BulkInsertTest {
    private static final String[] ODD_STRINGS = {"", "plain", "ünïcödé €", "😀 emoji", "nul\u0000inside",
        "quote\" back\\slash / solidus", "ctl\t\n\r\u0001\u001f\u007f", "lone \uD800 surrogate", "\uDC00",
        "line\u2028sep", "x".repeat(300)};
    private static final long[] ODD_U64 = {0, 1, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, 0xfffff80012345678L};

    @TempDir
    Path dir;

    @Test
    void storesWhatTheAppenderStores() throws Exception {
        for (int writers = 0; writers <= 1; writers++) {
            Path file = dir.resolve("same" + writers + ".duckdb");
            List<TraceEvent> events = oddEvents();
            List<Map<String, String>> extras = oddExtras(events.size());
            try (Database db = Database.openForWrite(file)) {
                int traceId = ingest(db, events, extras, writers);
                Connection c = db.connection();
                for (EventTable t : List.of(EventTable.DPC, EventTable.GENERIC_EVENT, EventTable.READY_THREAD,
                        EventTable.SAMPLE, EventTable.CSWITCH)) {
                    execute(c, "CREATE TABLE ref_" + t.tableName() + " AS SELECT * FROM " + t.tableName() + " LIMIT 0");
                }
                appendReference(c.unwrap(DuckDBConnection.class), traceId, events, extras);
                for (EventTable t : List.of(EventTable.DPC, EventTable.GENERIC_EVENT, EventTable.READY_THREAD,
                        EventTable.SAMPLE, EventTable.CSWITCH)) {
                    assertSameRows(c, t, "writers=" + writers);
                }
                // Not only equal to the Appender: the values themselves.
                assertEquals(List.of("0", "1", "9223372036854775807", "9223372036854775808", "18446744073709551615",
                        "18446744073709551614", "18446735277921949304", "null"),
                        column(c, "SELECT routine::VARCHAR FROM dpc ORDER BY seq"));
                // A lone surrogate is stored as '?', as the Appender's UTF-8 encoding writes it.
                assertEquals(List.of("nul\u0000inside"), column(c, "SELECT routine_symbol FROM dpc WHERE"
                        + " routine_symbol LIKE 'nul%'"));
                assertEquals(List.of("lone ? surrogate", "?"), column(c, "SELECT new_process_name FROM cswitch"
                        + " WHERE new_process_name LIKE '%surrogate' OR new_process_name = '?' ORDER BY seq"));
                assertEquals(List.of("null", "{}", "{z=1, a=NULL, ''=ünïcödé €}"), column(c,
                        "SELECT fields::VARCHAR FROM generic_event WHERE seq <= 3 ORDER BY seq"));
                assertEquals(List.of("null", "0", "256"),
                        column(c, "SELECT octet_length(payload)::VARCHAR FROM generic_event WHERE seq <= 3"
                                + " ORDER BY seq"));
                assertEquals(List.of("true", "false", "null"),
                        column(c, "SELECT from_dpc::VARCHAR FROM ready_thread ORDER BY seq"));
            }
        }
    }

    @Test
    void batchBoundariesKeepEveryRowInSeqOrder() throws Exception {
        int dpcRows = 2 * InsertWorker.BATCH_ROWS + 7;
        for (int writers = 0; writers <= 1; writers++) {
            try (Database db = Database.openForWrite(dir.resolve("big" + writers + ".duckdb"))) {
                TraceStore store = new TraceStore(db);
                long seq = 0;
                try (TraceStore.Transaction tx = withWriters(writers, () -> store.begin(null))) {
                    EventSink sink = tx.sink();
                    for (int i = 0; i < dpcRows; i++) {
                        seq++;
                        // The routine is a function of seq spread over all 64 bits, half of them >= 2^63.
                        sink.accept(new DpcEvent(seq, (int) (seq % 8), "DPC", seq - 1, 1L,
                                seq * 0x9E3779B97F4A7C15L, (seq & 1) == 0 ? null : "r" + seq));
                        if (i % 3 == 0) {
                            seq++;
                            sink.accept(cswitch(seq, (int) seq));
                        }
                    }
                    tx.commit(source(), new TraceHeader(), "test");
                }
                Connection c = db.connection();
                assertEquals(List.of(Long.toString(dpcRows)), column(c, "SELECT count(*)::VARCHAR FROM dpc"));
                assertEquals(List.of("0"), column(c, "SELECT count(*)::VARCHAR FROM dpc WHERE routine IS DISTINCT"
                        + " FROM ((seq::HUGEINT * 11400714819323198485) % 18446744073709551616)::UBIGINT OR ts <> seq"
                        + " OR routine_symbol IS DISTINCT FROM CASE WHEN seq % 2 = 0 THEN NULL ELSE 'r' || seq END"));
                assertEquals(List.of("0"), column(c, "SELECT count(*)::VARCHAR FROM cswitch WHERE new_tid <> seq"));
                for (String t : new String[] {"dpc", "cswitch"}) {
                    assertEquals(List.of("0"), column(c, "SELECT count(*)::VARCHAR FROM (SELECT seq, lag(seq) OVER"
                            + " (ORDER BY rowid) AS before FROM " + t + ") WHERE seq <= before"),
                            t + " stored in seq order");
                }
                assertEquals(List.of(Long.toString(seq)), column(c, "SELECT event_count::VARCHAR FROM trace"));
            }
        }
    }

    @Test
    void largePayloadsGoThroughInManySmallBatches() throws Exception {
        // 300 generic events of 64 KiB each: 38 MB of hex, well past one batch's string budget.
        int events = 300;
        try (Database db = Database.openForWrite(dir.resolve("payloads.duckdb"))) {
            TraceStore store = new TraceStore(db);
            try (TraceStore.Transaction tx = withWriters(1, () -> store.begin(null))) {
                for (int i = 1; i <= events; i++) {
                    byte[] payload = new byte[64 * 1024];
                    java.util.Arrays.fill(payload, (byte) i);
                    tx.sink().accept(new GenericEvent(i, 0, "Big", "P", null, null, null, null,
                            Map.of("i", Integer.toString(i)), payload));
                }
                tx.commit(source(), new TraceHeader(), "test");
            }
            Connection c = db.connection();
            assertEquals(List.of(events + " " + (long) events * 64 * 1024 + " 0"), column(c,
                    "SELECT count(*) || ' ' || sum(octet_length(payload)) || ' ' || count(*) FILTER (WHERE payload"
                            + " <> unhex(repeat(printf('%02x', seq % 256), 65536)) OR fields['i'] <> seq::VARCHAR)"
                            + " FROM generic_event"));
        }
    }

    @Test
    void failureInTheMiddleLeavesTheDatabaseAsItWas() throws Exception {
        for (int writers = 0; writers <= 1; writers++) {
            try (Database db = Database.openForWrite(dir.resolve("fail" + writers + ".duckdb"))) {
                Connection c = db.connection();
                // DuckDB itself must refuse a row deep inside the ingest: the same dpc table with a CHECK.
                String ddl = column(c, "SELECT sql FROM duckdb_tables() WHERE table_name = 'dpc'").get(0);
                execute(c, "DROP TABLE dpc");
                execute(c, ddl.substring(0, ddl.lastIndexOf(')')) + ", CHECK (duration_ns <> -12345))");
                ingest(db, oddEvents(), oddExtras(oddEvents().size()), writers);
                String before = snapshot(c);
                String threadsBefore = column(c, "SELECT current_setting('threads')::VARCHAR").get(0);

                TraceStore store = new TraceStore(db);
                int bad = 2 * InsertWorker.BATCH_ROWS + 100;
                int w = writers;
                RuntimeException failure = assertThrows(RuntimeException.class, () -> {
                    try (TraceStore.Transaction tx = withWriters(w, () -> store.begin(null))) {
                        for (int i = 1; i <= 3 * InsertWorker.BATCH_ROWS; i++) {
                            tx.sink().accept(new DpcEvent(i, 0, "DPC", null, i == bad ? -12345L : 1L, 5L, null));
                            tx.sink().accept(cswitch(i, i));
                        }
                        tx.commit(source(), new TraceHeader(), "test");
                    }
                });
                assertTrue(String.valueOf(causes(failure)).contains("CHECK constraint"), causes(failure));
                assertEquals(before, snapshot(c), "writers=" + writers);
                assertEquals(threadsBefore, column(c, "SELECT current_setting('threads')::VARCHAR").get(0));
            }
        }
    }

    @Test
    void threadCountIsPutBackAfterCommit() throws Exception {
        try (Database db = Database.openForWrite(dir.resolve("threads.duckdb"))) {
            Connection c = db.connection();
            execute(c, "SET threads = 3");
            TraceStore store = new TraceStore(db);
            try (TraceStore.Transaction tx = store.begin(null)) {
                assertEquals(List.of("1"), column(c, "SELECT current_setting('threads')::VARCHAR"));
                tx.sink().accept(cswitch(1, 1));
                tx.commit(source(), new TraceHeader(), "test");
            }
            assertEquals(List.of("3"), column(c, "SELECT current_setting('threads')::VARCHAR"));
        }
    }

    // --- the events -------------------------------------------------------------------------------------------

    private static List<TraceEvent> oddEvents() {
        List<TraceEvent> out = new ArrayList<>();
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("z", "1");
        ordered.put("a", null);
        ordered.put("", "ünïcödé €");
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
        }
        out.add(new GenericEvent(0, 0, null, null, null, null, null, null, null, null));
        out.add(new GenericEvent(0, 1, "E", "P", 1, 2, 3, 4, Map.of(), new byte[0]));
        out.add(new GenericEvent(1, TraceEvent.NO_CPU, "E", "P", -1, 0, null, null, ordered, allBytes));
        Map<String, String> odd = new LinkedHashMap<>();
        for (String s : ODD_STRINGS) {
            odd.put("k" + s, s);
        }
        out.add(new GenericEvent(2, 2, "odd keys", "P", null, null, null, null, odd, new byte[] {0, -1}));
        for (int i = 0; i < ODD_U64.length; i++) {
            out.add(new DpcEvent(3 + i, i, "DPC", (long) i, (long) -i, ODD_U64[i], ODD_STRINGS[i]));
        }
        out.add(new DpcEvent(10, TraceEvent.NO_CPU, null, null, null, null, null));
        for (int i = ODD_U64.length; i < ODD_STRINGS.length; i++) {
            out.add(cswitch(11 + i, i, ODD_STRINGS[i]));
        }
        out.add(new ReadyThreadEvent(20, 0, 1, 2, 3, 4, 5, 6, 1, true));
        out.add(new ReadyThreadEvent(21, 0, null, null, null, null, null, null, 0, false));
        out.add(new ReadyThreadEvent(22, 0, null, null, null, null, null, null, null, null));
        out.add(new SampleEvent(23, 1, 4, 8, "System", Long.MIN_VALUE, "nt!Ke", null, 1, true, false, 8, 0, "Timer"));
        out.add(new SampleEvent(24, 1, null, null, null, -1L, null, null, null, null, null, null, null, null));
        out.add(cswitch(25, Integer.MIN_VALUE));
        out.add(cswitch(26, Integer.MAX_VALUE));
        return out;
    }

    /** The extra map of each event: NULL, empty (stored as NULL), odd strings. */
    private static List<Map<String, String>> oddExtras(int n) {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> m = new HashMap<>();
            if (i % 3 == 1) {
                m.put("Extra" + i, ODD_STRINGS[i % ODD_STRINGS.length]);
                m.put(ODD_STRINGS[(i + 1) % ODD_STRINGS.length], "v");
            }
            out.add(i % 3 == 0 ? null : m);
        }
        return out;
    }

    private static CSwitchEvent cswitch(long ts, int tid) {
        return cswitch(ts, tid, "Idle");
    }

    private static CSwitchEvent cswitch(long ts, int tid, String name) {
        return new CSwitchEvent(ts, tid & 7, 0, tid, name, 8, 4, 5, null, 9, "Waiting", "Executive", "KernelMode",
                (long) tid, null, null, 1, 0, null, null, null, null, null, null);
    }

    // --- ingesting and comparing ------------------------------------------------------------------------------

    private int ingest(Database db, List<TraceEvent> events, List<Map<String, String>> extras, int writers)
            throws Exception {
        TraceStore store = new TraceStore(db);
        try (TraceStore.Transaction tx = withWriters(writers, () -> store.begin(null))) {
            for (int i = 0; i < events.size(); i++) {
                tx.sink().accept(events.get(i), extras.get(i));
            }
            tx.commit(source(), new TraceHeader(), "test");
            return tx.traceId();
        }
    }

    /** Appends {@code events} with the Appender into the ref_ tables, with the seq the sink gives them. */
    private static void appendReference(DuckDBConnection c, int traceId, List<TraceEvent> events,
            List<Map<String, String>> extras) throws SQLException {
        Map<EventTable, DuckDBAppender> appenders = new HashMap<>();
        try {
            for (int i = 0; i < events.size(); i++) {
                EventTable t = events.get(i).table();
                DuckDBAppender a = appenders.get(t);
                if (a == null) {
                    a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "ref_" + t.tableName());
                    appenders.put(t, a);
                }
                new AppenderReference(a).append(traceId, events.get(i), extras.get(i), i + 1);
            }
        } finally {
            for (DuckDBAppender a : appenders.values()) {
                a.close();
            }
        }
    }

    private static void assertSameRows(Connection c, EventTable t, String what) throws SQLException {
        StringBuilder differs = new StringBuilder("false");
        for (String col : column(c, "SELECT column_name FROM information_schema.columns WHERE table_name = '"
                + t.tableName() + "' ORDER BY ordinal_position")) {
            differs.append(" OR b.\"").append(col).append("\" IS DISTINCT FROM r.\"").append(col).append('"');
        }
        String name = t.tableName();
        assertEquals(column(c, "SELECT count(*)::VARCHAR FROM ref_" + name), column(c,
                "SELECT count(*)::VARCHAR FROM " + name), what + ": rows of " + name);
        assertTrue(Integer.parseInt(column(c, "SELECT count(*)::VARCHAR FROM ref_" + name).get(0)) > 0, name);
        assertEquals(List.of(), column(c, "SELECT b.seq::VARCHAR FROM " + name + " b FULL JOIN ref_" + name
                + " r USING (seq) WHERE " + differs + " ORDER BY 1"), what + ": rows of " + name + " that differ");
    }

    /** Every table's rows as text, in (trace_id, seq) order, for before/after comparisons. */
    private static String snapshot(Connection c) throws SQLException {
        StringBuilder sb = new StringBuilder();
        for (String t : column(c, "SELECT table_name FROM duckdb_tables() ORDER BY table_name")) {
            String order = column(c, "SELECT count(*)::VARCHAR FROM information_schema.columns WHERE table_name = '"
                    + t + "' AND column_name = 'seq'").get(0).equals("1") ? "trace_id, seq" : "ALL";
            sb.append(t).append(": ").append(column(c, "SELECT x::VARCHAR FROM \"" + t + "\" x ORDER BY " + order))
                    .append('\n');
        }
        return sb.toString();
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(String.valueOf(rs.getString(1)));
            }
        }
        return out;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static TraceStore.SourceFile source() {
        return new TraceStore.SourceFile("t.etl", "/t.etl", 1, "content", "head", "etl");
    }

    private static String causes(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable x = t; x != null; x = x.getCause()) {
            sb.append(x).append(" <- ");
        }
        return sb.toString();
    }

    private interface Begin {
        TraceStore.Transaction begin() throws Exception;
    }

    /** Begins a transaction whose sink uses {@code writers} inserting threads. */
    private static TraceStore.Transaction withWriters(int writers, Begin begin) throws Exception {
        String before = System.getProperty(DuckDbSink.WRITERS_PROPERTY);
        System.setProperty(DuckDbSink.WRITERS_PROPERTY, Integer.toString(writers));
        try {
            return begin.begin();
        } finally {
            if (before == null) {
                System.clearProperty(DuckDbSink.WRITERS_PROPERTY);
            } else {
                System.setProperty(DuckDbSink.WRITERS_PROPERTY, before);
            }
        }
    }
}
