package etwreplay.replay.scan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The single ordered pass over one trace's raw tables: first the rundown (process, thread and image
 * DCStart/DCEnd rows: the state at the trace's edges, as small as the set of live processes), then every
 * other row of every table merged by {@link ReplayEvent#compareTo} (time, then seq). Events from
 * different CPU buffers interleave in the files; this order is by time, not by file position. Memory:
 * one window per table. One thread; not reusable.
 */
public final class OrderedScan {
    private final Connection connection;
    private final int traceId;
    private final int windowRows;
    private int windowQueries;

    public OrderedScan(Connection connection, int traceId) {
        this(connection, traceId, TableCursor.TARGET_ROWS);
    }

    /** @param windowRows rows wanted per query window (tests use tiny windows to exercise the paging) */
    OrderedScan(Connection connection, int traceId, int windowRows) {
        this.connection = connection;
        this.traceId = traceId;
        this.windowRows = windowRows;
    }

    /** Receives the events; exceptions other than SQLException propagate unchanged. */
    @FunctionalInterface
    public interface Consumer {
        void accept(ReplayEvent event) throws SQLException;
    }

    /** Feeds the rundown rows in arrival order. */
    public void rundown(Consumer consumer) throws SQLException {
        for (RowSource s : List.of(RowSources.process(true), RowSources.thread(true), RowSources.image(true))) {
            try (PreparedStatement ps = connection.prepareStatement(s.allSql())) {
                ps.setInt(1, traceId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(s.mapper().map(rs));
                    }
                }
            }
        }
    }

    /** Feeds every other row in scan order. */
    public void events(Consumer consumer) throws SQLException {
        List<TableCursor> cursors = new ArrayList<>();
        for (RowSource s : RowSources.timeOrdered()) {
            cursors.add(new TableCursor(connection, s, traceId, windowRows));
        }
        PriorityQueue<Head> heads = new PriorityQueue<>();
        for (TableCursor c : cursors) {
            ReplayEvent e = c.poll();
            if (e != null) {
                heads.add(new Head(e, c));
            }
        }
        while (!heads.isEmpty()) {
            Head h = heads.poll();
            consumer.accept(h.event);
            ReplayEvent e = h.cursor.poll();
            if (e != null) {
                heads.add(new Head(e, h.cursor));
            }
        }
        for (TableCursor c : cursors) {
            windowQueries += c.windows();
        }
    }

    /** Window queries the last {@link #events} ran (for tests of the paging). */
    int windowQueries() {
        return windowQueries;
    }

    private record Head(ReplayEvent event, TableCursor cursor) implements Comparable<Head> {
        @Override
        public int compareTo(Head o) {
            return event.compareTo(o.event);
        }
    }
}
