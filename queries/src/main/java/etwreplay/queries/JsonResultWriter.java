package etwreplay.queries;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A JSON array of row objects. UBIGINT (addresses) are hex strings, as in every other output. */
final class JsonResultWriter extends ResultWriter {
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final StringBuilder sb = new StringBuilder(256);
    private List<String> names;
    private boolean[] number;
    private boolean[] bool;

    JsonResultWriter(Appendable out) {
        super(out);
    }

    @Override
    public void columns(List<String> names, List<String> types) throws IOException {
        this.names = List.copyOf(names);
        number = new boolean[types.size()];
        bool = new boolean[types.size()];
        for (int i = 0; i < types.size(); i++) {
            number[i] = isNumberType(types.get(i));
            bool[i] = "BOOLEAN".equals(baseType(types.get(i)));
        }
        out.append('[');
    }

    @Override
    protected void writeRow(List<String> cells) throws IOException {
        sb.setLength(0);
        sb.append(rows() == 1 ? "\n  {" : ",\n  {");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            string(sb, names.get(i));
            sb.append(": ");
            String v = cells.get(i);
            if (v == null) {
                sb.append("null");
            } else if (bool[i] || (number[i] && NUMBER.matcher(v).matches())) {
                sb.append(v);
            } else {
                string(sb, v);
            }
        }
        out.append(sb.append('}'));
    }

    @Override
    public void finish() throws IOException {
        out.append(rows() == 0 ? "]\n" : "\n]\n");
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
