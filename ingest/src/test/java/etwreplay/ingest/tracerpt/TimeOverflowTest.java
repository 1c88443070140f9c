package etwreplay.ingest.tracerpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Damaged time values (found by the corruption suite: a bit flip in a tracerpt CSV Clock-Time) must
 * become "no placeable time", never an ArithmeticException that ends the ingest as an internal error.
 */
class TimeOverflowTest {
    @Test
    void aFiletimeBeyondEpochNanosecondsIsNull() {
        assertNull(TracerptValues.filetimeToEpochNanos(Long.MAX_VALUE));
        assertNull(TracerptValues.filetimeToEpochNanos(Long.MIN_VALUE));
        // 2024-01-17T21:20:00Z
        assertEquals(1_705_526_400_000_000_000L, TracerptValues.filetimeToEpochNanos(133_500_000_000_000_000L));
    }

    @Test
    void aTickCountBeyondNanosecondsIsNull() {
        assertNull(EventClock.scale(Long.MAX_VALUE, 10_000_000L));
        assertNull(EventClock.scale(Long.MAX_VALUE / 2, 3_579_545L));
        assertEquals(1_000_000_000L, EventClock.scale(3_579_545L, 3_579_545L));
        assertEquals(100L, EventClock.scale(1L, 10_000_000L));
    }

    @Test
    void anIsoTimeFarOutsideTheEpochRangeIsNull() {
        assertNull(TracerptValues.isoTimeEpochNanos("9999-12-31T23:59:59Z"), "well-formed, but past 2262");
        assertEquals(0L, TracerptValues.isoTimeEpochNanos("1970-01-01T00:00:00Z"));
    }
}
