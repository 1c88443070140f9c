package etwreplay.replay.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import etwreplay.replay.machine.MachineInference.TraceFacts;
import org.junit.jupiter.api.Test;

/** Inference from what the trace records, and the record of a user's choice. */
class MachineInferenceTest {
    private static MachineChoice infer(Integer pointer, Integer build, String kernel, Long maxBase) {
        return MachineInference.infer(new TraceFacts(pointer, build, 4, kernel, maxBase));
    }

    @Test
    void pointerSizeFourIsX86Default() {
        MachineChoice c = infer(4, 2600, "\\SystemRoot\\system32\\ntkrnlpa.exe", 0x82000000L);
        assertEquals("x86", c.spec().name());
        assertFalse(c.given());
        assertTrue(c.basis().contains("x86-3gb"), c.basis());
    }

    @Test
    void x64BuildDecidesTheUserSpace() {
        assertEquals("x64-8tb", infer(8, 9200, null, null).spec().name());
        assertEquals("x64-8tb", infer(8, 7601, null, null).spec().name());
        assertEquals("x64", infer(8, 9600, null, null).spec().name());
        assertEquals("x64", infer(8, 19045, null, null).spec().name());
        assertEquals("x64", infer(8, null, null, null).spec().name());
    }

    @Test
    void la57KernelImageMeansFiveLevelPaging() {
        MachineChoice c = infer(8, 20348, "\\SystemRoot\\system32\\ntkrla57.exe", null);
        assertEquals("x64-la57", c.spec().name());
        assertTrue(c.basis().contains("ntkrla57.exe"));
    }

    @Test
    void withoutPointerSizeImageAddressesDecide() {
        assertEquals("x64", infer(null, 19045, null, 0xFFFFF80012000000L).spec().name());
        assertEquals("x86", infer(null, 2600, null, 0x80400000L).spec().name());
        assertEquals("x64", infer(null, null, null, null).spec().name());
    }

    @Test
    void aGivenMachineIsRecordedAsGivenAndAMismatchIsNoted() {
        MachineChoice c = MachineInference.given(MachineSpec.X86_3GB, new TraceFacts(8, 19045, 2, null, null));
        assertTrue(c.given());
        assertEquals("given", c.source());
        assertEquals(2, c.cpuCount());
        assertTrue(c.basis().contains("pointer size 8"), c.basis());
        MachineChoice same = MachineInference.given(MachineSpec.X86_3GB, new TraceFacts(4, 2600, 1, null, null));
        assertEquals("given: --machine x86-3gb", same.basis());
    }
}
