package etwreplay.replay.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --machine} parsing, the split values, the IRQL tables and the ISR IRQL rule. */
class MachineSpecTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "x86, x86, 0x7FFEFFFF, 0x80000000",
        "' X86-3GB ', x86-3gb, 0xBFFEFFFF, 0xC0000000",
        "x86-userva=2048, x86, 0x7FFEFFFF, 0x80000000",
        "x86-userva=3072, x86-3gb, 0xBFFEFFFF, 0xC0000000",
        "x86-userva=2560, x86-userva=2560, 0x9FFEFFFF, 0xA0000000",
        "x64, x64, 0x7FFFFFFEFFFF, 0xFFFF800000000000",
        "x64-8tb, x64-8tb, 0x7FFFFFEFFFF, 0xFFFF080000000000",
        "x64-la57, x64-la57, 0xFFFFFFFFFEFFFF, 0xFF00000000000000",
    })
    void parsesEveryForm(String text, String name, String highestUser, String systemStart) {
        MachineSpec m = MachineSpec.parse(text);
        assertEquals(name, m.name());
        assertEquals(Long.parseUnsignedLong(highestUser.substring(2), 16), m.highestUserAddress());
        assertEquals(Long.parseUnsignedLong(systemStart.substring(2), 16), m.systemRangeStart());
        assertEquals(m.highestUserAddress() + 1, m.userProbeAddress());
        assertEquals(0x10000L, m.lowestUserAddress());
        assertEquals(4096, m.pageSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "arm64", "x86-userva=4096", "x86-userva=2047", "x86-userva=abc", "x64-16tb"})
    void refusesWithTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MachineSpec.parse(text));
        // Every refusal names the accepted range of increaseuserva, the forms list included.
        assertTrue(e.getMessage().contains("x86-userva") && e.getMessage().contains("3072"), e.getMessage());
    }

    @Test
    void pointerSizeAndVaBitsFollowTheArchitecture() {
        assertEquals(4, MachineSpec.X86_3GB.pointerSize());
        assertEquals(32, MachineSpec.X86.vaBits());
        assertEquals(8, MachineSpec.X64_8TB.pointerSize());
        assertEquals(48, MachineSpec.X64.vaBits());
        assertEquals(57, MachineSpec.X64_LA57.vaBits());
    }

    @Test
    void irqlTablesDifferBetweenArchitectures() {
        assertEquals(2, IrqlTable.X86.levels().get("DISPATCH_LEVEL"));
        assertEquals(2, IrqlTable.X64.levels().get("DISPATCH_LEVEL"));
        assertEquals(31, IrqlTable.X86.highLevel());
        assertEquals(15, IrqlTable.X64.highLevel());
        assertEquals(28, IrqlTable.X86.levels().get("CLOCK_LEVEL"));
        assertEquals(13, IrqlTable.X64.levels().get("CLOCK_LEVEL"));
        assertEquals(29, IrqlTable.X86.levels().get("IPI_LEVEL"));
        assertEquals(14, IrqlTable.X64.levels().get("IPI_LEVEL"));
        assertEquals(12, IrqlTable.X64.levels().get("SYNCH_LEVEL"));
        assertEquals("DIRQL", IrqlTable.X64.nameOf(9));
        assertEquals("DIRQL", IrqlTable.X86.nameOf(20));
        assertEquals("HIGH_LEVEL", IrqlTable.X64.nameOf(15));
        assertEquals("PROFILE_LEVEL", IrqlTable.X86.nameOf(27));
        assertEquals("DISPATCH_LEVEL", IrqlTable.X86.nameOf(2));
    }

    @ParameterizedTest(name = "vector {0} -> IRQL {1}")
    @CsvSource({"0x30, 3", "0x51, 5", "0x92, 9", "0xB0, 11", "0xD1, 13", "0xE1, 14", "0xFF, 15"})
    void x64IsrIrqlIsTheVectorPriorityClass(String vector, int irql) {
        assertEquals(irql, IrqlTable.X64.isrIrql(Integer.decode(vector)));
    }

    @Test
    void x86IsrIrqlIsUnknown() {
        assertNull(IrqlTable.X86.isrIrql(0x92));
        assertNull(IrqlTable.X64.isrIrql(null));
        assertNull(IrqlTable.X64.isrIrql(256));
    }
}
