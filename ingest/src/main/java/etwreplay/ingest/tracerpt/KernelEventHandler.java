package etwreplay.ingest.tracerpt;

/**
 * Turns one kernel event, by tracerpt's field names, into a canonical event. Instances are stateless
 * and shared; what they need beyond the event (time, CPU, names, the sink) comes from the context.
 */
interface KernelEventHandler {
    void handle(RenderedEvent e, MappingContext c);
}
