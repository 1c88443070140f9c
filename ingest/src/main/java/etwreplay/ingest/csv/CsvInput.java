package etwreplay.ingest.csv;

import etwreplay.ingest.text.CountingInputStream;
import etwreplay.ingest.BadInputException;
import etwreplay.ingest.event.EventSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV export opened for streaming: the encoding is taken from its byte-order mark (UTF-8, UTF-16LE
 * as {@code tracerpt -en Unicode} writes, UTF-16BE) or else read as UTF-8 with a counted Windows-1252
 * fallback; the delimiter ({@code ,} {@code ;} or tab) is the one the header line uses most. Fields are
 * trimmed (tracerpt pads them with spaces). A quoting error the parser cannot step over (a stray quote
 * that runs to the end of the file) is a {@link BadInputException} naming the line. Not thread-safe.
 */
public final class CsvInput implements AutoCloseable {
    /** Longest header line looked at for the delimiter. */
    private static final int HEADER_PROBE = 1 << 20;
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("(?:startline|line:?)\\s*(\\d+)");

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final LenientUtf8Reader utf8;
    private final CountingInputStream counted;
    private final char delimiter;

    private CsvInput(Path file, CSVParser parser, LenientUtf8Reader utf8, CountingInputStream counted, char delimiter) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        this.utf8 = utf8;
        this.counted = counted;
        this.delimiter = delimiter;
    }

    /** Opens {@code file}; {@code sink} receives the encoding anomalies. */
    public static CsvInput open(Path file, EventSink sink) throws IOException {
        CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
        PushbackInputStream in = new PushbackInputStream(counted, 3);
        byte[] bom = in.readNBytes(3);
        int keep = 0;
        Reader reader;
        LenientUtf8Reader utf8 = null;
        if (bom.length >= 2 && (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE) {
            in.unread(bom, 2, bom.length - 2);
            reader = new InputStreamReader(in, StandardCharsets.UTF_16LE);
        } else if (bom.length >= 2 && (bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF) {
            in.unread(bom, 2, bom.length - 2);
            reader = new InputStreamReader(in, StandardCharsets.UTF_16BE);
        } else {
            if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
                keep = bom.length;
            }
            in.unread(bom, 0, keep);
            utf8 = new LenientUtf8Reader(in, sink);
            reader = utf8;
        }
        BufferedReader buffered = new BufferedReader(reader, 1 << 16);
        buffered.mark(HEADER_PROBE);
        char delimiter = delimiterOf(readLine(buffered, HEADER_PROBE - 1));
        buffered.reset();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote('"')
                .setIgnoreSurroundingSpaces(true).setTrim(true).setIgnoreEmptyLines(true).get();
        return new CsvInput(file, CSVParser.parse(buffered, format), utf8, counted, delimiter);
    }

    private static String readLine(BufferedReader r, int max) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while (sb.length() < max && (c = r.read()) >= 0 && c != '\n') {
            sb.append((char) c);
        }
        return sb.toString();
    }

    /** The most frequent of {@code , ; TAB} outside quotes in {@code header}; comma when none. */
    static char delimiterOf(String header) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }

    public char delimiter() {
        return delimiter;
    }

    /** The next record, or null at the end of the file. */
    public List<String> next() throws BadInputException {
        try {
            return records.hasNext() ? records.next().toList() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            Matcher m = LINE_IN_MESSAGE.matcher(message);
            String location = m.find() ? "line " + m.group(1) : "line " + (parser.getCurrentLineNumber() + 1);
            throw new BadInputException(file, location, "unreadable CSV (" + oneLine(message)
                    + "): a quote that is never closed? Fix or remove that row");
        }
    }

    /** Line of the end of the last record returned (1-based). */
    public long line() {
        return parser.getCurrentLineNumber();
    }

    /** Input bytes consumed so far. */
    public long bytesRead() {
        return counted.count();
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }

    @Override
    public void close() throws IOException {
        parser.close();
        if (utf8 != null) {
            utf8.close();
        }
    }
}
