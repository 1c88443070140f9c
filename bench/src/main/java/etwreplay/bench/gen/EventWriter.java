package etwreplay.bench.gen;

import java.io.IOException;

/** Renders the model's events in one trace format. Calls come in time order from one thread. */
interface EventWriter {
    /** Before the first event: the machine (for headers and rundown names). */
    void begin(Entities world, int cpus) throws IOException;

    void write(Ev e) throws IOException;

    /** After the last event ({@code lastTick} is its tick); flushes and closes. */
    void end(long lastTick) throws IOException;
}
