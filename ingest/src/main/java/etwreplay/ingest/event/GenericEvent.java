package etwreplay.ingest.event;

import java.util.Map;

/**
 * Any event the canonical tables do not model, kept rather than dropped: its name, provider, opcode,
 * decoded fields by source name (insertion order kept) and, for binary sources, the raw payload.
 */
public record GenericEvent(long ts, int cpu, String name, String provider, Integer opcode, Integer version,
        Integer pid, Integer tid, Map<String, String> fields, byte[] payload) implements TraceEvent {

    @Override
    public EventTable table() {
        return EventTable.GENERIC_EVENT;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.str(name);
        row.str(provider);
        row.i32(opcode);
        row.i32(version);
        row.i32(pid);
        row.i32(tid);
        row.map(fields);
        row.blob(payload);
    }
}
