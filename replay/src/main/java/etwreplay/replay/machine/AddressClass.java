package etwreplay.replay.machine;

/**
 * What an address is on a given machine ({@link MachineSpec#classify}). Persisted names are the
 * lower-case constant names.
 */
public enum AddressClass {
    /** Below MM_LOWEST_USER_ADDRESS (0x10000): the first 64 KB are never mapped (a NULL dereference). */
    NULL_PAGE,
    /** From 0x10000 up to MmHighestUserAddress: valid only in the owning process, pageable. */
    USER,
    /**
     * Canonical but neither user nor system space: the 64 KB no-access guard below MmSystemRangeStart
     * on x86, or the unused part of the lower canonical half above the user range on x64 (8 TB
     * configuration: 0x0000_0800_0000_0000 up to 0x0000_7FFF_FFFF_FFFF). Any access faults.
     */
    NO_ACCESS,
    /** MmSystemRangeStart and above (and canonical): shared by every process. */
    KERNEL,
    /**
     * Not a possible address on this machine: on x64 bits 63 … (VA bits − 1) are not all equal; on x86
     * anything above 0xFFFFFFFF.
     */
    NON_CANONICAL;

    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
