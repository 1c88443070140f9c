package etwreplay.ingest.etl;

/**
 * The 0x48-byte WMI_BUFFER_HEADER that starts every buffer of an ETL file, as observed in real files
 * (FORMATS.md §8). Only the fields the reader needs are named.
 */
final class WmiBufferHeader {
    /** Size of the header; events start right after it. */
    static final int SIZE = 0x48;
    /** u32: size of the buffer on disk (for a compressed buffer, the compressed size plus the header). */
    static final int BUFFER_SIZE = 0x00;
    /** u8 of ClientContext: the processor that filled the buffer (each event's {@code cpu}). */
    static final int PROCESSOR_NUMBER = 0x28;
    /** u16 of ClientContext: the session's logger id, the same in every buffer of a file. */
    static final int LOGGER_ID = 0x2A;
    /**
     * u32: end of the valid data, relative to the buffer start (for a compressed buffer, in the
     * decompressed buffer). The only field that is right in Win7-era files, where SavedOffset and
     * CurrentOffset are 0 (FORMATS.md §8).
     */
    static final int OFFSET = 0x30;
    /** u16 BufferFlag. */
    static final int BUFFER_FLAG = 0x34;
    /** u16 BufferType (4 = header buffer). */
    static final int BUFFER_TYPE = 0x36;

    /** BufferFlag bit: bytes after the header are MS-XCA Plain LZ77 compressed (FORMATS.md §8). */
    static final int FLAG_COMPRESSED = 0x40;

    /**
     * Largest buffer the reader accepts, on disk or decompressed. ETW buffers are at most a few MiB
     * (TRACE_LOGFILE_HEADER.BufferSize; 64 KiB in every collected file); anything larger is damage and
     * must not size an allocation.
     */
    static final int MAX_BUFFER_SIZE = 64 << 20;

    private WmiBufferHeader() {
    }
}
