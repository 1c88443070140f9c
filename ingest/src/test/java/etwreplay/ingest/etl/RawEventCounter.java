package etwreplay.ingest.etl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the events of an ETL file straight from the buffer layer (no decoding into tables): by header
 * type, by HookId for kernel headers, and by the keys COUNTS.txt uses for the others.
 */
final class RawEventCounter {
    final Map<Integer, Long> headerTypes = new TreeMap<>();
    final Map<Integer, Long> kernelByHook = new TreeMap<>();
    final Map<String, Long> other = new TreeMap<>();
    long total;
    long kernel;
    final AnomalyTally tally = new AnomalyTally();

    static RawEventCounter count(Path file) throws IOException {
        RawEventCounter c = new RawEventCounter();
        try (EtlFile f = new EtlFile(file)) {
            BufferIndex index = BufferIndex.scan(f, c.tally);
            BufferLoader loader = new BufferLoader(f, c.tally);
            for (BufferIndex.CpuBuffers cpu : index.cpus()) {
                CpuStream s = new CpuStream(cpu, loader, c.tally);
                while (s.advance()) {
                    c.add(s.view);
                }
            }
        }
        return c;
    }

    private void add(EventView ev) {
        total++;
        headerTypes.merge(ev.headerType, 1L, Long::sum);
        if (ev.isKernel()) {
            kernel++;
            kernelByHook.merge(ev.hookId(), 1L, Long::sum);
        } else if (ev.family == HeaderType.Family.EVENT_HEADER) {
            other.merge("('M', '" + GenericEvents.guidText(ev) + "', " + ev.eventId + ", " + ev.opcode + ", " + ev.task
                    + ")", 1L, Long::sum);
        } else {
            other.merge("('C', '" + GenericEvents.guidText(ev) + "', " + ev.opcode + ")", 1L, Long::sum);
        }
    }
}
