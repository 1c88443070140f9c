package etwreplay.ingest.wpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.Golden;
import etwreplay.ingest.testing.SharedTraces;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real WPA "Disk Usage" export (shared/traces/wpa-csv, en-US, 600 per-I/O rows; PROVENANCE.md): every
 * row must land in disk_io with its values exact. Expected sums were computed independently from the CSV
 * with Python's decimal module (µs × 1000 and s × 1e9 are exact in ns for every row).
 */
class WpaDiskUsageRealTest {
    @TempDir
    Path tmp;

    @Test
    void sixHundredRowsWithExactValues() throws Exception {
        try (Database db = TestDatabases.ingest(tmp, SharedTraces.trace("wpa-csv/Disk_Usage_Utilization_by_Disk.csv"))) {
            assertEquals(List.of(List.of("600", "0")), db.query("SELECT (SELECT count(*) FROM disk_io),"
                    + " (SELECT count(*) FROM generic_event)").rows());
            // Column sums: Disk Service Time 120,741.474 µs, IO Time 211,168.151 µs, Size 19,994,112 B,
            // Complete Time 10,461.865528220 s, QD/I 482, QD/C 491.
            assertEquals(List.of(List.of("120741474", "211168151", "19994112", "10461865528220", "482", "491")),
                    db.query("SELECT sum(disk_service_ns), sum(elapsed_ns), sum(transfer_size), sum(ts),"
                            + " sum(CAST(extra['QD/I - Queue Depth at Init Time'] AS INTEGER)),"
                            + " sum(CAST(extra['QD/C - Queue Depth at Complete Time'] AS INTEGER)) FROM disk_io").rows());
            Golden.assertCsv(db.query("SELECT kind, disk_number, io_priority, count(*) AS n FROM disk_io"
                    + " GROUP BY ALL ORDER BY ALL"), "golden/wpa/disk-usage-real/counts.csv");
            // Field by field: CSV lines 2, 6, 102 and 601 (the first, a System flush, a "16,384"-byte
            // Very Low read with a long path, the last).
            Golden.assertCsv(db.query("SELECT * EXCLUDE (trace_id) FROM disk_io WHERE seq IN (1, 5, 101, 600)"
                    + " ORDER BY seq"), "golden/wpa/disk-usage-real/rows.csv");
            Golden.assertCsv(db.query("SELECT * EXCLUDE (trace_id, description) FROM trace_stat ORDER BY name"),
                    "golden/wpa/disk-usage-real/trace_stat.csv");
            Golden.assertCsv(db.query("SELECT format, clock, start_filetime, duration_ns, event_count, cpu_count"
                    + " FROM trace"), "golden/wpa/disk-usage-real/trace.csv");
        }
    }
}
