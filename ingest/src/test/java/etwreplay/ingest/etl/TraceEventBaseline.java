package etwreplay.ingest.etl;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft TraceEvent's text dump of an ETL file ({@code net.4.5.2.x64.baseline.txt}, FORMATS.md §7):
 * {@code EVENT <ms>: <Provider>/<Task>[/<Opcode>] PID=..; TID=..; PName=..; ProceNum=..; DataLen=..;
 * <field>=<value>; ...}. Numbers are printed with thousands separators, strings longer than 20 characters
 * as their first 20 and "...".
 */
final class TraceEventBaseline {
    /** One EVENT line. */
    record Event(int line, BigDecimal ms, String name, Map<String, String> fields) {
        String field(String key) {
            return fields.get(key);
        }
    }

    private static final Pattern EVENT = Pattern.compile("^EVENT ([0-9,]+\\.[0-9]+): (.+?) (PID=.*)$");
    /** A field runs to the next "; key=" or to the final "; ". */
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(.*?); (?=\\w+=|$)");

    private TraceEventBaseline() {
    }

    static List<Event> read(Path file) throws IOException {
        List<Event> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EVENT.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher f = FIELD.matcher(m.group(3));
            while (f.find()) {
                fields.put(f.group(1), f.group(2));
            }
            out.add(new Event(i + 1, new BigDecimal(m.group(1).replace(",", "")), m.group(2), fields));
        }
        return out;
    }

    /** A printed number ("1,404,928", "-1", "0x00187000") as a long; hex is read unsigned. */
    static long number(String printed) {
        String s = printed.replace(",", "");
        if (s.startsWith("0x")) {
            return Long.parseUnsignedLong(s.substring(2), 16);
        }
        return Long.parseLong(s);
    }

    /** Whether {@code actual} prints as {@code printed}: equal, or, longer than 20 chars, its first 20 + "...". */
    static boolean sameText(String printed, String actual) {
        String a = actual == null ? "" : actual;
        if (a.length() > 20) {
            return printed.equals(a.substring(0, 20) + "...");
        }
        return printed.equals(a);
    }
}
