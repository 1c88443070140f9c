package etwreplay.ingest.store;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.EventTable;
import etwreplay.ingest.event.TraceHeader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/**
 * Writes one trace atomically: everything between {@link #begin} and {@link Transaction#commit} is
 * one DuckDB transaction, so a failed, crashed or killed ingest leaves no part of the trace behind
 * and every earlier trace unchanged.
 */
public final class TraceStore {
    private final Database db;

    public TraceStore(Database db) {
        if (db.readOnly()) {
            throw new IllegalArgumentException("TraceStore needs a database opened for writing");
        }
        this.db = db;
    }

    /** An already ingested trace with the same content. */
    public record ExistingTrace(int traceId, String fileName, String contentSha256) {
    }

    /** Traces whose size and first-MiB hash match (candidates for a duplicate). */
    public List<ExistingTrace> findByHead(long fileSize, String headSha256) throws SQLException {
        List<ExistingTrace> out = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT trace_id, file_name, content_sha256 FROM "
                + Schema.TRACE + " WHERE file_size = ? AND head_sha256 = ? ORDER BY trace_id")) {
            ps.setLong(1, fileSize);
            ps.setString(2, headSha256);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ExistingTrace(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    public Optional<ExistingTrace> findByContent(String contentSha256) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT trace_id, file_name, content_sha256 FROM "
                + Schema.TRACE + " WHERE content_sha256 = ? ORDER BY trace_id LIMIT 1")) {
            ps.setString(1, contentSha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ExistingTrace(rs.getInt(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Starts the transaction for a new trace. When {@code replaceTraceId} is given, that trace's rows are
     * deleted in the same transaction (and its id reused).
     */
    public Transaction begin(Integer replaceTraceId) throws SQLException {
        Connection c = db.connection();
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN TRANSACTION");
        }
        try {
            int traceId;
            if (replaceTraceId != null) {
                deleteTrace(c, replaceTraceId);
                traceId = replaceTraceId;
            } else {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT coalesce(max(trace_id), 0) + 1 FROM " + Schema.TRACE)) {
                    rs.next();
                    traceId = rs.getInt(1);
                }
            }
            return new Transaction(c, traceId);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
    }

    /** Deletes every row of one trace from every table (raw and, when present, derived). */
    static void deleteTrace(Connection c, int traceId) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.columns WHERE column_name = "
                     + "'trace_id' AND table_schema = 'main' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String t : tables) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM \"" + t + "\" WHERE trace_id = ?")) {
                ps.setInt(1, traceId);
                ps.executeUpdate();
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // The transaction is already gone (e.g. DuckDB aborted it); nothing more to undo.
        }
    }

    /** What the file itself is, recorded in the trace row. */
    public record SourceFile(String fileName, String filePath, long fileSize, String contentSha256,
            String headSha256, String format) {
    }

    /** What was written, per table. */
    public record Summary(int traceId, long events, Map<EventTable, Long> rowsPerTable,
            AnomalyCounter<Anomaly> anomalies) {
    }

    /** One open ingest. Not thread-safe; commit or roll back exactly once. */
    public final class Transaction implements AutoCloseable {
        private final Connection connection;
        private final int traceId;
        private final BulkWriteSettings settings;
        private final DuckDbSink sink;
        private boolean done;

        Transaction(Connection connection, int traceId) throws SQLException {
            this.connection = connection;
            this.traceId = traceId;
            this.settings = BulkWriteSettings.apply(connection);
            try {
                this.sink = new DuckDbSink(connection.unwrap(DuckDBConnection.class), traceId);
            } catch (SQLException | RuntimeException e) {
                settings.restore();
                throw e;
            }
        }

        public int traceId() {
            return traceId;
        }

        public EventSink sink() {
            return sink;
        }

        /** Flushes the events, writes the trace and trace_stat rows, and commits. */
        public Summary commit(SourceFile source, TraceHeader header, String toolVersion) throws SQLException {
            sink.close();
            Integer cpuCount = header.cpuCount;
            if (cpuCount == null && sink.maxCpu() >= 0) {
                cpuCount = sink.maxCpu() + 1;
                sink.anomaly(Anomaly.CPU_COUNT_INFERRED, null, "highest CPU seen: " + sink.maxCpu());
            }
            if (header.eventsLost != null) {
                sink.anomalies(Anomaly.EVENTS_LOST, header.eventsLost, "header", "Events Lost: " + header.eventsLost);
            }
            if (header.buffersLost != null) {
                sink.anomalies(Anomaly.BUFFERS_LOST, header.buffersLost, "header",
                        "Buffers lost: " + header.buffersLost);
            }
            writeStats();
            writeTraceRow(source, header, cpuCount, toolVersion);
            try (Statement st = connection.createStatement()) {
                st.execute("COMMIT");
            }
            done = true;
            settings.restore();
            Map<EventTable, Long> rows = new EnumMap<>(EventTable.class);
            for (EventTable t : EventTable.values()) {
                rows.put(t, sink.rows(t));
            }
            return new Summary(traceId, sink.eventCount(), rows, sink.anomalyCounter());
        }

        private void writeStats() throws SQLException {
            sink.anomalyCounter().writeTo(connection, traceId);
        }

        private void writeTraceRow(SourceFile source, TraceHeader h, Integer cpuCount, String toolVersion)
                throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + Schema.TRACE
                    + " (trace_id, file_name, file_path, file_size, content_sha256, head_sha256, format, os_version,"
                    + " os_build, pointer_size, cpu_count, clock, clock_frequency, start_filetime, start_time,"
                    + " duration_ns, event_count, events_lost, buffers_lost, first_reliable_ts,"
                    + " first_reliable_cswitch_ts, logger_name, recorded_file_name, ingested_at, ingest_tool)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 0;
                ps.setInt(++i, traceId);
                ps.setString(++i, source.fileName());
                ps.setString(++i, source.filePath());
                ps.setLong(++i, source.fileSize());
                ps.setString(++i, source.contentSha256());
                ps.setString(++i, source.headSha256());
                ps.setString(++i, source.format());
                ps.setString(++i, h.osVersion);
                ps.setObject(++i, h.osBuild);
                ps.setObject(++i, h.pointerSize);
                ps.setObject(++i, cpuCount);
                ps.setString(++i, h.clock.name().toLowerCase(java.util.Locale.ROOT));
                ps.setObject(++i, h.clockFrequency);
                ps.setObject(++i, h.startFiletime);
                ps.setObject(++i, h.startFiletime == null ? null : java.time.LocalDateTime.ofInstant(filetimeToInstant(h.startFiletime), java.time.ZoneOffset.UTC));
                ps.setLong(++i, sink.maxTs());
                ps.setLong(++i, sink.eventCount());
                ps.setObject(++i, h.eventsLost);
                ps.setObject(++i, h.buffersLost);
                ps.setObject(++i, h.firstReliableTs);
                ps.setObject(++i, h.firstReliableCSwitchTs);
                ps.setString(++i, h.loggerName);
                ps.setString(++i, h.recordedFileName);
                ps.setObject(++i, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
                ps.setString(++i, toolVersion);
                ps.executeUpdate();
            }
        }

        /** Undoes everything since {@link #begin}; safe to call after a failed commit. */
        public void rollback() {
            if (!done) {
                done = true;
                try {
                    sink.close();
                } catch (SQLException | RuntimeException ignored) {
                    // The rows are discarded by the rollback anyway.
                }
                rollbackQuietly(connection);
                try {
                    settings.restore();
                } catch (SQLException ignored) {
                    // Only settings of a connection that is failing anyway; the data is rolled back.
                }
            }
        }

        @Override
        public void close() {
            rollback();
        }
    }

    /** FILETIME: 100 ns intervals since 1601-01-01 UTC. 11644473600 s separate 1601 from 1970. */
    public static Instant filetimeToInstant(long filetime) {
        long seconds = Math.floorDiv(filetime, 10_000_000L) - 11_644_473_600L;
        long nanos = Math.floorMod(filetime, 10_000_000L) * 100L;
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
