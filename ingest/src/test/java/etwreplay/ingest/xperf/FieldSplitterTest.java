package etwreplay.ingest.xperf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FieldSplitterTest {
    private final FieldSplitter s = new FieldSplitter();

    @Test
    void splitsOnCommasAndTrimsThePadding() {
        assertEquals(4, s.split("               DiskRead,     260959, p0 (2004),       9700"));
        assertEquals("DiskRead", s.field(0));
        assertEquals("260959", s.field(1));
        assertEquals("p0 (2004)", s.field(2));
        assertEquals("9700", s.field(3));
    }

    @Test
    void aCommaInsideQuotesDoesNotSplitAndEnclosingQuotesAreRemoved() {
        assertEquals(3, s.split("MarkEvent, 800, \"phase 2, link\""));
        assertEquals("phase 2, link", s.field(2));
    }

    @Test
    void aPartlyQuotedFieldKeepsItsQuotes() {
        assertEquals(2, s.split("P-Start, \"C:\\x.exe\" --a"));
        assertEquals("\"C:\\x.exe\" --a", s.field(1));
    }

    @Test
    void spanRejoinsFieldsExactlyAsWritten() {
        assertEquals(6, s.split("P-Start, 1, x --define A=a,b ,  c, <none>"));
        assertEquals("x --define A=a,b ,  c", s.span(2, 4));
    }

    @Test
    void emptyAndTrailingFieldsAreCounted() {
        assertEquals(3, s.split("a,,"));
        assertEquals("", s.field(1));
        assertEquals("", s.field(2));
    }

    @Test
    void rangesLocateFieldsInTheLineWithoutCopying() {
        String line = "MarkEvent,  800 , \"phase 2, link\", \"C:\\x.exe\" --a";
        assertEquals(4, s.split(line));
        assertEquals("800", line.substring(s.from(1), s.to(1)));
        assertEquals("phase 2, link", line.substring(s.from(2), s.to(2)), "enclosing quotes are outside the range");
        assertEquals("\"phase 2, link\"", line.substring(s.spanFrom(2), s.spanTo(2)));
        assertEquals(-1, s.lastNul());
    }

    @Test
    void theLastNulOfADamagedLineIsFound() {
        assertEquals(2, s.split("\0\0\0Disk\0Read, 10"));
        assertEquals(7, s.lastNul());
    }
}
