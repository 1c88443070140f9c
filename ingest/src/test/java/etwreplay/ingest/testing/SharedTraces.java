package etwreplay.ingest.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real third-party traces in {@code ../shared/traces} (PROVENANCE.md there). They are never copied
 * into the project; a test that needs one fails (not skips) when the directory is missing, because CI
 * always has it.
 */
public final class SharedTraces {
    private SharedTraces() {
    }

    /** {@code ../shared} as passed by the build ({@code etwreplay.shared}), else found upwards from here. */
    public static Path sharedDir() {
        String prop = System.getProperty("etwreplay.shared");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("traces"))) {
                return candidate;
            }
        }
        throw new AssertionError("../shared (with traces/) not found beside the checkout; "
                + "set -Detwreplay.shared=/path/to/shared");
    }

    /** A file under {@code shared/traces}, e.g. {@code etl/net.4.5.2.x64.etl}; fails if absent. */
    public static Path trace(String relative) {
        Path p = sharedDir().resolve("traces").resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("missing shared trace " + p);
        }
        return p;
    }

    /** The project's own {@code sample-traces/} directory. */
    public static Path sampleTraces() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sample-traces")) && Files.exists(p.resolve("pom.xml"))) {
                return p.resolve("sample-traces");
            }
        }
        throw new AssertionError("sample-traces/ not found above " + Path.of("").toAbsolutePath());
    }

    public static Path sample(String name) {
        Path p = sampleTraces().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("missing sample trace " + p);
        }
        return p;
    }
}
