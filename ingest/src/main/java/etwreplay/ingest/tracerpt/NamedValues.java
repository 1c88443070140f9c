package etwreplay.ingest.tracerpt;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The name → value pairs of one rendered event (its payload fields, its identity values), in the order
 * they came, each with a mark saying whether a handler read it. An event has a dozen or so: a scan of
 * their cached hash codes finds a name faster than a hash map, and clearing costs nothing, where the
 * {@code LinkedHashMap} and {@code HashSet} used before allocated an entry per field and per read, for
 * every event (issue #7). Reused for every event; not thread-safe.
 */
final class NamedValues {
    private String[] names = new String[16];
    private int[] hashes = new int[16];
    private String[] values = new String[16];
    private boolean[] read = new boolean[16];
    private int size;

    void clear() {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    String name(int i) {
        return names[i];
    }

    String value(int i) {
        return values[i];
    }

    /** Whether pair {@code i} was marked read. */
    boolean isRead(int i) {
        return read[i];
    }

    void markRead(int i) {
        read[i] = true;
    }

    /** Index of the pair named {@code name}, or -1. */
    int indexOf(String name) {
        int h = name.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == h && names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value named {@code name}, or null. */
    String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    boolean containsKey(String name) {
        return indexOf(name) >= 0;
    }

    /** Sets the value of {@code name}, in place when it is already there (as {@link Map#put} does). */
    void put(String name, String value) {
        int i = indexOf(name);
        if (i >= 0) {
            values[i] = value;
        } else {
            append(name, value);
        }
    }

    /** Adds a pair; a repeated name gets {@code #2}, {@code #3} … */
    void add(String name, String value) {
        String k = name;
        for (int n = 2; containsKey(k); n++) {
            k = name + "#" + n;
        }
        append(k, value);
    }

    private void append(String name, String value) {
        if (size == names.length) {
            int n = size * 2;
            names = Arrays.copyOf(names, n);
            hashes = Arrays.copyOf(hashes, n);
            values = Arrays.copyOf(values, n);
            read = Arrays.copyOf(read, n);
        }
        names[size] = name;
        hashes[size] = name.hashCode();
        values[size] = value;
        read[size] = false;
        size++;
    }

    /** The pairs as a new ordered map. */
    Map<String, String> toMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            out.put(names[i], values[i]);
        }
        return out;
    }
}
