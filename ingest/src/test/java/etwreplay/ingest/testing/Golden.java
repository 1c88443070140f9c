package etwreplay.ingest.testing;

import static org.junit.jupiter.api.Assertions.fail;

import etwreplay.ingest.store.ResultTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Diff tests: compares a query result, rendered as CSV, with an expected CSV file kept beside the test
 * (under {@code src/test/resources}). On mismatch the actual output is written under
 * {@code target/golden-actual/} with the same relative path, and the failure shows a line diff.
 * Set {@code -Detwreplay.golden.update=true} to rewrite expectations (then review the git diff!).
 */
public final class Golden {
    private Golden() {
    }

    /**
     * @param expected path relative to the module's {@code src/test/resources}, e.g.
     *                 {@code golden/xperf/cswitch.csv}
     */
    public static void assertCsv(ResultTable actual, String expected) {
        assertText(actual.toCsv(), expected);
    }

    public static void assertText(String actualText, String expected) {
        Path expectedFile = Path.of("src/test/resources").resolve(expected);
        try {
            if (Boolean.getBoolean("etwreplay.golden.update")) {
                Files.createDirectories(expectedFile.getParent());
                Files.writeString(expectedFile, actualText, StandardCharsets.UTF_8);
                return;
            }
            String want = Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : null;
            if (actualText.equals(want)) {
                return;
            }
            Path actualFile = Path.of("target/golden-actual").resolve(expected);
            Files.createDirectories(actualFile.getParent());
            Files.writeString(actualFile, actualText, StandardCharsets.UTF_8);
            if (want == null) {
                fail("no expected file " + expectedFile + "; actual output written to " + actualFile);
            }
            fail("output differs from " + expectedFile + " (actual in " + actualFile + "):\n"
                    + diff(want.lines().toList(), actualText.lines().toList()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A minimal line diff: lines only in expected ("- "), only in actual ("+ "), via LCS. */
    static String diff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int j = 0;
        int shown = 0;
        while ((i < a.size() || j < b.size()) && shown < 60) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                sb.append("+ ").append(b.get(j++)).append('\n');
                shown++;
            } else {
                sb.append("- ").append(a.get(i++)).append('\n');
                shown++;
            }
        }
        return sb.toString();
    }
}
