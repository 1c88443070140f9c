package etwreplay.replay.track;

/**
 * Who was current on a CPU at one instant, and how sure that is.
 *
 * @param source     cswitch | rundown | sample (see {@code cpu_context.source}); null when unknown
 * @param confidence exact | inferred | approximate | unknown
 * @param gapNs      sample context: time since the CPU's last sample; else null
 */
public record Context(Integer tid, Integer pid, String processName, Long directoryTableBase, String source,
        String confidence, Long gapNs) {
    /** The confidence of an unknown context. */
    static final String UNKNOWN_CONFIDENCE = "unknown";
    public static final Context UNKNOWN = new Context(null, null, null, null, null, UNKNOWN_CONFIDENCE, null);

    public boolean known() {
        return tid != null;
    }
}
