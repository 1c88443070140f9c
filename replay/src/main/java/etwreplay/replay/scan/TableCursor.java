package etwreplay.replay.scan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Reads one raw table in scan order, a time window at a time, so that memory holds one window and not the
 * table. Each window is an ordinary query filtered on the sort key (DuckDB skips row groups by their
 * min/max, so a window costs about its own rows); its width adapts to keep about a target number of
 * rows per window ({@link #TARGET_ROWS} by default). One thread.
 */
final class TableCursor {
    /** Rows wanted per window, by default. */
    static final int TARGET_ROWS = 1 << 16;

    private final Connection connection;
    private final RowSource source;
    private final int traceId;
    private final int targetRows;
    private final ArrayDeque<ReplayEvent> buffer = new ArrayDeque<>();
    private final Columns columns = new Columns();
    private long next;
    private long last;
    private long width;
    /** How far {@code ts} can lie after the sort key ({@link RowSource#statsSql}); 0 for ts-sorted tables. */
    private long lag;
    private boolean exhausted;
    private int windows;
    private ReplayEvent head;
    private long headSortTs;
    private int headPhase;
    private long headSub;
    private long headSeq;

    TableCursor(Connection connection, RowSource source, int traceId, int targetRows) throws SQLException {
        this.connection = connection;
        this.source = source;
        this.traceId = traceId;
        this.targetRows = targetRows;
        try (PreparedStatement ps = connection.prepareStatement(source.statsSql())) {
            ps.setInt(1, traceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long rows = rs.getLong(1);
                if (rows == 0) {
                    exhausted = true;
                    return;
                }
                next = rs.getLong(2);
                last = rs.getLong(3);
                lag = rs.getLong(4);
                long span = saturatingAdd(last - next, 1);
                width = Math.max(1, span / Math.max(1, rows / targetRows));
            }
        }
    }

    /** The next event, or null at the end. */
    private ReplayEvent poll() throws SQLException {
        fill();
        return buffer.pollFirst();
    }

    /**
     * Moves to the next event and caches its sort key ({@link ReplayEvent#compareTo}) so that the merge
     * compares primitives instead of calling the events' key methods at every comparison.
     *
     * @return false at the end
     */
    boolean advance() throws SQLException {
        head = poll();
        if (head == null) {
            return false;
        }
        headSortTs = head.sortTs();
        headPhase = head.phase();
        headSub = head.sub();
        headSeq = head.seq();
        return true;
    }

    /** The event {@link #advance} moved to. */
    ReplayEvent head() {
        return head;
    }

    /** True when this cursor's head comes before {@code o}'s in scan order (as {@link ReplayEvent#compareTo}). */
    boolean before(TableCursor o) {
        if (headSortTs != o.headSortTs) {
            return headSortTs < o.headSortTs;
        }
        if (headPhase != o.headPhase) {
            return headPhase < o.headPhase;
        }
        if (headSub != o.headSub) {
            return headSub < o.headSub;
        }
        return headSeq < o.headSeq;
    }

    private void fill() throws SQLException {
        while (buffer.isEmpty() && !exhausted) {
            long to = saturatingAdd(next, width);
            int rows = 0;
            windows++;
            try (PreparedStatement ps = connection.prepareStatement(source.windowSql())) {
                ps.setInt(1, traceId);
                ps.setLong(2, next);
                ps.setLong(3, to);
                if (!source.sortsByTs()) {
                    ps.setLong(4, next);
                    ps.setLong(5, saturatingAdd(to, lag));
                }
                rows = read(ps, source.mapper(), columns, buffer::addLast);
            }
            if (to > last || to == Long.MAX_VALUE) {
                exhausted = true;
            }
            next = to;
            if (rows > 2 * targetRows) {
                width = Math.max(1, width / 2);
            } else if (rows < targetRows / 4) {
                width = saturatingAdd(width, width);
            }
        }
    }

    /** Runs {@code ps} through DuckDB's columnar result and maps every row; returns the row count. */
    static int read(PreparedStatement ps, RowSource.Mapper mapper, Columns columns, Consumer<ReplayEvent> sink)
            throws SQLException {
        int rows = 0;
        try (DuckDBChunkedResult result = ps.unwrap(DuckDBPreparedStatement.class).query()) {
            while (result.nextChunk()) {
                DuckDBDataChunkReader chunk = result.chunk();
                columns.load(chunk);
                int n = (int) chunk.rowCount();
                for (int r = 0; r < n; r++) {
                    sink.accept(mapper.map(columns, r));
                }
                rows += n;
            }
        }
        return rows;
    }

    /** Window queries run so far. */
    int windows() {
        return windows;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
