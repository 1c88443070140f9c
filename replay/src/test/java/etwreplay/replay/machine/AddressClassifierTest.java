package etwreplay.replay.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The address classifier at every boundary of every configuration (SCHEMAS.md §4.1): each row is
 * (machine, address, expected class), the addresses on both sides of each limit.
 */
class AddressClassifierTest {
    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource({
        // x86, default 2 GB / 2 GB
        "x86, 0x0, NULL_PAGE",
        "x86, 0xFFFF, NULL_PAGE",
        "x86, 0x10000, USER",
        "x86, 0x7FFEFFFF, USER",
        "x86, 0x7FFF0000, NO_ACCESS",
        "x86, 0x7FFFFFFF, NO_ACCESS",
        "x86, 0x80000000, KERNEL",
        "x86, 0x90000000, KERNEL",
        "x86, 0xFFFFFFFF, KERNEL",
        "x86, 0x100000000, NON_CANONICAL",
        "x86, 0xFFFFF80020001230, NON_CANONICAL",
        // x86 /3GB: the same 0x90000000 is a user address here
        "x86-3gb, 0xFFFF, NULL_PAGE",
        "x86-3gb, 0x10000, USER",
        "x86-3gb, 0x7FFEFFFF, USER",
        "x86-3gb, 0x80000000, USER",
        "x86-3gb, 0x90000000, USER",
        "x86-3gb, 0xBFFEFFFF, USER",
        "x86-3gb, 0xBFFF0000, NO_ACCESS",
        "x86-3gb, 0xBFFFFFFF, NO_ACCESS",
        "x86-3gb, 0xC0000000, KERNEL",
        "x86-3gb, 0xFFFFFFFF, KERNEL",
        "x86-3gb, 0x100000000, NON_CANONICAL",
        // x86 increaseuserva 2560: system space from 2560 MB = 0xA0000000
        "x86-userva=2560, 0x10000, USER",
        "x86-userva=2560, 0x90000000, USER",
        "x86-userva=2560, 0x9FFEFFFF, USER",
        "x86-userva=2560, 0x9FFF0000, NO_ACCESS",
        "x86-userva=2560, 0x9FFFFFFF, NO_ACCESS",
        "x86-userva=2560, 0xA0000000, KERNEL",
        "x86-userva=2560, 0xFFFFFFFF, KERNEL",
        // x64 up to Windows 8: 8 TB user; MmSystemRangeStart 0xFFFF0800_00000000 is itself non-canonical
        "x64-8tb, 0x0, NULL_PAGE",
        "x64-8tb, 0xFFFF, NULL_PAGE",
        "x64-8tb, 0x10000, USER",
        "x64-8tb, 0x7FFFFFEFFFF, USER",
        "x64-8tb, 0x7FFFFFF0000, NO_ACCESS",
        "x64-8tb, 0x80000000000, NO_ACCESS",
        "x64-8tb, 0x7FFFFFFFFFFF, NO_ACCESS",
        "x64-8tb, 0x800000000000, NON_CANONICAL",
        "x64-8tb, 0xFFFF080000000000, NON_CANONICAL",
        "x64-8tb, 0xFFFF7FFFFFFFFFFF, NON_CANONICAL",
        "x64-8tb, 0xFFFF800000000000, KERNEL",
        "x64-8tb, 0xFFFFFFFFFFFFFFFF, KERNEL",
        // x64 Windows 8.1+: 128 TB user
        "x64, 0x0, NULL_PAGE",
        "x64, 0xFFFF, NULL_PAGE",
        "x64, 0x10000, USER",
        "x64, 0x80000000000, USER",
        "x64, 0x7FFFFFFEFFFF, USER",
        "x64, 0x7FFFFFFF0000, NO_ACCESS",
        "x64, 0x7FFFFFFFFFFF, NO_ACCESS",
        "x64, 0x800000000000, NON_CANONICAL",
        "x64, 0xFFFF7FFFFFFFFFFF, NON_CANONICAL",
        "x64, 0xFFFF800000000000, KERNEL",
        "x64, 0xFFFFF80020001230, KERNEL",
        "x64, 0xFFFFFFFFFFFFFFFF, KERNEL",
        // x64 with 5-level paging: 57-bit canonical halves
        "x64-la57, 0xFFFF, NULL_PAGE",
        "x64-la57, 0x10000, USER",
        "x64-la57, 0x800000000000, USER",
        "x64-la57, 0xFFFFFFFFFEFFFF, USER",
        "x64-la57, 0xFFFFFFFFFF0000, NO_ACCESS",
        "x64-la57, 0xFFFFFFFFFFFFFF, NO_ACCESS",
        "x64-la57, 0x100000000000000, NON_CANONICAL",
        "x64-la57, 0xFEFFFFFFFFFFFFFF, NON_CANONICAL",
        "x64-la57, 0xFF00000000000000, KERNEL",
        "x64-la57, 0xFFFF800000000000, KERNEL",
        "x64-la57, 0xFFFFFFFFFFFFFFFF, KERNEL",
    })
    void classifies(String machine, String address, AddressClass expected) {
        long a = Long.parseUnsignedLong(address.substring(2), 16);
        assertEquals(expected, MachineSpec.parse(machine).classify(a));
    }
}
