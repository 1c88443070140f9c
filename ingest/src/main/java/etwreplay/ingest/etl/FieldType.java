package etwreplay.ingest.etl;

/**
 * How one payload field is stored. Spelled in layout specs ({@link Layout#parse}) by the lower-case
 * name in brackets. Sources: the MOF qualifiers of SCHEMAS.md §0.1 (Pointer/SizeT ⇒ pointer-sized,
 * Sid, strings), and the TcpIp/UdpIp MOF classes (ports and addresses in network byte order).
 */
enum FieldType {
    /** {@code u8}. */
    U8(1),
    /** {@code i8}. */
    I8(1),
    /** {@code u16}. */
    U16(2),
    /** {@code i16}. */
    I16(2),
    /** {@code u32}. */
    U32(4),
    /** {@code i32}. */
    I32(4),
    /** {@code u64} (also WmiTime timestamps and 64-bit offsets). */
    U64(8),
    /** {@code ptr}: 4 or 8 bytes by the logging pointer size (MOF Pointer / SizeT qualifiers). */
    POINTER(0),
    /** {@code sid}: the kernel's SID blob (SCHEMAS.md §0.1): 4 zero bytes, or TOKEN_USER (2 pointers) + SID. */
    SID(-1),
    /** {@code ansi}: 8-bit NUL-terminated string (decoded as UTF-8, as TraceEvent does). */
    ANSI(-1),
    /** {@code utf16}: UTF-16LE NUL-terminated string. */
    UTF16(-1),
    /** {@code guid}: 16-byte GUID in Windows byte order. */
    GUID(16),
    /** {@code port}: u16 in network byte order. */
    PORT(2),
    /** {@code ipv4}: 4-byte IPv4 address in network byte order. */
    IPV4(4),
    /** {@code ipv6}: 16-byte IPv6 address. */
    IPV6(16),
    /** {@code wchars[N]}: a fixed array of N UTF-16 code units, NUL-padded (SystemConfig names). */
    FIXED_UTF16(-2),
    /** {@code bytes[N]}: N bytes kept as hex (e.g. a SYSTEMTIME inside TIME_ZONE_INFORMATION). */
    BYTES(-2),
    /** {@code rest}: everything left in the payload (e.g. the frames of a stack walk); must come last. */
    REST(-1);

    /** Bytes taken: fixed count, 0 = pointer-sized, -1 = variable (scanned), -2 = given in the spec. */
    final int size;

    FieldType(int size) {
        this.size = size;
    }
}
