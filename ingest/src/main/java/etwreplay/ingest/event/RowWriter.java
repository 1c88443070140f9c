package etwreplay.ingest.event;

/**
 * Receives one event's table-specific columns, in {@link EventTable#columns()} order. A {@code null}
 * argument means "not recorded by the source" and is stored as SQL NULL.
 */
public interface RowWriter {
    void i32(Integer value);

    void i64(Long value);

    /** An unsigned 64-bit value (addresses, IRPs, keys); stored as UBIGINT, bits unchanged. */
    void u64(Long value);

    void str(String value);

    void bool(Boolean value);

    /** A MAP(VARCHAR, VARCHAR) value. */
    void map(java.util.Map<String, String> value);

    void blob(byte[] value);
}
