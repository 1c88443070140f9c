package etwreplay.ingest.wpa;

import etwreplay.ingest.event.EventSink;

/**
 * Maps the rows of one recognised WPA table to canonical events. Bound to the table's header (column
 * positions resolved once, in the constructor).
 */
interface WpaRowHandler {
    /**
     * Stores {@code row} as canonical events and returns true, or returns false (storing nothing) when
     * the row lacks what its table needs (e.g. a time): the reader then keeps it in generic_event.
     */
    boolean handle(WpaRow row, EventSink sink);
}
