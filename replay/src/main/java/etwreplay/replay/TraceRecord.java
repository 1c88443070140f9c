package etwreplay.replay;

import etwreplay.replay.machine.MachineInference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the replay needs to know about a trace before its pass: the {@code trace} row, the facts the
 * machine is inferred from, how many rows each raw table holds, and each CPU's first context switch (its
 * old thread was running from the trace start). All small: one row per trace, table or CPU.
 */
record TraceRecord(int traceId, String fileName, String format, Integer pointerSize, Integer osBuild,
        Integer cpuCount, long durationNs, Long eventsLost, Long buffersLost, MachineInference.TraceFacts facts,
        Map<String, Long> rawRows, List<FirstSwitch> firstSwitches) {

    /** The raw tables counted for the summary (public names of schema.sql). */
    static final List<String> RAW_TABLES = List.of("process", "thread", "image", "cswitch", "ready_thread", "dpc",
            "isr", "disk_io", "file_io", "driver_irp", "page_fault", "sample", "syscall", "stack", "generic_event");

    /** The first CSwitch on a CPU: who it switched away from. */
    record FirstSwitch(int cpu, Integer oldTid, Integer oldPid, String oldProcessName) {
    }

    long rows(String table) {
        return rawRows.getOrDefault(table, 0L);
    }

    /** @throws IllegalArgumentException when the database holds no trace {@code traceId} */
    static TraceRecord load(Connection c, int traceId) throws SQLException {
        String fileName;
        String format;
        Integer pointerSize;
        Integer osBuild;
        Integer cpuCount;
        long duration;
        Long eventsLost;
        Long buffersLost;
        try (PreparedStatement ps = c.prepareStatement("SELECT file_name, format, pointer_size, os_build, cpu_count,"
                + " duration_ns, events_lost, buffers_lost FROM trace WHERE trace_id = ?")) {
            ps.setInt(1, traceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("the database holds no trace " + traceId);
                }
                fileName = rs.getString(1);
                format = rs.getString(2);
                pointerSize = (Integer) rs.getObject(3);
                osBuild = (Integer) rs.getObject(4);
                cpuCount = (Integer) rs.getObject(5);
                duration = rs.getLong(6);
                eventsLost = (Long) rs.getObject(7);
                buffersLost = (Long) rs.getObject(8);
            }
        }
        String kernel = null;
        Long maxBase = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT file_name FROM image WHERE trace_id = $1 AND"
                + " regexp_matches(lower(file_name), '(ntoskrnl|ntkrnlpa|ntkrnlmp|ntkrpamp|ntkrla57)\\.exe$')"
                + " ORDER BY seq LIMIT 1), (SELECT max(image_base) FROM image WHERE trace_id = $1)")) {
            ps.setInt(1, traceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                kernel = rs.getString(1);
                long m = rs.getLong(2);
                maxBase = rs.wasNull() ? null : m;
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String t : RAW_TABLES) {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + t + " WHERE trace_id = ?")) {
                ps.setInt(1, traceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows.put(t, rs.getLong(1));
                }
            }
        }
        List<FirstSwitch> first = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ON (cpu) cpu, old_tid, old_pid,"
                + " old_process_name FROM cswitch WHERE trace_id = ? AND cpu IS NOT NULL ORDER BY cpu, ts, seq")) {
            ps.setInt(1, traceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    first.add(new FirstSwitch(rs.getInt(1), (Integer) rs.getObject(2), (Integer) rs.getObject(3),
                            rs.getString(4)));
                }
            }
        }
        MachineInference.TraceFacts facts = new MachineInference.TraceFacts(pointerSize, osBuild, cpuCount, kernel,
                maxBase);
        return new TraceRecord(traceId, fileName, format, pointerSize, osBuild, cpuCount, duration, eventsLost,
                buffersLost, facts, rows, first);
    }
}
