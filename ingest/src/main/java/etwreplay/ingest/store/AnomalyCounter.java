package etwreplay.ingest.store;

import etwreplay.ingest.event.AnomalyKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts anomalies of one catalogue by kind, keeping the first location and example of each, and writes
 * them to {@code trace_stat}. Not thread-safe.
 *
 * @param <K> the catalogue (ingest's or replay's anomaly enum)
 */
public final class AnomalyCounter<K extends Enum<K> & AnomalyKind> {
    /** Longest example kept, so a binary line cannot bloat trace_stat. */
    private static final int MAX_EXAMPLE = 200;

    /** One kind's tally. */
    public static final class Tally {
        private long count;
        private final String firstLocation;
        private final String example;

        Tally(String firstLocation, String example) {
            this.firstLocation = firstLocation;
            this.example = example;
        }

        public long count() {
            return count;
        }

        public String firstLocation() {
            return firstLocation;
        }

        public String example() {
            return example;
        }
    }

    private final Map<K, Tally> tallies;

    public AnomalyCounter(Class<K> catalogue) {
        this.tallies = new EnumMap<>(catalogue);
    }

    public void add(K kind, long count, String location, String example) {
        if (count <= 0) {
            return;
        }
        tallies.computeIfAbsent(kind, k -> new Tally(location, clip(example))).count += count;
    }

    public void add(K kind, String location, String example) {
        add(kind, 1, location, example);
    }

    private static String clip(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_EXAMPLE));
        for (int i = 0; i < s.length() && sb.length() < MAX_EXAMPLE; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 && c != '\t' ? '\uFFFD' : c);
        }
        return s.length() > MAX_EXAMPLE ? sb + "…" : sb.toString();
    }

    public Map<K, Tally> tallies() {
        return Collections.unmodifiableMap(tallies);
    }

    public long count(K kind) {
        Tally t = tallies.get(kind);
        return t == null ? 0 : t.count;
    }

    /** Inserts one {@code trace_stat} row per kind counted, inside the caller's transaction. */
    public void writeTo(Connection c, int traceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + Schema.TRACE_STAT
                + " (trace_id, name, severity, count, first_location, example, description)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<K, Tally> e : tallies.entrySet()) {
                K kind = e.getKey();
                ps.setInt(1, traceId);
                ps.setString(2, kind.sqlName());
                ps.setString(3, kind.severity().sqlName());
                ps.setLong(4, e.getValue().count());
                ps.setString(5, e.getValue().firstLocation());
                ps.setString(6, e.getValue().example());
                ps.setString(7, kind.description());
                // Not addBatch: DuckDB's executeBatch opens a transaction of its own.
                ps.executeUpdate();
            }
        }
    }
}
