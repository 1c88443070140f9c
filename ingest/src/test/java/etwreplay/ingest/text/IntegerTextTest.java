package etwreplay.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IntegerTextTest {
    @Test
    void hexKeepsAll64Bits() {
        assertEquals(0xfffffadf39860010L, IntegerText.parse("0xfffffadf39860010"));
        assertEquals(0x10ECL, IntegerText.parse("0x10EC"));
        assertNull(IntegerText.parse("0x1ffffffffffffffff"), "65 bits");
        assertNull(IntegerText.parse("0x"));
        assertNull(IntegerText.parse("0xg"));
    }

    @Test
    void decimalSignedOrUnsignedWithTracerptPadding() {
        assertEquals(65536L, IntegerText.parse("   65536"), "tracerpt pads numbers");
        assertEquals(-1L, IntegerText.parse("-1"));
        assertEquals(12L, IntegerText.parse("+12"));
        assertEquals(-1L, IntegerText.parse("18446744073709551615"), "2^64-1 keeps its 64 bits");
        assertNull(IntegerText.parse("18446744073709551616"), "2^64");
        assertNull(IntegerText.parse("-9223372036854775809"), "below Long.MIN_VALUE");
        assertNull(IntegerText.parse("99999999999999999999"));
    }

    @Test
    void notIntegers() {
        assertNull(IntegerText.parse(null));
        assertNull(IntegerText.parse(""));
        assertNull(IntegerText.parse("-"));
        assertNull(IntegerText.parse("1.5"));
        assertNull(IntegerText.parse("12a"));
        assertNull(IntegerText.parse("1 2"));
    }

    @Test
    void aRangeIsReadInPlaceWithoutItsNeighbours() {
        String line = "CSwitch, 0x1f,  -12 ,18446744073709551615,x";
        assertEquals(0x1fL, IntegerText.parse(line, 9, 13));
        assertEquals(-12L, IntegerText.parse(line, 14, 20), "padding inside the range is ignored");
        assertEquals(-1L, IntegerText.parse(line, 21, 41));
        assertEquals(1L, IntegerText.parse(line, 21, 22), "only the range's digits count");
        assertNull(IntegerText.parse(line, 41, 43), "the comma before x is not part of a number");
        assertNull(IntegerText.parse(line, 20, 20), "empty");
    }
}
