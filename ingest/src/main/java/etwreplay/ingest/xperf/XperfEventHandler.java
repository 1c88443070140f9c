package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventSink;

/**
 * Turns one data line of one event type into a canonical event. An instance is bound to one header
 * schema (column positions resolved once, in its constructor) and handles every line of that type.
 */
interface XperfEventHandler {
    void handle(XperfRow row, EventSink sink);
}
