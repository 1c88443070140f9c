package etwreplay.ingest.etl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file's section of {@code shared/traces/etl/COUNTS.txt} (event counts made by an independent
 * reader): header facts, header-type counts, totals, per (group, opcode) kernel counts, and the listed
 * manifest ('M': provider, id, opcode, task) and classic ('C': guid, type) event counts.
 */
record ExpectedCounts(Map<String, String> header, Map<Integer, Long> headerTypes, long total, long kernel,
        Map<Integer, Long> kernelByHook, long other, Map<String, Long> listedOther) {

    /** COUNTS.txt group names → kernel group numbers (FORMATS.md §8 lists the same numbers). */
    private static final Map<String, Integer> GROUPS = Map.ofEntries(Map.entry("EventTrace", 0),
            Map.entry("DiskIo", 1), Map.entry("PageFault(Memory)", 2), Map.entry("Process", 3), Map.entry("FileIo", 4),
            Map.entry("Thread", 5), Map.entry("TcpIp", 6), Map.entry("UdpIp", 8), Map.entry("SystemConfig", 11),
            Map.entry("PerfInfo", 15), Map.entry("Image", 20), Map.entry("StackWalk", 24));
    private static final Pattern KERNEL_LINE = Pattern.compile("^\\s+(\\d+)\\s+([A-Za-z()]+)/(\\d+)\\b.*");
    private static final Pattern OTHER_LINE = Pattern.compile("^\\s+(\\d+)\\s+(\\('[MC]'.*\\))\\s*$");
    private static final Pattern DICT_ENTRY = Pattern.compile("'?(\\w+)'?: '?([^,'}]*)'?");

    static ExpectedCounts of(Path countsFile, String etlName) throws IOException {
        List<String> lines = Files.readAllLines(countsFile, StandardCharsets.UTF_8);
        int i = lines.indexOf("===== " + etlName);
        if (i < 0) {
            throw new AssertionError(etlName + " not in " + countsFile);
        }
        Map<String, String> header = new LinkedHashMap<>();
        Map<Integer, Long> headerTypes = new TreeMap<>();
        Map<Integer, Long> byHook = new TreeMap<>();
        Map<String, Long> other = new LinkedHashMap<>();
        long total = -1;
        long kernel = -1;
        long otherTotal = -1;
        for (i++; i < lines.size() && !lines.get(i).startsWith("====="); i++) {
            String l = lines.get(i);
            Matcher m;
            if (l.startsWith("header: ")) {
                dict(l.substring(8), header);
            } else if (l.startsWith("headertypes: ")) {
                Map<String, String> d = new LinkedHashMap<>();
                dict(l.substring(13), d);
                d.forEach((k, v) -> headerTypes.put(Integer.parseInt(k), Long.parseLong(v)));
            } else if (l.startsWith("total events: ")) {
                total = Long.parseLong(l.substring(14).trim());
            } else if (l.startsWith("kernel (system/perfinfo header) events: ")) {
                kernel = Long.parseLong(l.substring(l.indexOf(':') + 1).trim());
            } else if (l.startsWith("other events: ")) {
                otherTotal = Long.parseLong(l.substring(14).trim());
            } else if ((m = KERNEL_LINE.matcher(l)).matches()) {
                Integer group = GROUPS.get(m.group(2));
                if (group == null) {
                    throw new AssertionError("unknown group name in COUNTS.txt: " + l);
                }
                byHook.put(group << 8 | Integer.parseInt(m.group(3)), Long.parseLong(m.group(1)));
            } else if ((m = OTHER_LINE.matcher(l)).matches()) {
                other.put(m.group(2), Long.parseLong(m.group(1)));
            }
        }
        return new ExpectedCounts(header, headerTypes, total, kernel, byHook, otherTotal, other);
    }

    private static void dict(String text, Map<String, String> into) {
        Matcher m = DICT_ENTRY.matcher(text.replace("{", "").replace("}", ""));
        while (m.find()) {
            into.put(m.group(1), m.group(2).trim());
        }
    }
}
