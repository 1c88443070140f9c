package etwreplay.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An {@code --output} file, written beside its final name and moved there only once complete: a query that fails
 * half-way never leaves a file that looks like a whole result, nor clobbers an earlier one.
 */
final class OutputFile {
    /** What writes the file's content. */
    @FunctionalInterface
    interface Body<T> {
        T write(Writer out) throws Exception;
    }

    private OutputFile() {
    }

    /**
     * Runs {@code body} on a buffered UTF-8 writer onto {@code target}{@code .partial}, then moves that to
     * {@code target} (replacing it); when {@code body} fails, the partial file is deleted and {@code target}
     * left as it was.
     */
    static <T> T write(Path target, Body<T> body) throws Exception {
        Path partial = target.toAbsolutePath().resolveSibling(target.getFileName() + ".partial");
        T result;
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            result = body.write(out);
        } catch (Exception | Error e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return result;
    }
}
