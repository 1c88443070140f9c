package etwreplay.ingest.store;

import etwreplay.ingest.event.Anomaly;
import java.util.EnumMap;
import java.util.Map;

/** Counts anomalies by kind, keeping the first location and example of each. Not thread-safe. */
public final class AnomalyCounter {
    /** Longest example kept, so a binary line cannot bloat trace_stat. */
    private static final int MAX_EXAMPLE = 200;

    /** One kind's tally. */
    public static final class Tally {
        long count;
        final String firstLocation;
        final String example;

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

    private final Map<Anomaly, Tally> tallies = new EnumMap<>(Anomaly.class);

    public void add(Anomaly kind, long count, String location, String example) {
        if (count <= 0) {
            return;
        }
        tallies.computeIfAbsent(kind, k -> new Tally(location, clip(example))).count += count;
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

    public Map<Anomaly, Tally> tallies() {
        return tallies;
    }

    public long count(Anomaly kind) {
        Tally t = tallies.get(kind);
        return t == null ? 0 : t.count;
    }
}
