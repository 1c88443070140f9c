package etwreplay.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises a trace's format from its first bytes, never from its file name (users rename exports).
 * Sources for each signature: FORMATS.md §1 (BeginHeader), §5 (CSV header row), §6 (XML), §8 (ETL
 * WMI_BUFFER_HEADER).
 */
public final class FormatDetector {
    /** How much of the file is looked at. */
    static final int PROBE_BYTES = 64 * 1024;

    private FormatDetector() {
    }

    public static Optional<TraceFormat> detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PROBE_BYTES);
        }
        return detect(head);
    }

    static Optional<TraceFormat> detect(byte[] head) {
        if (looksLikeEtl(head)) {
            return Optional.of(TraceFormat.ETL);
        }
        String text = asText(head);
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.stripLeading();
        // A DOCTYPE or comment first is still XML: the reader then refuses a DTD with a clear message.
        if (trimmed.startsWith("<?xml") || trimmed.startsWith("<Events") || trimmed.startsWith("<Event ")
                || trimmed.startsWith("<Event>") || trimmed.startsWith("<!DOCTYPE") || trimmed.startsWith("<!--")) {
            return Optional.of(TraceFormat.TRACERPT_XML);
        }
        if (containsLine(text, "BeginHeader")) {
            return Optional.of(TraceFormat.XPERF_TEXT);
        }
        String firstLine = trimmed.lines().findFirst().orElse("");
        if (firstLine.length() > MAX_CSV_HEADER) {
            return Optional.empty(); // no exporter writes a header row this long: not a table
        }
        if (firstLine.startsWith("Event Name") && firstLine.contains("Clock-Time")) {
            return Optional.of(TraceFormat.TRACERPT_CSV);
        }
        if ((firstLine.indexOf(',') > 0 || firstLine.indexOf(';') > 0) && !firstLine.isBlank()) {
            return Optional.of(TraceFormat.WPA_CSV);
        }
        return Optional.empty();
    }

    /**
     * An ETL file starts with a WMI_BUFFER_HEADER whose BufferSize (u32 @0) is a plausible buffer size
     * and whose first event (@0x48) is the EventTrace header: a SYSTEM32/64 marker (0xC0 flags in the top
     * byte, header type 1 or 2 in byte 2) with HookId 0x0000. FORMATS.md §8.
     */
    static boolean looksLikeEtl(byte[] b) {
        if (b.length < 0x48 + 8) {
            return false;
        }
        long bufferSize = u32(b, 0);
        int marker = (int) u32(b, 0x48);
        int headerType = (marker >>> 16) & 0xFF;
        boolean systemHeader = (marker & 0xC0000000) == 0xC0000000 && (headerType == 1 || headerType == 2);
        return bufferSize >= 0x48 && bufferSize <= (64L << 20) && systemHeader;
    }

    private static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }

    /**
     * Share of NUL/control bytes above which the probe is binary. Below it, the text is read with the
     * damage counted line by line: a machine that died while writing an export leaves a run of zeros.
     */
    private static final double MAX_DAMAGED_SHARE = 0.05;
    /** Longest plausible CSV header row (WPA's widest tables have a few dozen columns). */
    private static final int MAX_CSV_HEADER = 8192;

    /** The probe as text (NUL and control bytes blanked), or null when it looks binary. */
    private static String asText(byte[] head) {
        int start = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new String(head, 2, head.length - 2, StandardCharsets.UTF_16LE);
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new String(head, 2, head.length - 2, StandardCharsets.UTF_16BE);
        }
        byte[] text = java.util.Arrays.copyOfRange(head, start, head.length);
        int damaged = 0;
        for (int i = 0; i < text.length; i++) {
            int c = text[i] & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                damaged++;
                text[i] = ' ';
            }
        }
        if (text.length == 0 || damaged > MAX_DAMAGED_SHARE * text.length) {
            return null;
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static boolean containsLine(String text, String line) {
        return text.lines().limit(5000).anyMatch(l -> l.strip().equals(line));
    }
}
