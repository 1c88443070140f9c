package etwreplay.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.CSwitchEvent;
import etwreplay.ingest.event.DiskIoEvent;
import etwreplay.ingest.event.DpcEvent;
import etwreplay.ingest.event.DriverIrpEvent;
import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.event.ImageEvent;
import etwreplay.ingest.event.IsrEvent;
import etwreplay.ingest.event.KernelThreadNames;
import etwreplay.ingest.event.ProcessEvent;
import etwreplay.ingest.event.SyscallEvent;
import etwreplay.ingest.event.TraceHeader;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ENUM columns of schema.sql (version 2): the catalogue in EventTable names exactly them, their members
 * sort as text does, they list every name the decoders give, and a value they do not list is kept in
 * {@code extra} and counted, never dropped and never failing the ingest.
 */
class EnumColumnsTest {
    @TempDir
    Path tmp;

    @Test
    void theCatalogueNamesExactlyTheEnumColumnsOfTheDatabase() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            Set<String> inDatabase = new TreeSet<>();
            for (List<String> row : db.query("SELECT table_name || '.' || column_name FROM duckdb_columns()"
                    + " WHERE data_type LIKE 'ENUM(%' AND schema_name = 'main'").rows()) {
                inDatabase.add(row.get(0));
            }
            Set<String> catalogued = new TreeSet<>();
            for (EventTable t : EventTable.values()) {
                for (String c : t.enumColumns().keySet()) {
                    catalogued.add(t.tableName() + "." + c);
                }
            }
            assertEquals(catalogued, inDatabase);
        }
    }

    /** ORDER BY, min and max follow an ENUM's declaration order: it must be the text's order. */
    @Test
    void membersAreDeclaredInAscendingTextOrder() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            Map<String, List<String>> labels = labels(db);
            assertTrue(labels.size() >= 10, "ENUM types found: " + labels.keySet());
            for (Map.Entry<String, List<String>> e : labels.entrySet()) {
                List<String> sorted = new ArrayList<>(e.getValue());
                sorted.sort(String::compareTo);
                assertEquals(sorted, e.getValue(), e.getKey());
            }
        }
    }

    @Test
    void everyNameTheDecodersGiveIsAMember() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            Map<String, List<String>> labels = labels(db);
            for (int v = 0; KernelThreadNames.state(v) != null; v++) {
                assertTrue(labels.get("thread_state").contains(KernelThreadNames.state(v)), "state " + v);
            }
            for (int v = 0; KernelThreadNames.waitReason(v) != null; v++) {
                assertTrue(labels.get("wait_reason").contains(KernelThreadNames.waitReason(v)), "wait reason " + v);
            }
            for (int v = 0; KernelThreadNames.waitMode(v) != null; v++) {
                assertTrue(labels.get("wait_mode").contains(KernelThreadNames.waitMode(v)), "wait mode " + v);
            }
            Map<String, List<String>> named = Map.of(
                    "process_kind", List.of(ProcessEvent.START, ProcessEvent.END, ProcessEvent.DC_START,
                            ProcessEvent.DC_END, ProcessEvent.DEFUNCT),
                    "image_kind", List.of(ImageEvent.LOAD, ImageEvent.UNLOAD, ImageEvent.DC_START, ImageEvent.DC_END),
                    "dpc_kind", List.of(DpcEvent.DPC, DpcEvent.TIMER_DPC, DpcEvent.THREADED_DPC, DpcEvent.IO_TIMER),
                    "isr_kind", List.of(IsrEvent.ISR, IsrEvent.ISR_MSI, IsrEvent.ISR_PASSIVE),
                    "disk_io_kind", List.of(DiskIoEvent.READ, DiskIoEvent.WRITE, DiskIoEvent.FLUSH,
                            DiskIoEvent.READ_INIT, DiskIoEvent.WRITE_INIT, DiskIoEvent.FLUSH_INIT),
                    "driver_irp_kind", List.of(DriverIrpEvent.CALL, DriverIrpEvent.RETURN,
                            DriverIrpEvent.COMPLETE_REQUEST, DriverIrpEvent.COMPLETE_REQUEST_RETURN,
                            DriverIrpEvent.COMPLETION_ROUTINE),
                    "syscall_kind", List.of(SyscallEvent.ENTER, SyscallEvent.EXIT));
            for (Map.Entry<String, List<String>> e : named.entrySet()) {
                assertTrue(labels.get(e.getKey()).containsAll(e.getValue()), e.getKey() + ": " + e.getValue());
            }
        }
    }

    /**
     * Timeline: a DPC whose kind no list has (event 1), a known DPC whose source also had a column named
     * "kind" (event 2), and a context switch with an unknown wait reason (event 3). Expected: the two
     * unknown values are NULL in their columns and kept in extra under the column's name (the source's
     * own "kind" keeps its key; ours takes a suffix), one unknown_name tally of 3 whose first occurrence
     * is event 1, and the known values stored as they are.
     */
    @Test
    void aValueTheEnumDoesNotListIsKeptInExtraAndCounted() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            TraceStore store = new TraceStore(db);
            TraceStore.Summary summary;
            try (TraceStore.Transaction tx = store.begin(null)) {
                tx.sink().accept(new DpcEvent(100, 0, "WeirdDPC", 90L, 10L, 0x1000L, null));
                tx.sink().accept(new DpcEvent(200, 0, "WeirdDPC", 190L, 10L, 0x1000L, null),
                        new HashMap<>(Map.of("kind", "theirs")));
                tx.sink().accept(new CSwitchEvent(300, 1, 4, 40, "System", 8, 0, 0, "Idle", 0, "Waiting",
                        "WrSomethingNew", "KernelMode", null, null, null, null, null, null, null, null, null, null,
                        null));
                summary = tx.commit(new TraceStore.SourceFile("t", "/t", 1, "a", "b", "xperf"), new TraceHeader(),
                        "test");
            }
            assertEquals(List.of(List.of("1", "", "WeirdDPC", ""), List.of("2", "", "theirs", "WeirdDPC")),
                    db.query("SELECT seq, coalesce(kind::VARCHAR, ''), extra['kind'],"
                            + " coalesce(extra['kind (unlisted)'], '') FROM dpc ORDER BY seq").rows());
            assertEquals(List.of(List.of("Waiting", "", "{old_wait_reason=WrSomethingNew}", "KernelMode")),
                    db.query("SELECT old_state, coalesce(old_wait_reason::VARCHAR, ''), extra::VARCHAR, old_wait_mode"
                            + " FROM cswitch").rows());
            AnomalyCounter.Tally t = summary.anomalies().tallies().get(Anomaly.UNKNOWN_NAME);
            assertEquals(3, t.count());
            assertEquals("event 1", t.firstLocation());
            assertEquals("dpc.kind = 'WeirdDPC'", t.example());
        }
    }

    private static Map<String, List<String>> labels(Database db) throws Exception {
        Map<String, List<String>> labels = new HashMap<>();
        for (List<String> row : db.query("SELECT type_name, unnest(labels) FROM duckdb_types()"
                + " WHERE logical_type = 'ENUM' AND schema_name = 'main'").rows()) {
            labels.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row.get(1));
        }
        return labels;
    }
}
