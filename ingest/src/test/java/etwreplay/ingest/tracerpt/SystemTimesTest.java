package etwreplay.ingest.tracerpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The remembered-minute path gives what the general ISO-8601 parser gives, and nothing it refuses. */
class SystemTimesTest {
    private final SystemTimes times = new SystemTimes();

    @Test
    void eventsInTheSameMinuteAgreeWithTheGeneralParser() {
        for (String t : new String[] {"2024-01-17T21:20:00.0000032Z", "2024-01-17T21:20:59.9999999Z",
            "2024-01-17T21:20:07Z", "2024-01-17T21:20:07.5Z", "2024-01-17T21:20:07.123456789Z",
            "2024-01-17T21:21:00.0000001Z", "2024-02-29T00:00:01.25Z"}) {
            assertEquals(TracerptValues.isoTimeEpochNanos(t), times.epochNanos(t), t);
        }
        assertEquals(1_705_526_400_000_000_000L + 7_500_000_000L, times.epochNanos("2024-01-17T21:20:07.5Z"));
    }

    @Test
    void whatTheGeneralParserRefusesStaysRefused() {
        times.epochNanos("2023-02-28T10:00:00Z");
        assertNull(times.epochNanos("2023-02-28T10:00:60Z"), "second 60, in a remembered minute");
        assertNull(times.epochNanos("2023-02-29T10:00:00Z"), "no 29 February in 2023");
        assertNull(times.epochNanos("9999-12-31T23:59:59Z"), "past 2262");
    }

    @Test
    void otherFormsGoToTheGeneralParser() {
        for (String t : new String[] {" 2024-01-17T21:20:00Z", "2024-01-17T21:20:00+01:00", "2024-01-17T21:20:00",
            "2024-01-17t21:20:00Z", "2024-01-17T21:20:00.Z", "1677-09-21T00:12:44Z"}) {
            assertEquals(TracerptValues.isoTimeEpochNanos(t), times.epochNanos(t), t);
        }
    }
}
