package etwreplay.ingest.xperf;

/**
 * The event types a file's header declares, found by the name field of a data line in place, without
 * making a string of it: every data line needs this lookup, and a substring plus two map lookups per
 * line were a measurable share of the reader's time (issue #7). Open addressing with linear probing over
 * {@link String#hashCode()} of the name. Built once per file after {@code EndHeader}; not thread-safe.
 */
final class EventTypeIndex {
    /** One declared event type: its schema line and the handler bound to its columns. */
    record EventType(String name, XperfSchema schema, XperfEventHandler handler) {
    }

    private EventType[] slots = new EventType[64];
    private int size;

    void add(EventType type) {
        if (2 * (size + 1) > slots.length) {
            EventType[] old = slots;
            slots = new EventType[old.length * 2];
            for (EventType t : old) {
                if (t != null) {
                    place(t);
                }
            }
        }
        place(type);
        size++;
    }

    private void place(EventType type) {
        int mask = slots.length - 1;
        int i = spread(type.name().hashCode()) & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = type;
    }

    /** The type named exactly {@code line[from, to)}, or null. */
    EventType find(String line, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + line.charAt(i);
        }
        int mask = slots.length - 1;
        int len = to - from;
        for (int i = spread(h) & mask; slots[i] != null; i = (i + 1) & mask) {
            String name = slots[i].name();
            if (name.length() == len && line.startsWith(name, from)) {
                return slots[i];
            }
        }
        return null;
    }

    /** Mixes the high bits in, as HashMap does: names of one family differ in their last characters. */
    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
