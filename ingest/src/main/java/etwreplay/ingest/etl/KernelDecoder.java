package etwreplay.ingest.etl;

/**
 * Turns one kernel event, its payload already bound to the layout of its version, into canonical
 * events. One instance per (group, opcode), made once; implementations keep no per-event state.
 */
interface KernelDecoder {
    void decode(Payload p, DecodeContext c);
}
