package etwreplay.ingest.wpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How a locale's numbers are told apart (FORMATS.md §5a/§5b), cell by cell and once learned. */
class WpaNumbersTest {
    private static String read(WpaNumbers n, String cell, boolean whole) {
        WpaNumbers.Result r = n.parse(cell, whole);
        return r.problem() == WpaNumbers.Problem.NONE ? r.value().toPlainString() : r.problem().name();
    }

    @Test
    void cellsThatProveTheirSeparator() {
        WpaNumbers n = new WpaNumbers();
        assertEquals("15184.553", read(n, "15,184.553", false));
        assertEquals("1.079943800", read(n, "1,079943800", false));
        assertEquals("1048576", read(n, "1.048.576", true));
        assertEquals("0.123", read(n, "0,123", false));
        assertEquals("1234.5", read(n, "1\u00A0234,5", false));
        assertEquals("1234.5", read(n, "1'234.5", false));
        assertEquals("16384", read(n, "16.384", true), "a byte count has no fraction: the '.' groups");
    }

    @Test
    void aThreeDigitTailIsAmbiguousUntilTheFileShowsItsSeparator() {
        WpaNumbers n = new WpaNumbers();
        assertEquals("AMBIGUOUS", read(n, "1.500", false));
        assertEquals("AMBIGUOUS", read(n, "20,480", false));
        n.learn("1,079943800", false);
        assertEquals(',', n.decimalSeparator());
        assertEquals("1500", read(n, "1.500", false));
        assertEquals("20.480", read(n, "20,480", false));
        assertEquals("INVALID", read(n, "1,234,5", false), "contradicts the learned decimal comma");
    }

    @Test
    void aFileThatContradictsItselfDecidesNothing() {
        WpaNumbers n = new WpaNumbers();
        n.learn("1.5", false);
        n.learn("2,25", false);
        assertEquals(0, n.decimalSeparator());
        assertEquals("AMBIGUOUS", read(n, "1.500", false));
        assertEquals(new BigDecimal("42"), n.parse("42", false).value());
        assertEquals("INVALID", read(n, "12ab", false));
    }
}
