package etwreplay.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PlainDecimal gives the text of the BigDecimal round trip it replaces, for every kind of double. */
class PlainDecimalTest {
    private static String reference(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static void check(double d) {
        assertEquals(reference(d), PlainDecimal.of(d), () -> "for " + Double.toString(d));
        assertEquals(reference(-d), PlainDecimal.of(-d), () -> "for " + Double.toString(-d));
    }

    @Test
    void edgesOfDoubleToStringsForms() {
        double[] edges = {0.0, 1, 10, 100, 1e-3, 9.999e-4, 1e7, 9_999_999.999, 1e7 + 0.5, 1e21, 1e22, 1e23, 2e23,
                Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 0.1, 0.30000000000000004, 123.456, 1500,
                1.5e-10, 4.9e-324, 1 / 3.0, 2 / 3.0, 9_007_199_254_740_993.0, 1e15 + 0.3};
        for (double d : edges) {
            check(d);
        }
        assertEquals("0", PlainDecimal.of(-0.0), "negative zero, as BigDecimal has none");
        assertEquals("NaN", PlainDecimal.of(Double.NaN));
        assertEquals("-Infinity", PlainDecimal.of(Double.NEGATIVE_INFINITY));
    }

    @Test
    void microsecondsAsReportsComputeThem() {
        // ts / 1000 for ns timestamps up to ~11.6 days, and durations: what cpu_timeline prints three times a row.
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            long ns = random.nextLong(1L << 50);
            check(ns / 1000.0);
            check((ns % 100_000) / 1000.0);
        }
    }

    @Test
    void anyBitPattern() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 300_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                check(d);
            }
        }
    }
}
