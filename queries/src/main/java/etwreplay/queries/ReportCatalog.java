package etwreplay.queries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The shipped reports: the {@code .sql} resources named, in display order, by
 * {@code etwreplay/queries/reports/index.txt} (a jar cannot list a directory). Loaded once; immutable and
 * thread-safe.
 */
public final class ReportCatalog {
    /** Where the report resources are, relative to the classpath root. */
    public static final String DIRECTORY = "etwreplay/queries/reports/";
    static final String INDEX = "index.txt";

    private static final ReportCatalog SHIPPED = load();

    private final List<Report> reports;

    private ReportCatalog(List<Report> reports) {
        this.reports = Collections.unmodifiableList(reports);
    }

    /** The reports bundled with this build. */
    public static ReportCatalog shipped() {
        return SHIPPED;
    }

    /** Every report, in the index's order. */
    public List<Report> all() {
        return reports;
    }

    public Optional<Report> find(String name) {
        return reports.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return reports.stream().map(Report::name).toList();
    }

    /** The names listed in the index file, in order (comments and blank lines skipped). */
    static List<String> indexNames() {
        List<String> names = new ArrayList<>();
        for (String line : resource(INDEX).split("\r?\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    private static ReportCatalog load() {
        List<Report> reports = new ArrayList<>();
        for (String name : indexNames()) {
            Report r = ReportHeader.parse(name + ".sql", resource(name + ".sql"));
            if (!r.name().equals(name)) {
                throw new IllegalStateException("bundled report " + name + ".sql calls itself " + r.name());
            }
            reports.add(r);
        }
        return new ReportCatalog(reports);
    }

    static String resource(String file) {
        try (InputStream in = ReportCatalog.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + DIRECTORY + file + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
