package etwreplay.ingest.testing;

import etwreplay.ingest.store.Database;
import java.util.ArrayList;
import java.util.List;

/** Every row of every table as text, to prove a refused ingest left the database as it was. */
public final class DatabaseSnapshot {
    private DatabaseSnapshot() {
    }

    public static String of(Database db) throws Exception {
        List<String> tables = new ArrayList<>();
        for (List<String> row : db.query("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'main' ORDER BY table_name").rows()) {
            tables.add(row.get(0));
        }
        StringBuilder sb = new StringBuilder();
        for (String t : tables) {
            sb.append("## ").append(t).append('\n');
            // ingested_at differs per run by design; everything else must be identical.
            String exclude = t.equals("trace") ? " EXCLUDE (ingested_at)" : "";
            sb.append(db.query("SELECT *" + exclude + " FROM \"" + t + "\" ORDER BY ALL").toCsv());
        }
        return sb.toString();
    }
}
