package etwreplay.queries;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One shipped report: a {@code .sql} resource under {@code etwreplay/queries/reports/} and what its header
 * comment says about it (see {@link ReportHeader} for the header's form). Immutable.
 *
 * @param name        the file name without {@code .sql}; what {@code etwreplay report NAME} takes
 * @param description the one-line description (the header's first line)
 * @param area        trace | ctx | irq | io | hazard
 * @param output      TABLE, or TEXT for a report whose single column {@code line} is printed as is
 * @param parameters  in header order
 * @param columns     documented output columns, in header order, with their descriptions
 * @param sql         the resource text, exactly as shipped (header included); one statement
 */
public record Report(String name, String description, String area, Output output, List<ReportParameter> parameters,
        Map<String, String> columns, String sql) {
    /** How a report's rows are meant to be read. */
    public enum Output {
        /** Rows and columns. */
        TABLE,
        /** One column {@code line}: a text document, one line per row. */
        TEXT
    }

    public Report {
        parameters = List.copyOf(parameters);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    public Optional<ReportParameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** Names of the parameters, in header order. */
    public List<String> parameterNames() {
        return parameters.stream().map(ReportParameter::name).toList();
    }

    /** The header comment as text: its lines without the leading {@code -- }, each ending with a newline. */
    public String documentation() {
        StringBuilder sb = new StringBuilder();
        for (String line : ReportHeader.lines(sql)) {
            sb.append(line.startsWith("-- ") ? line.substring(3) : line.substring(2)).append('\n');
        }
        return sb.toString();
    }

    /** The resource path, relative to the classpath root. */
    public String resourcePath() {
        return ReportCatalog.DIRECTORY + name + ".sql";
    }
}
