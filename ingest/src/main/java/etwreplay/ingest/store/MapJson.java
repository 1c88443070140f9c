package etwreplay.ingest.store;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes a MAP(VARCHAR, VARCHAR) value as a JSON object for DuckDB's {@code json_transform}, which builds the
 * same map, entries in the same order. Escapes what JSON requires (RFC 8259 §7: quotation mark, reverse
 * solidus, control characters below U+0020) and nothing else, so every other character reaches DuckDB the
 * way a plain VARCHAR does (the table function's UTF-8 encoder, like the Appender's, writes a lone surrogate
 * as '?'). A null value becomes JSON null, i.e. a NULL map value, as the Appender stores it.
 */
final class MapJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private MapJson() {
    }

    /** The JSON text of {@code map}; {@code map} must not be null and must have no null key. */
    static String of(Map<String, String> map) {
        return object(map, MapJson::string);
    }

    /**
     * The JSON text of a MAP(VARCHAR, INTEGER) value, values as JSON numbers (null: JSON null); {@code map}
     * must not be null and must have no null key.
     */
    static String ofIntegers(Map<String, Integer> map) {
        return object(map, StringBuilder::append);
    }

    /** A JSON object of {@code map}'s entries in their order, each non-null value written by {@code value}. */
    private static <V> String object(Map<String, V> map, BiConsumer<StringBuilder, V> value) {
        StringBuilder sb = new StringBuilder(16 + 24 * map.size());
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, V> e : map.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("a MAP key is null (DuckDB map keys cannot be NULL)");
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, e.getKey());
            sb.append(':');
            if (e.getValue() == null) {
                sb.append("null");
            } else {
                value.accept(sb, e.getValue());
            }
        }
        return sb.append('}').toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
