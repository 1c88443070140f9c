package etwreplay.replay.machine;

import java.util.Locale;

/**
 * One configuration of the recording machine: its user/kernel address split, canonical form, page size
 * and IRQL table. Values and sources: research/SCHEMAS.md §4.1 (split), §4.2 (IRQL), §4.3 (pages).
 * Immutable; addresses are unsigned 64-bit values held in {@code long}.
 *
 * <p>The names are those of {@code --machine}: {@code x86}, {@code x86-3gb}, {@code x86-userva=<MB>},
 * {@code x64} (Windows 8.1 and later, 128 TB user space), {@code x64-8tb} (Windows 8 and earlier) and
 * {@code x64-la57} (5-level paging).
 *
 * @param name               canonical {@code --machine} name
 * @param pointerSize        bytes in a pointer: 4 or 8
 * @param lowestUserAddress  MM_LOWEST_USER_ADDRESS; below it is the never-mapped null page
 * @param highestUserAddress MmHighestUserAddress
 * @param userProbeAddress   MmUserProbeAddress (= highest user address + 1)
 * @param systemRangeStart   MmSystemRangeStart: kernel addresses are at or above it
 * @param vaBits             implemented virtual-address bits (32, 48 or 57); the canonical form
 *                           requires bits 63 … vaBits−1 to be equal
 * @param pageSize           bytes in a (small) page
 */
public record MachineSpec(String name, Architecture architecture, int pointerSize, long lowestUserAddress,
        long highestUserAddress, long userProbeAddress, long systemRangeStart, int vaBits, int pageSize,
        IrqlTable irql) {

    /** MM_LOWEST_USER_ADDRESS (ntddk.h): the first 64 KB are never mapped. */
    public static final long LOWEST_USER_ADDRESS = 0x10000L;
    /** PAGE_SIZE on x86 and AMD64 (wdm.h l.7865, l.8034). */
    public static final int PAGE_SIZE = 0x1000;
    /** The 64 KB no-access guard between MmUserProbeAddress and MmSystemRangeStart. */
    private static final long GUARD = 0x10000L;
    private static final int MB = 1 << 20;
    /** BCDEdit increaseuserva accepts 2048 … 3072 MB (the default split is 2048). */
    public static final int MIN_USERVA_MB = 2048;
    public static final int MAX_USERVA_MB = 3072;

    /** x86, default 2 GB / 2 GB split: user ≤ 0x7FFEFFFF, system from 0x80000000 (ReactOS i386/mm.h). */
    public static final MachineSpec X86 = x86UserVa(MIN_USERVA_MB);
    /** x86 booted with /3GB (= increaseuserva 3072): system from 0xC0000000 (Microsoft "4-gigabyte tuning"). */
    public static final MachineSpec X86_3GB = x86UserVa(MAX_USERVA_MB);
    /** x64 up to Windows 8 / Server 2012: 8 TB user (ReactOS amd64/mm.h). MmSystemRangeStart itself is
     * non-canonical there (0xFFFF0800_00000000); real kernel addresses start at 0xFFFF8000_00000000. */
    public static final MachineSpec X64_8TB = new MachineSpec("x64-8tb", Architecture.X64, 8, LOWEST_USER_ADDRESS,
            0x000007FFFFFEFFFFL, 0x000007FFFFFF0000L, 0xFFFF080000000000L, 48, PAGE_SIZE, IrqlTable.X64);
    /** x64 Windows 8.1 / Server 2012 R2 and later: 128 TB user, the whole lower canonical half. */
    public static final MachineSpec X64 = new MachineSpec("x64", Architecture.X64, 8, LOWEST_USER_ADDRESS,
            0x00007FFFFFFEFFFFL, 0x00007FFFFFFF0000L, 0xFFFF800000000000L, 48, PAGE_SIZE, IrqlTable.X64);
    /**
     * x64 with 5-level paging (kernel image ntkrla57.exe): 57-bit canonical halves. Inferred, not verified
     * (SCHEMAS.md §4.1, §6.5): the user range is taken to be the lower canonical half less the 64 KB
     * guard and the system range the upper half from 0xFF00000000000000.
     */
    public static final MachineSpec X64_LA57 = new MachineSpec("x64-la57", Architecture.X64, 8,
            LOWEST_USER_ADDRESS, 0x00FFFFFFFFFEFFFFL, 0x00FFFFFFFFFF0000L, 0xFF00000000000000L, 57, PAGE_SIZE,
            IrqlTable.X64);

    /** The forms {@link #parse} accepts, for error messages and help text. */
    public static final String FORMS = "x86 | x86-3gb | x86-userva=<MB 2048-3072> | x64 | x64-8tb | x64-la57";

    /**
     * x86 with {@code increaseuserva N}: the user space is the low N MB, MmSystemRangeStart = N MB and
     * the 64 KB below it are the no-access guard (Microsoft "Virtual Address Space"; the guard and
     * MmHighestUserAddress = N MB − 0x10001 follow the default split, inferred).
     */
    public static MachineSpec x86UserVa(int megabytes) {
        if (megabytes < MIN_USERVA_MB || megabytes > MAX_USERVA_MB) {
            throw new IllegalArgumentException("x86-userva: increaseuserva must be between " + MIN_USERVA_MB
                    + " and " + MAX_USERVA_MB + " MB, not " + megabytes);
        }
        String name = megabytes == MIN_USERVA_MB ? "x86" : megabytes == MAX_USERVA_MB ? "x86-3gb"
                : "x86-userva=" + megabytes;
        long systemStart = (long) megabytes * MB;
        return new MachineSpec(name, Architecture.X86, 4, LOWEST_USER_ADDRESS, systemStart - GUARD - 1,
                systemStart - GUARD, systemStart, 32, PAGE_SIZE, IrqlTable.X86);
    }

    /**
     * Parses a {@code --machine} value (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is none of them
     */
    public static MachineSpec parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "x86":
                return X86;
            case "x86-3gb":
                return X86_3GB;
            case "x64":
                return X64;
            case "x64-8tb":
                return X64_8TB;
            case "x64-la57":
                return X64_LA57;
            default:
                break;
        }
        String prefix = "x86-userva=";
        if (t.startsWith(prefix)) {
            String mb = t.substring(prefix.length()).trim();
            int n;
            try {
                n = Integer.parseInt(mb);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("x86-userva needs a size in MB between " + MIN_USERVA_MB + " and "
                        + MAX_USERVA_MB + ", e.g. x86-userva=2560; got '" + text + "'");
            }
            return x86UserVa(n);
        }
        throw new IllegalArgumentException("unknown machine '" + text + "'; expected " + FORMS);
    }

    /** Classifies {@code address} (unsigned) on this machine; see {@link AddressClass}. */
    public AddressClass classify(long address) {
        if (!isCanonical(address)) {
            return AddressClass.NON_CANONICAL;
        }
        if (Long.compareUnsigned(address, lowestUserAddress) < 0) {
            return AddressClass.NULL_PAGE;
        }
        if (Long.compareUnsigned(address, highestUserAddress) <= 0) {
            return AddressClass.USER;
        }
        if (Long.compareUnsigned(address, systemRangeStart) >= 0) {
            return AddressClass.KERNEL;
        }
        return AddressClass.NO_ACCESS;
    }

    /**
     * True when {@code address} can exist here: x86 addresses fit 32 bits; x64 addresses have bits 63 …
     * vaBits−1 all equal (sign-extended).
     */
    public boolean isCanonical(long address) {
        if (architecture == Architecture.X86) {
            return (address >>> 32) == 0;
        }
        long top = address >> (vaBits - 1);
        return top == 0 || top == -1;
    }

    public boolean isUser(long address) {
        return classify(address) == AddressClass.USER;
    }
}
