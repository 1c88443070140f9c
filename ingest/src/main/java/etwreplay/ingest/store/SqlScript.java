package etwreplay.ingest.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bundled SQL resource of several statements, separated by lines that hold only {@code ;}. */
public final class SqlScript {
    private SqlScript() {
    }

    /** The statements of resource {@code name} beside {@code owner}; comment-only parts are dropped. */
    public static List<String> statements(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + name + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String part : text.split("(?m)^;\\s*$")) {
                if (!part.replaceAll("(?m)^\\s*--.*$", "").isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
