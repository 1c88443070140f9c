package etwreplay.queries;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.store.ResultTable;
import etwreplay.ingest.store.RowSink;
import etwreplay.replay.store.DerivedTable;
import etwreplay.replay.store.ReplaySchema;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs a shipped report against a database, exactly as a DuckDB client would: each declared parameter
 * given is set with {@code SET VARIABLE name = ?} (the value bound, never spliced into SQL text), every
 * other declared parameter is reset to unset, then the resource text runs unchanged. Variables are
 * reset again afterwards, so one run never leaks into the next. Not thread-safe (one connection).
 */
public final class ReportRunner {
    private static final Pattern DERIVED_TABLE = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+("
            + Arrays.stream(DerivedTable.values()).map(DerivedTable::tableName).collect(Collectors.joining("|"))
            + ")\\b");

    private final Database db;

    public ReportRunner(Database db) {
        this.db = db;
    }

    /**
     * @param parameters parameter name to value as text; names must be among the report's
     * @throws ReportUsageException  an unknown parameter, a value of the wrong type, an unknown trace
     * @throws NotReplayedException  the report needs derived tables and the database has none (of this version)
     * @throws SQLException          the database failed (a report's SQL that DuckDB rejects is a bug)
     */
    public ReportResult run(Report report, Map<String, String> parameters)
            throws ReportUsageException, NotReplayedException, SQLException {
        return run(report, parameters, Long.MAX_VALUE);
    }

    /**
     * As {@link #run(Report, Map)}, keeping at most {@code maxRows} rows; when there were more, a note says so
     * and gives the command that shows them all.
     */
    public ReportResult run(Report report, Map<String, String> parameters, long maxRows)
            throws ReportUsageException, NotReplayedException, SQLException {
        List<String> notes = new ArrayList<>();
        ResultTable table;
        try {
            table = withParameters(report, parameters, notes, () -> db.queryFirst(maxRows, report.sql()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a materialised query writes nowhere", e);
        }
        if (table.truncated()) {
            StringBuilder all = new StringBuilder("etwreplay report " + report.name() + " --db " + db.file());
            parameters.forEach((k, v) -> all.append(" --param ").append(k).append('=').append(v));
            notes.add("note: the first " + maxRows + " rows; all of them (or a window: --param from_us=... --param"
                    + " to_us=..., where the report takes them): " + all);
        }
        return new ReportResult(report, table, notes);
    }

    /**
     * As {@link #run(Report, Map)}, handing the rows to {@code sink} as they come instead of keeping them: a
     * result of any size in constant memory.
     *
     * @return the notes a reader must see beside the rows (e.g. a trace never replayed)
     * @throws java.io.IOException the sink failed
     */
    public List<String> stream(Report report, Map<String, String> parameters, RowSink sink)
            throws ReportUsageException, NotReplayedException, SQLException, java.io.IOException {
        List<String> notes = new ArrayList<>();
        withParameters(report, parameters, notes, () -> db.stream(sink, report.sql()));
        return notes;
    }

    /** A query run while the report's parameters are set. */
    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException, java.io.IOException;
    }

    /**
     * Checks {@code parameters} and the database (an unknown trace, a database or trace never replayed — notes
     * for the latter), sets every declared parameter (unset ones reset), runs {@code query}, resets them all.
     */
    private <T> T withParameters(Report report, Map<String, String> parameters, List<String> notes, Query<T> query)
            throws ReportUsageException, NotReplayedException, SQLException, java.io.IOException {
        Map<ReportParameter, Object> values = bind(report, parameters);
        Integer traceId = (Integer) values.entrySet().stream().filter(e -> e.getKey().name().equals("trace"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (traceId != null && db.query("SELECT 1 FROM trace WHERE trace_id = ?", traceId).rows().isEmpty()) {
            throw new ReportUsageException("the database holds no trace " + traceId + "; its traces: "
                    + String.join(", ", column(db.query("SELECT trace_id FROM trace ORDER BY trace_id"))));
        }
        if (readsDerivedTables(report)) {
            if (db.query("SELECT 1 FROM information_schema.tables WHERE table_name = ?",
                    DerivedTable.MACHINE.tableName()).rows().isEmpty()) {
                throw new NotReplayedException(report.name(), db.file());
            }
            List<String> version = column(db.query("SELECT value FROM schema_info WHERE key = ?",
                    ReplaySchema.VERSION_KEY));
            if (!version.equals(List.of(Integer.toString(ReplaySchema.VERSION)))) {
                throw new NotReplayedException(report.name(), db.file(), String.join(", ", version),
                        ReplaySchema.VERSION);
            }
            for (String id : column(db.query("SELECT trace_id FROM trace WHERE (? IS NULL OR trace_id = ?) AND trace_id"
                    + " NOT IN (SELECT trace_id FROM machine) ORDER BY trace_id", traceId, traceId))) {
                notes.add("note: trace " + id + " has not been replayed, so this report has nothing of it"
                        + " (etwreplay replay --trace " + id + ")");
            }
        }
        try {
            for (ReportParameter p : report.parameters()) {
                setVariable(p.name(), values.get(p));
            }
            return query.run();
        } finally {
            for (ReportParameter p : report.parameters()) {
                setVariable(p.name(), null);
            }
        }
    }

    /** The typed value of every parameter given, checked against the report's declarations. */
    static Map<ReportParameter, Object> bind(Report report, Map<String, String> parameters)
            throws ReportUsageException {
        Map<ReportParameter, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            ReportParameter p = report.parameter(e.getKey()).orElseThrow(() -> new ReportUsageException(
                    "report " + report.name() + " has no parameter '" + e.getKey() + "'; "
                            + (report.parameters().isEmpty() ? "it takes none"
                                    : "its parameters: " + describe(report.parameters()))));
            try {
                values.put(p, p.type().parse(e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw new ReportUsageException("parameter " + p.name() + " of report " + report.name() + ": "
                        + bad.getMessage());
            }
        }
        return values;
    }

    /** 'trace (INTEGER), cpu (INTEGER)'. */
    public static String describe(List<ReportParameter> parameters) {
        return parameters.stream().map(p -> p.name() + " (" + p.type() + ")").collect(Collectors.joining(", "));
    }

    /** Whether the report's SQL reads a table the replay writes. */
    public static boolean readsDerivedTables(Report report) {
        return DERIVED_TABLE.matcher(SqlText.withoutCommentsAndStrings(report.sql())).find();
    }

    private void setVariable(String name, Object value) throws SQLException {
        // The name comes from the report's own header (an identifier, checked by ReportHeader), never from
        // the user; the value is always bound.
        if (value == null) {
            try (Statement st = db.connection().createStatement()) {
                st.execute("RESET VARIABLE " + name);
            }
        } else {
            try (PreparedStatement ps = db.connection().prepareStatement("SET VARIABLE " + name + " = ?")) {
                ps.setObject(1, value);
                ps.execute();
            }
        }
    }

    private static List<String> column(ResultTable t) {
        return t.rows().stream().map(r -> r.get(0)).toList();
    }
}
