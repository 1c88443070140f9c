package etwreplay.ingest.etl;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A reusable view of one event payload laid over a {@link Layout}: {@link #bind} walks the fields once
 * (computing the offsets of variable-length ones), then the getters read by field id. A field the
 * payload is too short for reads as {@code null}; {@link #truncated()} and {@link #trailingBytes()} tell
 * the caller what to count. Not thread-safe; one per reader.
 */
final class Payload {
    private byte[] b;
    private int start;
    private int end;
    private int pointerSize;
    private Layout layout;
    private int[] offsets = new int[32];
    private int[] lengths = new int[32];
    private int bound;
    private boolean truncated;
    private int consumedEnd;

    /** Binds {@code b[start, start + length)}, logged with pointers of {@code pointerSize} bytes, to {@code layout}. */
    void bind(byte[] b, int start, int length, int pointerSize, Layout layout) {
        this.b = b;
        this.start = start;
        this.end = start + length;
        this.pointerSize = pointerSize;
        this.layout = layout;
        int n = layout.size();
        if (offsets.length < n) {
            offsets = new int[n];
            lengths = new int[n];
        }
        truncated = false;
        int pos = start;
        int i = 0;
        for (; i < n; i++) {
            if (pos == end && layout.optional[i]) {
                break;
            }
            FieldType t = layout.types[i];
            int size; // bytes the field takes, terminator included; -1 = runs past the payload
            int valueLength;
            switch (t) {
                case POINTER -> size = pointerSize;
                case FIXED_UTF16, BYTES -> size = layout.fixedSizes[i];
                case SID -> size = sidLength(pos);
                case REST -> size = end - pos;
                case ANSI -> {
                    int nul = pos;
                    while (nul < end && b[nul] != 0) {
                        nul++;
                    }
                    size = nul < end ? nul - pos + 1 : -1;
                }
                case UTF16 -> {
                    int nul = pos;
                    while (nul + 1 < end && (b[nul] != 0 || b[nul + 1] != 0)) {
                        nul += 2;
                    }
                    size = nul + 1 < end ? nul - pos + 2 : -1;
                }
                default -> size = t.size;
            }
            if (size < 0 || size > end - pos) {
                truncated = true;
                if ((t == FieldType.ANSI || t == FieldType.UTF16) && pos < end) {
                    // An unterminated string at the end of the payload: keep what is there.
                    offsets[i] = pos;
                    lengths[i] = t == FieldType.UTF16 ? (end - pos) & ~1 : end - pos;
                    pos = end;
                    i++;
                }
                break;
            }
            valueLength = t == FieldType.ANSI ? size - 1 : t == FieldType.UTF16 ? size - 2 : size;
            offsets[i] = pos;
            lengths[i] = valueLength;
            pos += size;
        }
        bound = i;
        consumedEnd = pos;
    }

    /** Bytes of a SID blob at {@code pos} (SCHEMAS.md §0.1), or -1 when it runs past the payload. */
    private int sidLength(int pos) {
        if (end - pos < 4) {
            return -1;
        }
        if (LittleEndian.i32(b, pos) == 0) {
            return 4;
        }
        int sid = pos + 2 * pointerSize;
        if (end - sid < 8) {
            return -1;
        }
        int subAuthorities = b[sid + 1] & 0xFF;
        return 2 * pointerSize + 8 + 4 * subAuthorities;
    }

    /** True when the payload ended before a field the layout requires. */
    boolean truncated() {
        return truncated;
    }

    /** Payload bytes after the last field of the layout (0 when truncated). */
    int trailingBytes() {
        return truncated ? 0 : end - consumedEnd;
    }

    Layout layout() {
        return layout;
    }

    private int position(int id) {
        int p = layout.position(id);
        return p >= 0 && p < bound ? p : -1;
    }

    boolean has(int id) {
        return position(id) >= 0;
    }

    /** The field as a number (sign-extended for i8/i16/i32), or null when absent or not numeric. */
    Long number(int id) {
        int p = position(id);
        return p < 0 ? null : numberAt(p);
    }

    private Long numberAt(int p) {
        int off = offsets[p];
        return switch (layout.types[p]) {
            case U8 -> (long) (b[off] & 0xFF);
            case I8 -> (long) b[off];
            case U16 -> (long) LittleEndian.u16(b, off);
            case I16 -> (long) (short) LittleEndian.u16(b, off);
            case U32 -> LittleEndian.u32(b, off);
            case I32 -> (long) LittleEndian.i32(b, off);
            case U64 -> LittleEndian.i64(b, off);
            case POINTER -> LittleEndian.pointer(b, off, pointerSize);
            case PORT -> (long) LittleEndian.u16BigEndian(b, off);
            default -> null;
        };
    }

    /** The field as a 32-bit integer (u32 values above 2^31 wrap, e.g. 0xFFFFFFFF → -1), or null. */
    Integer int32(int id) {
        Long v = number(id);
        return v == null ? null : (int) v.longValue();
    }

    /** A thread or process id: null when absent or -1 (0xFFFFFFFF, "not recorded"). */
    Integer id(int id) {
        Long v = number(id);
        if (v == null) {
            return null;
        }
        int i = (int) v.longValue();
        return i == -1 ? null : i;
    }

    /** The field as text: strings decoded, SIDs as S-1-…, GUIDs and addresses in their usual forms. */
    String string(int id) {
        int p = position(id);
        return p < 0 ? null : textAt(p, false);
    }

    private String textAt(int p, boolean forDisplay) {
        int off = offsets[p];
        int len = lengths[p];
        switch (layout.types[p]) {
            case ANSI:
                return new String(b, off, len, StandardCharsets.UTF_8);
            case UTF16:
                return new String(b, off, len, StandardCharsets.UTF_16LE);
            case FIXED_UTF16: {
                int n = 0;
                while (n + 1 < len && (b[off + n] != 0 || b[off + n + 1] != 0)) {
                    n += 2;
                }
                return new String(b, off, n, StandardCharsets.UTF_16LE);
            }
            case SID:
                return sidText(off, len);
            case BYTES, REST:
                return java.util.HexFormat.of().formatHex(b, off, off + len);
            case GUID:
                return guid(b, off).toString();
            case IPV4:
                return (b[off] & 0xFF) + "." + (b[off + 1] & 0xFF) + "." + (b[off + 2] & 0xFF) + "." + (b[off + 3] & 0xFF);
            case IPV6:
                return ipv6(b, off);
            case POINTER:
                return forDisplay ? "0x" + Long.toHexString(numberAt(p)) : Long.toString(numberAt(p));
            default:
                Long v = numberAt(p);
                return v == null ? null : Long.toString(v);
        }
    }

    /** "S-1-5-18" for a SID blob, or null for the 4-byte "no SID" form. */
    private String sidText(int off, int len) {
        if (len <= 4) {
            return null;
        }
        int sid = off + 2 * pointerSize;
        int revision = b[sid] & 0xFF;
        int count = b[sid + 1] & 0xFF;
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = authority << 8 | (b[sid + 2 + i] & 0xFF);
        }
        StringBuilder sb = new StringBuilder("S-").append(revision).append('-').append(authority);
        for (int i = 0; i < count; i++) {
            sb.append('-').append(LittleEndian.u32(b, sid + 8 + 4 * i));
        }
        return sb.toString();
    }

    /** All bound fields by name, in layout order, as text (pointers in hex): for {@code generic_event.fields}. */
    Map<String, String> toTextMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int p = 0; p < bound; p++) {
            m.put(Fields.name(layout.ids[p]), textAt(p, true));
        }
        return m;
    }

    /** A Windows GUID (Data1-3 little-endian, Data4 as bytes) at {@code off}. */
    static UUID guid(byte[] b, int off) {
        return new UUID(guidHigh(b, off), guidLow(b, off));
    }

    /** The most significant 64 bits of the GUID at {@code off}, as {@link UUID} numbers them. */
    static long guidHigh(byte[] b, int off) {
        return LittleEndian.u32(b, off) << 32 | (long) LittleEndian.u16(b, off + 4) << 16 | LittleEndian.u16(b, off + 6);
    }

    /** The least significant 64 bits of the GUID at {@code off} (Data4, big-endian). */
    static long guidLow(byte[] b, int off) {
        long lsb = 0;
        for (int i = 8; i < 16; i++) {
            lsb = lsb << 8 | (b[off + i] & 0xFF);
        }
        return lsb;
    }

    /** RFC 5952 text of an IPv6 address (lower-case hex, longest run of zero groups as {@code ::}). */
    static String ipv6(byte[] b, int off) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = LittleEndian.u16BigEndian(b, off + 2 * i);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
