package etwreplay.ingest.wpa;

import etwreplay.ingest.event.DpcEvent;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.IsrEvent;
import etwreplay.ingest.event.TraceEvent;
import java.util.Map;

/**
 * WPA "DPC/ISR" rows: one DPC or ISR run per row, {@code Type} naming which, with Enter/Exit Time and
 * Duration (any two give the third), CPU, routine address and {@code Module}/{@code Function}. No real
 * export was available (FORMATS.md §5), so the column names are WPA's as displayed, with aliases. Like
 * the kernel events, the row is stored at its exit, {@code initial_ts} = entry.
 */
final class DpcIsrRows implements WpaRowHandler {
    private static final Map<String, String> DPC_KINDS = Map.of("dpc", DpcEvent.DPC, "timerdpc", DpcEvent.TIMER_DPC,
            "dpctmr", DpcEvent.TIMER_DPC, "threadeddpc", DpcEvent.THREADED_DPC, "iotimer", DpcEvent.IO_TIMER);
    private static final Map<String, String> ISR_KINDS = Map.of("isr", IsrEvent.ISR, "interrupt", IsrEvent.ISR,
            "isrmsi", IsrEvent.ISR_MSI, "isrpass", IsrEvent.ISR_PASSIVE);

    private final int type;
    private final int enter;
    private final int exit;
    private final int duration;
    private final int cpu;
    private final int address;
    private final int module;
    private final int function;
    private final int vector;

    DpcIsrRows(WpaRow h) {
        type = h.column("Type", "DPC/ISR Type");
        enter = h.column("Enter Time", "Start Time", "Entry Time");
        exit = h.column("Exit Time", "End Time");
        duration = h.column("Duration", "Inclusive Duration");
        cpu = h.column("CPU");
        address = h.column("Address", "Routine", "Routine Address", "Function Address");
        module = h.column("Module");
        function = h.column("Function");
        vector = h.column("Vector");
    }

    static boolean recognises(WpaRow h) {
        return h.column("Type", "DPC/ISR Type") >= 0 && h.column("Enter Time", "Exit Time") >= 0
                && (h.column("Module") >= 0 || h.column("Function") >= 0);
    }

    @Override
    public boolean handle(WpaRow r, EventSink sink) {
        String t = r.text(type);
        String k = t == null ? "" : WpaColumn.key(t);
        String dpc = DPC_KINDS.get(k);
        String isr = ISR_KINDS.get(k);
        Long in = r.nanos(enter);
        Long out = r.nanos(exit);
        Long d = r.nanos(duration);
        if (out == null && in != null && d != null) {
            out = in + d;
        }
        if (in == null && out != null && d != null) {
            in = out - d;
        }
        if (d == null && in != null && out != null) {
            d = out - in;
        }
        if ((dpc == null && isr == null) || out == null) {
            if (t != null && dpc == null && isr == null) {
                r.unknownName("Type", t);
            }
            return false;
        }
        Integer c = r.int32(cpu);
        int processor = c == null ? TraceEvent.NO_CPU : c;
        String m = r.text(module);
        String f = r.text(function);
        String symbol = m != null && f != null ? m + "!" + f : m != null ? m : f;
        if (dpc != null) {
            sink.accept(new DpcEvent(out, processor, dpc, in, d, r.whole(address), symbol), r.extra());
        } else {
            sink.accept(new IsrEvent(out, processor, isr, in, d, r.whole(address), symbol, r.int32(vector), null, null),
                    r.extra());
        }
        return true;
    }
}
