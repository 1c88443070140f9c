package etwreplay.replay.machine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IRQL numbers of one architecture. Source: mingw-w64 {@code ddk/wdm.h} l.7848-7859 (x86) and
 * l.8016-8026 (AMD64), WDK "Managing Hardware Priorities" (research/SCHEMAS.md §4.2). Names and numbers
 * differ: DISPATCH_LEVEL is 2 on both, but HIGH_LEVEL is 31 on x86 and 15 on x64. Immutable.
 */
public final class IrqlTable {
    public static final int PASSIVE_LEVEL = 0;
    public static final int APC_LEVEL = 1;
    public static final int DISPATCH_LEVEL = 2;

    /** x86: device IRQLs 3 … 26 lie between DISPATCH_LEVEL and PROFILE_LEVEL (27). */
    public static final IrqlTable X86 = new IrqlTable(Architecture.X86, 3, 26, levels(
            "PASSIVE_LEVEL", 0, "APC_LEVEL", 1, "DISPATCH_LEVEL", 2, "CMCI_LEVEL", 5,
            // SYNCH_LEVEL = IPI_LEVEL - 2 on multiprocessor kernels (wdm.h).
            "PROFILE_LEVEL", 27, "SYNCH_LEVEL", 27, "CLOCK1_LEVEL", 28, "CLOCK2_LEVEL", 28, "CLOCK_LEVEL", 28,
            "IPI_LEVEL", 29, "POWER_LEVEL", 30, "HIGH_LEVEL", 31));
    /** x64: device IRQLs 3 … 11 lie below SYNCH_LEVEL (12). */
    public static final IrqlTable X64 = new IrqlTable(Architecture.X64, 3, 11, levels(
            "PASSIVE_LEVEL", 0, "APC_LEVEL", 1, "DISPATCH_LEVEL", 2, "CMCI_LEVEL", 5, "SYNCH_LEVEL", 12,
            "CLOCK_LEVEL", 13, "IPI_LEVEL", 14, "DRS_LEVEL", 14, "POWER_LEVEL", 14, "HIGH_LEVEL", 15,
            "PROFILE_LEVEL", 15));

    private final Architecture architecture;
    private final int deviceMin;
    private final int deviceMax;
    private final Map<String, Integer> levels;
    private final String[] names;

    private IrqlTable(Architecture architecture, int deviceMin, int deviceMax, Map<String, Integer> levels) {
        this.architecture = architecture;
        this.deviceMin = deviceMin;
        this.deviceMax = deviceMax;
        this.levels = Collections.unmodifiableMap(levels);
        this.names = names(deviceMin, deviceMax, levels);
    }

    private static Map<String, Integer> levels(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    public static IrqlTable of(Architecture architecture) {
        return architecture == Architecture.X86 ? X86 : X64;
    }

    /** Named levels in ascending order, e.g. {@code DISPATCH_LEVEL → 2}. */
    public Map<String, Integer> levels() {
        return levels;
    }

    /** Lowest device IRQL (DIRQL). */
    public int deviceMin() {
        return deviceMin;
    }

    /** Highest device IRQL (DIRQL). */
    public int deviceMax() {
        return deviceMax;
    }

    public int highLevel() {
        return levels.get("HIGH_LEVEL");
    }

    /**
     * The IRQL an interrupt with this IDT vector runs at, or null when the architecture does not say.
     * x64: the vector's APIC priority class, {@code vector >> 4} (the HAL programs CR8, which mirrors the
     * local APIC task-priority register, with exactly that class). x86: the HAL's vector↔IRQL mapping
     * is not documented, so null ("unknown").
     */
    public Integer isrIrql(Integer vector) {
        if (vector == null || vector < 0 || vector > 0xFF || architecture == Architecture.X86) {
            return null;
        }
        return vector >> 4;
    }

    /** How {@link #isrIrql} decides, for the {@code machine} table. */
    public String isrIrqlRule() {
        return architecture == Architecture.X86 ? "unknown (x86 HAL mapping undocumented)" : "vector >> 4";
    }

    /**
     * A readable name for a level: {@code DIRQL} in the device range, else the first name the table gives
     * that number (names sharing a number are listed in order of preference), or null.
     */
    public String nameOf(int level) {
        return level >= 0 && level < names.length ? names[level] : null;
    }

    /** {@link #nameOf} for every level up to HIGH_LEVEL, decided once (it is asked for every span). */
    private static String[] names(int deviceMin, int deviceMax, Map<String, Integer> levels) {
        String[] names = new String[levels.get("HIGH_LEVEL") + 1];
        for (int level = 0; level < names.length; level++) {
            if (level >= deviceMin && level <= deviceMax) {
                names[level] = "DIRQL";
                continue;
            }
            for (Map.Entry<String, Integer> e : levels.entrySet()) {
                if (e.getValue() == level) {
                    names[level] = e.getKey();
                    break;
                }
            }
        }
        return names;
    }
}
