package etwreplay.queries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the header comment of a report's {@code .sql} file. The header is every line from the top that
 * starts with {@code --}; its form (checked here, and by the lint test):
 * <pre>
 * -- name: One-line description.
 * --
 * -- Free text: the question it answers, how, caveats.
 * --
 * -- Area: irq
 * -- Output: text                     (optional; default table)
 * -- Parameters (...):
 * --   trace INTEGER  only this trace
 * -- Columns:
 * --   trace_id  the trace
 * --             a continuation line is indented further
 * </pre>
 * A malformed header in a bundled file is a bug: {@link IllegalStateException}.
 */
final class ReportHeader {
    static final Set<String> AREAS = Set.of("trace", "ctx", "irq", "io", "hazard");
    private static final Pattern FIRST = Pattern.compile("-- ([a-z][a-z0-9_]*): (\\S.*)");
    private static final Pattern KEY = Pattern.compile("-- (Area|Output|Parameters|Columns)(?: \\(.*\\))?:(?: (\\S.*))?");
    private static final Pattern ENTRY = Pattern.compile("--   ([a-z][a-z0-9_]*)(?: +(\\S.*))?");
    private static final Pattern PARAMETER = Pattern.compile("([A-Z]+) +(\\S.*)");
    private static final Pattern CONTINUATION = Pattern.compile("-- {4,}(\\S.*)");

    private ReportHeader() {
    }

    /** The header lines: the leading lines starting with {@code --}. */
    static List<String> lines(String sql) {
        List<String> out = new ArrayList<>();
        for (String line : sql.split("\r?\n", -1)) {
            if (!line.startsWith("--")) {
                break;
            }
            out.add(line.stripTrailing());
        }
        return out;
    }

    static Report parse(String fileName, String sql) {
        List<String> lines = lines(sql);
        if (lines.isEmpty()) {
            throw bad(fileName, "no header comment");
        }
        Matcher first = FIRST.matcher(lines.get(0));
        if (!first.matches()) {
            throw bad(fileName, "the first line must be '-- name: description', not: " + lines.get(0));
        }
        String name = first.group(1);
        String area = null;
        Report.Output output = Report.Output.TABLE;
        List<ReportParameter> parameters = new ArrayList<>();
        Map<String, String> columns = new LinkedHashMap<>();
        String section = null;
        String lastEntry = null;
        for (String line : lines.subList(1, lines.size())) {
            Matcher key = KEY.matcher(line);
            if (key.matches()) {
                section = null;
                switch (key.group(1)) {
                    case "Area" -> area = key.group(2);
                    case "Output" -> output = output(fileName, key.group(2));
                    case "Parameters", "Columns" -> section = key.group(1);
                    default -> throw new IllegalStateException(key.group(1));
                }
                lastEntry = null;
                continue;
            }
            if (section == null) {
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            Matcher more = CONTINUATION.matcher(line);
            if (entry.matches()) {
                lastEntry = entry.group(1);
                String rest = entry.group(2);
                if (section.equals("Columns")) {
                    if (rest == null || columns.put(lastEntry, rest) != null) {
                        throw bad(fileName, "column " + lastEntry + " is undocumented or documented twice");
                    }
                } else {
                    Matcher p = PARAMETER.matcher(rest == null ? "" : rest);
                    if (!p.matches()) {
                        throw bad(fileName, "parameter line must be '--   name TYPE  description': " + line);
                    }
                    ReportParameter.Type type;
                    try {
                        type = ReportParameter.Type.valueOf(p.group(1));
                    } catch (IllegalArgumentException e) {
                        throw bad(fileName, "parameter " + lastEntry + " has an unknown type " + p.group(1));
                    }
                    parameters.add(new ReportParameter(lastEntry, type, p.group(2)));
                }
            } else if (more.matches() && lastEntry != null) {
                if (section.equals("Columns")) {
                    columns.merge(lastEntry, more.group(1), (a, b) -> a + " " + b);
                }
            } else {
                section = null;
            }
        }
        if (area == null || !AREAS.contains(area)) {
            throw bad(fileName, "'-- Area:' must be one of " + AREAS + ", not " + area);
        }
        if (columns.isEmpty()) {
            throw bad(fileName, "no '-- Columns:' section");
        }
        return new Report(name, first.group(2), area, output, parameters, columns, sql);
    }

    private static Report.Output output(String fileName, String value) {
        for (Report.Output o : Report.Output.values()) {
            if (o.name().toLowerCase(java.util.Locale.ROOT).equals(value)) {
                return o;
            }
        }
        throw bad(fileName, "'-- Output:' must be table or text, not " + value);
    }

    private static IllegalStateException bad(String fileName, String what) {
        return new IllegalStateException("bundled report " + fileName + ": " + what);
    }
}
