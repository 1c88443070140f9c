package etwreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --output}: the file appears whole or not at all. */
class OutputFileTest {
    @TempDir
    Path tmp;

    @Test
    void aCompleteWriteReplacesTheFile() throws Exception {
        Path target = tmp.resolve("r.csv");
        Files.writeString(target, "old\n");
        int n = OutputFile.write(target, out -> {
            out.write("a,b\n1,2\n");
            return 2;
        });
        assertEquals(2, n);
        assertEquals("a,b\n1,2\n", Files.readString(target));
        assertFalse(Files.exists(tmp.resolve("r.csv.partial")));
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoPartialOne() throws Exception {
        Path target = tmp.resolve("r.csv");
        Files.writeString(target, "old\n");
        IOException e = assertThrows(IOException.class, () -> OutputFile.write(target, out -> {
            out.write("a,b\n".repeat(100_000)); // beyond the writer's buffer: bytes reached the partial file
            throw new IOException("the query failed at row 100001");
        }));
        assertEquals("the query failed at row 100001", e.getMessage());
        assertEquals("old\n", Files.readString(target));
        assertFalse(Files.exists(tmp.resolve("r.csv.partial")));
    }

    @Test
    void aFailureLeavesNoFileWhereThereWasNone() {
        Path target = tmp.resolve("new.csv");
        assertThrows(IllegalStateException.class, () -> OutputFile.write(target, out -> {
            out.write("x");
            throw new IllegalStateException("boom");
        }));
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(tmp.resolve("new.csv.partial")));
    }
}
