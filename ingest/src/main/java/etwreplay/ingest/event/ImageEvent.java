package etwreplay.ingest.event;

/**
 * Image load, unload or rundown: the address range {@code [imageBase, imageBase + imageSize)} a module
 * occupies in process {@code pid} (kernel drivers: PID 0 or 4). Source: SCHEMAS.md §1.6.
 */
public record ImageEvent(long ts, int cpu, String kind, Integer pid, String processName, Long imageBase,
        Long imageSize, Long checksum, Long timeDateStamp, Long defaultBase, String fileName) implements TraceEvent {

    public static final String LOAD = "Load", UNLOAD = "Unload", DC_START = "DCStart", DC_END = "DCEnd";

    @Override
    public EventTable table() {
        return EventTable.IMAGE;
    }

    @Override
    public void writeColumns(RowWriter row) {
        row.str(kind);
        row.i32(pid);
        row.str(processName);
        row.u64(imageBase);
        row.u64(imageSize);
        row.i64(checksum);
        row.i64(timeDateStamp);
        row.u64(defaultBase);
        row.str(fileName);
    }
}
