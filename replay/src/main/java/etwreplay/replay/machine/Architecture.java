package etwreplay.replay.machine;

/** The processor architecture of the recording machine, as far as the address split and IRQLs go. */
public enum Architecture {
    X86,
    X64;

    /** The persisted name: {@code x86} or {@code x64}. */
    public String sqlName() {
        return this == X86 ? "x86" : "x64";
    }
}
