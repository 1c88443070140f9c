package etwreplay.replay.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import etwreplay.ingest.event.DpcEvent;
import etwreplay.ingest.event.IsrEvent;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.TestDatabases;
import etwreplay.replay.machine.AddressClass;
import etwreplay.replay.machine.IrqlTable;
import etwreplay.replay.store.ReplaySchema;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every value a tracker can write to an ENUM column of replay-schema.sql is a member of its type, and
 * every member is a value some tracker writes: the producers' constants, enumerated here, against the
 * types' members as DuckDB reports them. A value outside its type would fail the replay (the bulk
 * insert refuses it), so a new constant without a new member is caught here first.
 */
class DerivedEnumMembersTest {
    @TempDir
    Path tmp;

    private static final Set<String> SPAN_KINDS = Set.of(DpcEvent.DPC, DpcEvent.TIMER_DPC, DpcEvent.THREADED_DPC,
            DpcEvent.IO_TIMER, IsrEvent.ISR, IsrEvent.ISR_MSI, IsrEvent.ISR_PASSIVE);
    private static final Set<String> IRQL_BASES = Set.of(IrqlTracker.BASIS_DPC, IrqlTracker.BASIS_IO_TIMER,
            IrqlTracker.BASIS_THREADED_DPC, IrqlTracker.BASIS_PASSIVE_ISR, IrqlTracker.BASIS_VECTOR,
            IrqlTracker.BASIS_UNKNOWN);

    private static Set<String> union(Set<String> a, String... more) {
        return Stream.concat(a.stream(), Arrays.stream(more)).collect(Collectors.toSet());
    }

    /** What the trackers write, by ENUM type. */
    private static Map<String, Set<String>> produced() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("irql_span_kind", SPAN_KINDS);
        m.put("completion_span_kind", union(SPAN_KINDS, Completion.THREAD));
        Set<String> names = new HashSet<>(IrqlTable.X86.levels().keySet());
        names.addAll(IrqlTable.X64.levels().keySet());
        names.add("DIRQL");
        m.put("irql_name", names);
        m.put("irql_basis", IRQL_BASES);
        m.put("completion_irql_basis", union(IRQL_BASES, MachineState.THREAD_ASSUMED));
        m.put("irql_module_basis", Set.of(IrqlTracker.MODULE_FROM_IMAGE, IrqlTracker.MODULE_FROM_SYMBOL));
        Set<String> spanIsrBases = Set.of(ChainTracker.SAME_MODULE, ChainTracker.NEAREST_PRECEDING,
                ChainTracker.TIMER_DPC, ChainTracker.NO_ISR);
        m.put("irql_isr_basis", spanIsrBases);
        m.put("irql_span_anomaly", Set.of(IrqlTracker.NESTED_AT_EQUAL_OR_HIGHER_IRQL, IrqlTracker.OVERLAPS_SPAN));
        m.put("ctx_source", Set.of(CpuContextTracker.SOURCE_CSWITCH, CpuContextTracker.SOURCE_RUNDOWN,
                CpuContextTracker.SOURCE_SAMPLE));
        m.put("ctx_confidence", Set.of(CpuContextTracker.EXACT, CpuContextTracker.INFERRED,
                CpuContextTracker.APPROXIMATE, Context.UNKNOWN_CONFIDENCE));
        m.put("irp_family", Set.of(RequestLog.DISK, RequestLog.FILE, RequestLog.DRIVER));
        m.put("irp_buffer_method", IntStream.range(0, 4).mapToObj(c -> RequestLog.bufferMethod((long) c))
                .collect(Collectors.toSet()));
        m.put("irp_status", Set.of(RequestLog.COMPLETE, RequestLog.MISSING_END, RequestLog.MISSING_START,
                RequestLog.OPEN_AT_END));
        m.put("chain_isr_basis", union(spanIsrBases, ChainTracker.COMPLETED_IN_ISR));
        m.put("chain_apc_basis", Set.of(ChainTracker.NEXT_SWITCH_IN, ChainTracker.ISSUER_INTERRUPTED,
                ChainTracker.ISSUER_RUNNING, ChainTracker.NEXT_SAMPLE, ChainTracker.NOT_SEEN));
        m.put("hazard_kind", Set.of(HazardDetector.USER_PAGE_FAULT, HazardDetector.USER_IP_SAMPLE,
                HazardDetector.NEITHER_FOREIGN, HazardDetector.NON_CANONICAL));
        m.put("hazard_address_class", Arrays.stream(AddressClass.values()).map(AddressClass::sqlName)
                .collect(Collectors.toSet()));
        return m;
    }

    @Test
    void everyEnumTypeHoldsExactlyTheValuesItsProducersWrite() throws Exception {
        Map<String, Set<String>> produced = produced();
        assertEquals(new TreeSet<>(ReplaySchema.enumTypes()), new TreeSet<>(produced.keySet()),
                "ENUM types of replay-schema.sql");
        try (Database db = TestDatabases.create(tmp)) {
            ReplaySchema.ensure(db.connection());
            for (Map.Entry<String, Set<String>> e : produced.entrySet()) {
                Set<String> members = db.query("SELECT unnest(enum_range(NULL::" + e.getKey() + "))").rows()
                        .stream().map(r -> r.get(0)).collect(Collectors.toCollection(TreeSet::new));
                assertEquals(new TreeSet<>(e.getValue()), members, e.getKey());
            }
        }
    }

    @Test
    void everyIrqlNameIsAMember() {
        Set<String> names = produced().get("irql_name");
        for (IrqlTable t : new IrqlTable[] {IrqlTable.X86, IrqlTable.X64}) {
            for (int level = 0; level <= t.highLevel(); level++) {
                String name = t.nameOf(level);
                assertNotNull(name, "level " + level);
                assertEquals(true, names.contains(name), name);
            }
        }
    }
}
