package etwreplay.replay.machine;

/**
 * The machine a replay runs against and why: inferred from the trace, or given by the user
 * ({@code --machine}). Becomes the trace's row in the {@code machine} table.
 *
 * @param given    true when the user chose it, false when inferred
 * @param basis    the evidence, in words (e.g. "pointer size 8, OS build 19045 ≥ 9600 (Windows 8.1+)")
 * @param cpuCount CPUs of the recording machine, or null when the trace does not say
 * @param osBuild  OS build of the recording machine, or null
 */
public record MachineChoice(MachineSpec spec, boolean given, String basis, Integer cpuCount, Integer osBuild) {
    public String source() {
        return given ? "given" : "inferred";
    }
}
