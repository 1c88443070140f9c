package etwreplay.replay.store;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Counts replay anomalies, keeping the first location and an example of each. One thread. */
public final class ReplayAnomalies {
    /** One kind's count with its first occurrence. */
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

    private final Map<ReplayAnomaly, Tally> tallies = new EnumMap<>(ReplayAnomaly.class);

    /** @param location e.g. {@code seq 42} or {@code ts 1530000} */
    public void add(ReplayAnomaly kind, long count, String location, String example) {
        if (count > 0) {
            tallies.computeIfAbsent(kind, k -> new Tally(location, example)).count += count;
        }
    }

    public void add(ReplayAnomaly kind, String location, String example) {
        add(kind, 1, location, example);
    }

    public long count(ReplayAnomaly kind) {
        Tally t = tallies.get(kind);
        return t == null ? 0 : t.count;
    }

    public Map<ReplayAnomaly, Tally> tallies() {
        return Collections.unmodifiableMap(tallies);
    }
}
