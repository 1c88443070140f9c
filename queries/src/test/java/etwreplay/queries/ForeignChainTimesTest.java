package etwreplay.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.store.ReplaySchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * foreign_completions writes a chain's times in µs as the text of the DOUBLE {@code ns / 1000} without a
 * trailing '.0'. It no longer strips that with a regular expression per value (the cost of 3.6 M requests)
 * but takes the integer division's text for a whole number of µs: here every time of a chain is a value
 * where the two could part (whole and fractional µs, negative ones, both sides of 2^43 µs where a DOUBLE's
 * spacing reaches 0.002, beyond 2^53 µs, the BIGINT extremes), and the chain must read exactly as the
 * regular expression writes it.
 */
class ForeignChainTimesTest {
    private static final List<Long> TIMES = List.of(0L, 1L, -1L, 999L, 1000L, 1001L, -1000L, -1500L, 2000L,
            123_456_789L, 123_456_000L, 1_000_000_000_000L, 8_796_093_022_207_999L, 8_796_093_022_208_000L,
            8_796_093_022_208_001L, -8_796_093_022_208_000L, 9_007_199_254_740_993_000L, -9_007_199_254_740_993_001L,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 999, 4_503_599_627_370_497_123L);

    @TempDir
    Path tmp;

    @Test
    void everyTimeInTheChainReadsAsTheDoubleWithoutItsTrailingZero() throws Exception {
        try (Database db = TestDatabases.create(tmp)) {
            ReplaySchema.ensure(db.connection());
            db.query("INSERT INTO trace (trace_id, file_name) VALUES (1, 'times.etl')");
            db.query("INSERT INTO machine (trace_id, name) VALUES (1, 'x64')");
            long id = 0;
            for (long t : TIMES) {
                for (int shift = 0; shift < 7; shift++) {
                    id++;
                    // Each of the seven times of a chain takes the value in turn; the others rotate through the list.
                    long[] v = new long[7];
                    for (int k = 0; k < 7; k++) {
                        v[k] = TIMES.get((int) ((TIMES.indexOf(t) + (k - shift + 7) % 7) % TIMES.size()));
                    }
                    db.query("INSERT INTO irp (trace_id, irp_id, family, op, complete_ts, complete_cpu, foreign_context,"
                            + " completion_process_name, completion_span_kind) VALUES (1, ?, 'disk', 'Read', ?, 0, true,"
                            + " 'other.exe', 'DPC')", id, v[4]);
                    db.query("INSERT INTO irq_chain (trace_id, irp_id, isr_span_id, isr_module, isr_start_ts,"
                            + " inferred_isr_to_dpc_ns, dpc_span_id, dpc_kind, dpc_module, dpc_start_ts,"
                            + " dpc_to_completion_ns, inferred_completion_to_apc_ns, apc_basis, inferred_apc_ts,"
                            + " inferred_apc_cpu) VALUES (1, ?, 1, 'stornvme.sys', ?, ?, 2, 'DPC', 'storport.sys', ?, ?, ?,"
                            + " 'next_switch_in', ?, 1)", id, v[0], v[1], v[2], v[3], v[5], v[6]);
                }
            }
            // The chain as the report wrote it before (regexp_replace on every time), over the same rows.
            List<List<String>> expected = db.query("""
                    SELECT i.irp_id, concat_ws(' -> ',
                        'ISR ' || c.isr_module || ' at ' || regexp_replace((c.isr_start_ts / 1000)::VARCHAR, '\\.0$', '')
                            || ' µs',
                        '(' || regexp_replace((c.inferred_isr_to_dpc_ns / 1000)::VARCHAR, '\\.0$', '') || ' µs) '
                            || c.dpc_kind || ' ' || c.dpc_module || ' at '
                            || regexp_replace((c.dpc_start_ts / 1000)::VARCHAR, '\\.0$', '') || ' µs',
                        '(' || regexp_replace((c.dpc_to_completion_ns / 1000)::VARCHAR, '\\.0$', '') || ' µs) completion at '
                            || regexp_replace((i.complete_ts / 1000)::VARCHAR, '\\.0$', '') || ' µs in other.exe',
                        '(' || regexp_replace((c.inferred_completion_to_apc_ns / 1000)::VARCHAR, '\\.0$', '') || ' µs) APC at '
                            || regexp_replace((c.inferred_apc_ts / 1000)::VARCHAR, '\\.0$', '')
                            || ' µs on cpu 1 (next_switch_in)') AS chain
                    FROM irp i JOIN irq_chain c USING (trace_id, irp_id)
                    ORDER BY i.complete_ts, i.irp_id
                    """).rows();
            ReportResult r = ReportTesting.run(db, "foreign_completions", Map.of());
            int chain = r.table().columns().indexOf("chain");
            int irpId = r.table().columns().indexOf("irp_id");
            assertEquals(TIMES.size() * 7, expected.size());
            assertEquals(expected, r.table().rows().stream().map(row -> List.of(row.get(irpId), row.get(chain))).toList());
        }
    }
}
