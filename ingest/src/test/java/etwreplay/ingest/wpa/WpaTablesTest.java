package etwreplay.ingest.wpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.Golden;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WPA table exports written by hand after FORMATS.md §5 (src/test/resources/wpa): the same four Disk Usage
 * I/Os in en-US (comma, thousands ',', UTF-8 with BOM, CRLF), pt-BR (';', decimal ',', thousands '.',
 * §5b) and en-US saved as Windows-1252 (µ = 0xB5); a ';' file whose numbers no row disambiguates; and
 * CPU Usage (Precise), DPC/ISR, File I/O and an unrecognised table. Each file's non-empty tables and
 * trace_stat are one golden.
 */
class WpaTablesTest {
    private static final String DISK_IO = "SELECT * EXCLUDE (trace_id, seq, extra) FROM disk_io ORDER BY seq";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"disk-usage-en-US-bom", "disk-usage-pt-BR", "disk-usage-windows-1252",
        "disk-usage-ambiguous", "cpu-usage-precise", "dpc-isr", "file-io", "generic-events"})
    void everyTable(String name) throws Exception {
        try (Database db = TestDatabases.ingest(tmp, Path.of("src/test/resources/wpa/" + name + ".csv"))) {
            StringBuilder out = new StringBuilder();
            for (EventTable t : EventTable.values()) {
                var rows = db.query("SELECT * EXCLUDE (trace_id) FROM " + t.tableName() + " ORDER BY seq");
                if (!rows.rows().isEmpty()) {
                    out.append("## ").append(t.tableName()).append('\n').append(rows.toCsv());
                }
            }
            out.append("## trace_stat\n").append(db.query("SELECT * EXCLUDE (trace_id, description) FROM trace_stat"
                    + " ORDER BY name").toCsv());
            Golden.assertText(out.toString(), "golden/wpa/" + name + ".txt");
        }
    }

    /** The locale changes how numbers are written, never the rows they give. */
    @Test
    void localesGiveTheSameRows() throws Exception {
        try (Database en = TestDatabases.ingest(tmp, Path.of("src/test/resources/wpa/disk-usage-en-US-bom.csv"));
             Database pt = TestDatabases.ingest(tmp, Path.of("src/test/resources/wpa/disk-usage-pt-BR.csv"));
             Database ansi = TestDatabases.ingest(tmp, Path.of("src/test/resources/wpa/disk-usage-windows-1252.csv"))) {
            assertEquals(en.query(DISK_IO).toCsv(), pt.query(DISK_IO).toCsv());
            assertEquals(en.query(DISK_IO).toCsv(), ansi.query(DISK_IO).toCsv());
            assertEquals(3, en.query(DISK_IO).rows().size());
        }
    }
}
