package etwreplay.replay.track;

/** The thread that issued a request, with its process and page-table base; any part may be null. */
record Issuer(Integer tid, Integer pid, String processName, Long directoryTableBase) {
    static final Issuer UNKNOWN = new Issuer(null, null, null, null);
}
