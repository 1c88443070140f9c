package etwreplay.ingest.etl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns payload field names (as the MOF classes and manifests spell them) to small ids, so that
 * decoders look fields up by array index instead of by name. Ids are assigned while the layout tables
 * are built (class initialisation, one thread) and never change afterwards.
 */
final class Fields {
    private static final Map<String, Integer> IDS = new HashMap<>();
    private static final List<String> NAMES = new ArrayList<>();

    private Fields() {
    }

    /** The id of {@code name}, assigning one when it is new. */
    static synchronized int id(String name) {
        Integer id = IDS.get(name);
        if (id == null) {
            id = NAMES.size();
            IDS.put(name, id);
            NAMES.add(name);
        }
        return id;
    }

    static synchronized String name(int id) {
        return NAMES.get(id);
    }

    static synchronized int count() {
        return NAMES.size();
    }
}
