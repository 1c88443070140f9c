package etwreplay.replay.track;

/**
 * A map from {@code int} keys (pids, tids) to non-null values, for the trackers' per-event lookups. Open
 * addressing with linear probing over a power-of-two table, the key's bits mixed (Fibonacci hashing) before
 * they pick a slot.
 *
 * <p>Why not {@code HashMap<Integer, V>}: Windows process and thread ids are multiples of 4, and
 * {@code Integer.hashCode} is the id itself, so the low bits that pick a HashMap bucket are mostly zero;
 * ids crowd into a quarter of the buckets or fewer and the crowded buckets turn into red-black trees
 * (a JFR profile of a 6.15 M-event replay: a few % of the trackers' thread in {@code HashMap$TreeNode}). No
 * iteration, so the order of entries never reaches a result. One thread.
 */
final class IntKeyMap<V> {
    private static final int MIN_CAPACITY = 16;

    private int[] keys = new int[MIN_CAPACITY];
    /** The value of each slot; null marks a free slot. */
    private Object[] values = new Object[MIN_CAPACITY];
    private int size;

    /** The value of {@code key}, or null. */
    @SuppressWarnings("unchecked")
    V get(int key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        return null;
    }

    boolean containsKey(int key) {
        return get(key) != null;
    }

    /** Maps {@code key} to {@code value} (not null); returns the value it replaced, or null. */
    @SuppressWarnings("unchecked")
    V put(int key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value for key " + key);
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        for (; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                V old = (V) values[i];
                values[i] = value;
                return old;
            }
        }
        keys[i] = key;
        values[i] = value;
        // At most half full, so probe runs stay short.
        if (++size * 2 > keys.length) {
            grow();
        }
        return null;
    }

    /** As {@link java.util.Map#putIfAbsent}: the value already there, or null after putting {@code value}. */
    V putIfAbsent(int key, V value) {
        V old = get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    /** Removes {@code key}; returns its value, or null when absent. */
    @SuppressWarnings("unchecked")
    V remove(int key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        for (; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                V old = (V) values[i];
                closeGap(i, mask);
                size--;
                return old;
            }
        }
        return null;
    }

    int size() {
        return size;
    }

    /**
     * Empties slot {@code gap} and moves back the entries of its probe run that could no longer be found
     * across the gap (backward-shift deletion: no tombstones, so lookups never slow down with removals).
     */
    private void closeGap(int gap, int mask) {
        int i = gap;
        while (true) {
            i = (i + 1) & mask;
            if (values[i] == null) {
                break;
            }
            int home = slot(keys[i], mask);
            // The entry at i may move to gap when its home does not lie cyclically in (gap, i].
            boolean homeInRange = gap <= i ? gap < home && home <= i : gap < home || home <= i;
            if (!homeInRange) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                gap = i;
            }
        }
        values[gap] = null;
    }

    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != null) {
                int i = slot(oldKeys[j], mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    /** Fibonacci hashing: the high bits of key × 2^32/φ, which every bit of the key reaches. */
    private static int slot(int key, int mask) {
        return ((key * 0x9E3779B9) >>> 16 ^ (key * 0x9E3779B9)) & mask;
    }
}
