package etwreplay.replay.machine;

import java.util.Locale;

/**
 * Infers the machine configuration from what a trace records: pointer size and OS build from the
 * {@code trace} row, the kernel image name from the image rundown. Stateless.
 *
 * <p>Rules: pointer size 4 → {@code x86} (a /3GB or increaseuserva boot leaves no mark in the trace
 * header, so it must be given); pointer size 8 → {@code x64-la57} when the kernel image is
 * {@code ntkrla57.exe}, else {@code x64-8tb} below build 9600 (Windows 8.1) and {@code x64} from it on
 * (SCHEMAS.md §4.1). Without a pointer size, an image loaded above 4 GB means x64.
 */
public final class MachineInference {
    /** Windows 8.1 / Server 2012 R2: the first build with the 128 TB user space. */
    static final int FIRST_128TB_BUILD = 9600;

    private MachineInference() {
    }

    /**
     * What the trace says about its machine.
     *
     * @param pointerSize   {@code trace.pointer_size}, or null
     * @param osBuild       {@code trace.os_build}, or null
     * @param cpuCount      {@code trace.cpu_count}, or null
     * @param kernelImage   file name of the loaded kernel image (ntoskrnl.exe, ntkrla57.exe …), or null
     * @param maxImageBase  highest image base address seen (unsigned), or null when there are no images
     */
    public record TraceFacts(Integer pointerSize, Integer osBuild, Integer cpuCount, String kernelImage,
            Long maxImageBase) {
    }

    public static MachineChoice infer(TraceFacts f) {
        if (f.pointerSize() != null && f.pointerSize() == 4) {
            return choice(MachineSpec.X86, f, "pointer size 4; a /3GB or increaseuserva split is not recorded"
                    + " in the trace: give --machine x86-3gb or x86-userva=<MB> if the machine used one");
        }
        String pointer;
        if (f.pointerSize() != null && f.pointerSize() == 8) {
            pointer = "pointer size 8";
        } else if (f.maxImageBase() != null && Long.compareUnsigned(f.maxImageBase(), 0xFFFFFFFFL) > 0) {
            pointer = "pointer size not recorded; images loaded above 4 GB";
        } else if (f.maxImageBase() != null) {
            return choice(MachineSpec.X86, f, "pointer size not recorded; every image below 4 GB");
        } else {
            pointer = "pointer size not recorded; x64 assumed";
        }
        String kernel = f.kernelImage() == null ? null : f.kernelImage().toLowerCase(Locale.ROOT);
        if (kernel != null && kernel.endsWith("ntkrla57.exe")) {
            return choice(MachineSpec.X64_LA57, f, pointer + "; kernel image ntkrla57.exe (5-level paging)");
        }
        if (f.osBuild() == null) {
            return choice(MachineSpec.X64, f, pointer + "; OS build not recorded: Windows 8.1+ (128 TB) assumed");
        }
        if (f.osBuild() < FIRST_128TB_BUILD) {
            return choice(MachineSpec.X64_8TB, f, pointer + "; OS build " + f.osBuild() + " < " + FIRST_128TB_BUILD
                    + " (before Windows 8.1: 8 TB user space)");
        }
        return choice(MachineSpec.X64, f, pointer + "; OS build " + f.osBuild() + " >= " + FIRST_128TB_BUILD
                + " (Windows 8.1+: 128 TB user space)");
    }

    /** The user's {@code --machine} choice, with the trace's CPU count and build kept for the record. */
    public static MachineChoice given(MachineSpec spec, TraceFacts f) {
        String basis = "given: --machine " + spec.name();
        if (f.pointerSize() != null && f.pointerSize() != spec.pointerSize()) {
            basis += " (but the trace records pointer size " + f.pointerSize() + ")";
        }
        return new MachineChoice(spec, true, basis, f.cpuCount(), f.osBuild());
    }

    private static MachineChoice choice(MachineSpec spec, TraceFacts f, String basis) {
        return new MachineChoice(spec, false, basis, f.cpuCount(), f.osBuild());
    }
}
