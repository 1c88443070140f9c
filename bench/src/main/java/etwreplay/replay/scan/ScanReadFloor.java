package etwreplay.replay.scan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBReadableVector;

/**
 * A benchmark floor (bench module, not the replay): DuckDB handing over the rows the replay's scan reads, and
 * nothing else. Each of the scan's queries ({@link RowSources}: the rundown, then every time-ordered table)
 * runs once over the whole trace, in the scan's order, and every value of every row is read through the same
 * columnar API the scan uses; no windows, no {@link ReplayEvent}s, no merge. The replay cannot read its rows
 * faster than this. It lives in the scan's package because the queries are package-private there: they are
 * the replay's business, not an API.
 */
public final class ScanReadFloor {
    private ScanReadFloor() {
    }

    /** What one pass read. */
    public record Counts(long rows, long values, long strings, long checksum) {
    }

    /** Reads every row of trace {@code traceId} as described above. */
    public static Counts read(Connection connection, int traceId) throws SQLException {
        long rows = 0;
        long values = 0;
        long strings = 0;
        long checksum = 0;
        List<PreparedStatement> queries = new ArrayList<>();
        try {
            for (RowSource s : List.of(RowSources.process(true), RowSources.thread(true), RowSources.image(true))) {
                PreparedStatement ps = connection.prepareStatement(s.allSql());
                queries.add(ps);
                ps.setInt(1, traceId);
            }
            for (RowSource s : RowSources.timeOrdered()) {
                PreparedStatement ps = connection.prepareStatement(s.windowSql());
                queries.add(ps);
                ps.setInt(1, traceId);
                ps.setLong(2, Long.MIN_VALUE);
                ps.setLong(3, Long.MAX_VALUE);
                if (!s.sortsByTs()) {
                    ps.setLong(4, Long.MIN_VALUE);
                    ps.setLong(5, Long.MAX_VALUE);
                }
            }
            for (PreparedStatement ps : queries) {
                try (DuckDBChunkedResult result = ps.unwrap(DuckDBPreparedStatement.class).query()) {
                    while (result.nextChunk()) {
                        DuckDBDataChunkReader chunk = result.chunk();
                        int n = (int) chunk.rowCount();
                        for (int c = 0; c < chunk.columnCount(); c++) {
                            DuckDBReadableVector v = chunk.vector(c);
                            for (int r = 0; r < n; r++) {
                                if (v.isNull(r)) {
                                    continue;
                                }
                                values++;
                                switch (v.getType()) {
                                    case BIGINT -> checksum += v.getLong(r);
                                    case INTEGER -> checksum += v.getInt(r);
                                    case BOOLEAN -> checksum += v.getBoolean(r) ? 1 : 0;
                                    case VARCHAR -> {
                                        checksum += v.getString(r).length();
                                        strings++;
                                    }
                                    default -> throw new IllegalStateException("the scan selects no "
                                            + v.getType() + " column");
                                }
                            }
                        }
                        rows += n;
                    }
                }
            }
        } finally {
            for (PreparedStatement ps : queries) {
                ps.close();
            }
        }
        return new Counts(rows, values, strings, checksum);
    }
}
