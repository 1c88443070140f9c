package etwreplay.ingest.xperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class XperfValuesTest {
    @Test
    void numbersInEveryRenderingXperfUses() {
        assertEquals(0x13690de000L, XperfValues.parseNumber("0x13690de000"));
        assertEquals(-1L, XperfValues.parseNumber("-1"));
        assertEquals(260959L, XperfValues.parseNumber("260959"));
        // A 64-bit kernel address keeps its bits (it is stored as UBIGINT).
        assertEquals(0xfffffadf39860010L, XperfValues.parseNumber("0xfffffadf39860010"));
        assertNull(XperfValues.parseNumber("0x"));
        assertNull(XperfValues.parseNumber("0x1ffffffffffffffff"), "more than 64 bits");
        assertNull(XperfValues.parseNumber("99999999999999999999"), "overflow");
        assertNull(XperfValues.parseNumber("12a"));
        assertNull(XperfValues.parseNumber(""));
    }

    @Test
    void timestampsAreDecimalMicrosecondsThatFitInNanoseconds() {
        assertEquals(260959000L, XperfValues.parseTimestampNanos("260959"));
        assertEquals(-5000L, XperfValues.parseTimestampNanos("-5"));
        assertNull(XperfValues.parseTimestampNanos("0xffffc0010a2b3010"), "an address in the TimeStamp column");
        assertNull(XperfValues.parseTimestampNanos("9223372036854776"), "overflows nanoseconds");
        assertNull(XperfValues.parseTimestampNanos("TimeStamp"));
    }

    @Test
    void microsecondsBecomeNanosecondsWithoutFloatingPointError() {
        assertEquals(3738000L, XperfValues.parseMicrosAsNanos("3738"));
        assertEquals(5909L, XperfValues.parseMicrosAsNanos("5.909"));
        assertEquals(0L, XperfValues.parseMicrosAsNanos("0.0005"), "half-even: 0.5 ns rounds to 0");
        assertEquals(2L, XperfValues.parseMicrosAsNanos("0.0015"), "half-even: 1.5 ns rounds to 2");
        assertNull(XperfValues.parseMicrosAsNanos("5,909"));
    }

    @Test
    void processCellsWithPaddingAndParenthesesInTheName() {
        assertEquals("Idle", XperfValues.processName("Idle (   0)"));
        assertEquals(0L, XperfValues.processId("Idle (   0)"));
        assertEquals("setup (x86).exe", XperfValues.processName("setup (x86).exe (1234)"));
        assertEquals(1234L, XperfValues.processId("setup (x86).exe (1234)"));
        assertEquals("p0", XperfValues.processName("p0"));
        assertNull(XperfValues.processId("p0"));
    }
}
