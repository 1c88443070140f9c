package etwreplay.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.TraceIngester;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.store.DerivedTable;
import etwreplay.replay.store.DerivedWriter;
import etwreplay.replay.store.TableAppender;
import etwreplay.replay.store.ReplaySchema;
import java.nio.file.Path;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The derived schema: names in {@link DerivedTable} agree with replay-schema.sql, its version is
 * recorded, its ENUM types sort as their text does and refuse other values, replay replaces, re-ingest
 * clears, and a failed replay leaves the earlier result.
 */
class ReplaySchemaTest {
    @TempDir
    Path tmp;

    private static long count(Database db, String sql) throws Exception {
        return Long.parseLong(db.query(sql).rows().get(0).get(0));
    }

    @Test
    void derivedTableConstantsMatchTheSchemaResource() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample("ioctl-same-context.txt"))) {
            ReplayEngine.replay(db, 1, null);
            for (DerivedTable t : DerivedTable.values()) {
                List<String> columns = db.query("SELECT column_name FROM information_schema.columns"
                        + " WHERE table_name = ? ORDER BY ordinal_position", t.tableName()).rows().stream()
                        .map(r -> r.get(0)).toList();
                assertEquals(t.columns(), columns, t.tableName());
            }
            assertEquals(Integer.toString(ReplaySchema.VERSION), db.query("SELECT value FROM schema_info WHERE key = ?",
                    ReplaySchema.VERSION_KEY).rows().get(0).get(0));
        }
    }

    /** ORDER BY, min and max on an ENUM follow declaration order: it must be the order the text sorts in. */
    @Test
    void enumMembersAreDeclaredInTheOrderTheirTextSorts() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            ReplaySchema.ensure(db.connection());
            for (String type : ReplaySchema.enumTypes()) {
                List<String> declared = db.query("SELECT unnest(enum_range(NULL::" + type + "))").rows().stream()
                        .map(r -> r.get(0)).toList();
                assertEquals(declared.stream().sorted().toList(), declared, type);
                List<String> byOrderBy = db.query("SELECT v FROM (SELECT unnest(enum_range(NULL::" + type
                        + "))::VARCHAR AS v) ORDER BY v").rows().stream().map(r -> r.get(0)).toList();
                assertEquals(byOrderBy, declared, type + " as VARCHAR in DuckDB's order");
            }
        }
    }

    /** A tracker writing a value outside its column's ENUM type fails the replay instead of losing it. */
    @Test
    void aValueOutsideItsEnumTypeFailsTheWrite() throws Exception {
        for (boolean threaded : new boolean[] {false, true}) {
            try (Database db = TestDatabases.create(tmp)) {
                ReplaySchema.ensure(db.connection());
                DerivedWriter writer = new DerivedWriter(db.connection().unwrap(DuckDBConnection.class), 1, threaded);
                TableAppender cpu = writer.appender(DerivedTable.CPU_CONTEXT);
                cpu.begin(1).i32(0).i64(0).i64(10).i64(10).i32(4).i32(4).str("System").u64(null).str("cswitch")
                        .str("certain").i32(null).i64(null).i64(null).end();
                Exception e = assertThrows(Exception.class, writer::finish, "threaded " + threaded);
                assertTrue(String.valueOf(e.getMessage()).contains("certain")
                        || String.valueOf(e.getCause()).contains("certain"), String.valueOf(e));
            }
        }
    }

    @Test
    void replayingAgainReplacesAndReingestClears() throws Exception {
        Path trace = SharedTraces.sample("disk-read-foreign-context.txt");
        try (Database db = TestDatabases.ingest(tmp, trace)) {
            ReplayEngine.replay(db, 1, null);
            ReplayEngine.replay(db, 1, null);
            assertEquals(2, count(db, "SELECT count(*) FROM irp WHERE trace_id = 1"));
            assertEquals(1, count(db, "SELECT count(*) FROM machine WHERE trace_id = 1"));
            new TraceIngester(db, "test").ingest(trace, new TraceIngester.Options(null, true, null));
            for (DerivedTable t : DerivedTable.values()) {
                assertEquals(0, count(db, "SELECT count(*) FROM " + t.tableName()), t.tableName());
            }
        }
    }

    @Test
    void aFailedReplayLeavesTheEarlierResult() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample("disk-read-foreign-context.txt"))) {
            ReplayEngine.replay(db, 1, null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ReplayEngine.replay(db, 7, null));
            assertTrue(e.getMessage().contains("no trace 7"), e.getMessage());
            assertEquals(2, count(db, "SELECT count(*) FROM irp"));
            assertEquals(1, ReplayEngine.replayAll(db, null).size());
        }
    }

    @Test
    void anOlderDerivedSchemaIsRebuiltWithAWarning() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample("ioctl-same-context.txt"))) {
            ReplayEngine.replay(db, 1, null);
            db.query("UPDATE schema_info SET value = '0' WHERE key = '" + ReplaySchema.VERSION_KEY + "'");
            ReplaySummary s = ReplayEngine.replay(db, 1, null);
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains("rebuilt")), s.warnings().toString());
            assertEquals(1, count(db, "SELECT count(*) FROM irp"));
        }
    }

    @Test
    void aReadOnlyDatabaseIsRefused() throws Exception {
        Path file;
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.sample("ioctl-same-context.txt"))) {
            file = db.file();
        }
        try (Database ro = Database.openReadOnly(file)) {
            assertThrows(IllegalArgumentException.class, () -> ReplayEngine.replay(ro, 1, null));
        }
    }
}
