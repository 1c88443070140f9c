package etwreplay.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The row counts a ResultWriter keeps: every row for the command, every 4096th for a progress line. */
class ResultWriterRowsTest {
    @Test
    void rowsSoFarFollowsInSteps() throws Exception {
        StringBuilder out = new StringBuilder();
        ResultWriter w = ResultWriter.of(OutputFormat.CSV, out);
        w.columns(List.of("n"), List.of("INTEGER"));
        for (int i = 0; i < 4095; i++) {
            w.row(List.of(Integer.toString(i)));
        }
        assertEquals(4095, w.rows());
        assertEquals(0, w.rowsSoFar());
        w.row(List.of("4095"));
        assertEquals(4096, w.rowsSoFar());
        for (int i = 0; i < 4097; i++) {
            w.row(List.of("x"));
        }
        w.finish();
        assertEquals(8193, w.rows());
        assertEquals(8192, w.rowsSoFar());
        assertEquals(8193 + 1, out.toString().lines().count());
    }
}
