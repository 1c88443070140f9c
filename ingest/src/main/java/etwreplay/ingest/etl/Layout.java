package etwreplay.ingest.etl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The field list of one event payload version, in order, with no offsets written down: offsets follow
 * from the types and the pointer size of the event (so one layout serves x86 and x64). Built from a
 * compact spec such as {@code "Irp:ptr IssuingThreadId:u32"}; a trailing {@code ?} marks a field that
 * newer builds append and older ones omit (absent ⇒ NULL, not a truncated payload). Immutable.
 */
final class Layout {
    final int[] ids;
    final FieldType[] types;
    /** Byte count of FIXED_UTF16 and BYTES fields; 0 otherwise. */
    final int[] fixedSizes;
    final boolean[] optional;
    /** Position in {@link #ids} of each field id, or -1; indexed by field id. */
    private final int[] positionById;

    private Layout(List<Integer> ids, List<FieldType> types, List<Integer> fixedSizes, List<Boolean> optional) {
        int n = ids.size();
        this.ids = new int[n];
        this.types = types.toArray(new FieldType[0]);
        this.fixedSizes = new int[n];
        this.optional = new boolean[n];
        int maxId = -1;
        for (int i = 0; i < n; i++) {
            this.ids[i] = ids.get(i);
            this.fixedSizes[i] = fixedSizes.get(i);
            this.optional[i] = optional.get(i);
            maxId = Math.max(maxId, this.ids[i]);
        }
        positionById = new int[maxId + 1];
        Arrays.fill(positionById, -1);
        for (int i = 0; i < n; i++) {
            positionById[this.ids[i]] = i;
        }
    }

    /** Position of field {@code id} in this layout, or -1 when the layout has no such field. */
    int position(int id) {
        return id < positionById.length ? positionById[id] : -1;
    }

    int size() {
        return ids.length;
    }

    /**
     * Parses a spec: fields separated by spaces, each {@code Name:type} with type one of {@code u8 i8 u16
     * i16 u32 i32 u64 ptr sid ansi utf16 guid port ipv4 ipv6 wchars[N] bytes[N] rest}, optionally followed by {@code ?}.
     */
    static Layout parse(String spec) {
        List<Integer> ids = new ArrayList<>();
        List<FieldType> types = new ArrayList<>();
        List<Integer> fixed = new ArrayList<>();
        List<Boolean> optional = new ArrayList<>();
        for (String f : spec.trim().split("\\s+")) {
            if (f.isEmpty()) {
                continue;
            }
            boolean opt = f.endsWith("?");
            String body = opt ? f.substring(0, f.length() - 1) : f;
            int colon = body.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("layout field without a type: " + f);
            }
            String type = body.substring(colon + 1);
            int fixedSize = 0;
            FieldType t;
            if (type.startsWith("wchars[") && type.endsWith("]")) {
                t = FieldType.FIXED_UTF16;
                fixedSize = 2 * Integer.parseInt(type.substring(7, type.length() - 1));
            } else if (type.startsWith("bytes[") && type.endsWith("]")) {
                t = FieldType.BYTES;
                fixedSize = Integer.parseInt(type.substring(6, type.length() - 1));
            } else {
                t = switch (type) {
                    case "u8" -> FieldType.U8;
                    case "i8" -> FieldType.I8;
                    case "u16" -> FieldType.U16;
                    case "i16" -> FieldType.I16;
                    case "u32" -> FieldType.U32;
                    case "i32" -> FieldType.I32;
                    case "u64" -> FieldType.U64;
                    case "ptr" -> FieldType.POINTER;
                    case "sid" -> FieldType.SID;
                    case "ansi" -> FieldType.ANSI;
                    case "utf16" -> FieldType.UTF16;
                    case "guid" -> FieldType.GUID;
                    case "port" -> FieldType.PORT;
                    case "ipv4" -> FieldType.IPV4;
                    case "ipv6" -> FieldType.IPV6;
                    case "rest" -> FieldType.REST;
                    default -> throw new IllegalArgumentException("unknown field type in layout: " + f);
                };
            }
            ids.add(Fields.id(body.substring(0, colon)));
            types.add(t);
            fixed.add(fixedSize);
            optional.add(opt);
        }
        return new Layout(ids, types, fixed, optional);
    }
}
