package etwreplay.ingest.xperf;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.text.CountingInputStream;
import etwreplay.ingest.event.EventSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines (LF or CRLF), decoding each as UTF-8 and falling back to
 * Windows-1252 — the ANSI code page xperf writes on Western machines — with the fallback counted.
 * A UTF-8 BOM is skipped; UTF-16 input (BOM FF FE / FE FF, e.g. a PowerShell redirect) is transcoded.
 * Lines longer than {@link #MAX_LINE} bytes are skipped and counted, so one broken line cannot
 * exhaust memory. Not thread-safe.
 */
final class LineSource {
    /** Longest line kept: a CSwitch line is ~250 bytes, a long command line a few KiB. */
    static final int MAX_LINE = 1 << 20;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final InputStream in;
    private final EventSink sink;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private long lineNumber;
    private long bytesRead;
    private boolean started;
    /** Set for UTF-16 input, which is read through a decoding reader instead of byte by byte. */
    private java.io.BufferedReader wide;
    /** Bytes of UTF-16 input consumed after the first buffer. */
    private CountingInputStream wideCounter;

    LineSource(InputStream in, EventSink sink) {
        this.in = in;
        this.sink = sink;
    }

    long lineNumber() {
        return lineNumber;
    }

    long bytesRead() {
        return wideCounter == null ? bytesRead : bytesRead + wideCounter.count();
    }

    /** The next line without its terminator, or null at the end of the input. */
    String next() throws IOException {
        if (!started) {
            start();
        }
        if (wide != null) {
            String text = wide.readLine();
            if (text != null) {
                lineNumber++;
            }
            return text;
        }
        while (true) {
            int len = 0;
            boolean any = false;
            boolean overlong = false;
            while (true) {
                if (pos == limit && !fill()) {
                    break;
                }
                any = true;
                byte b = buf[pos++];
                if (b == '\n') {
                    break;
                }
                if (len == MAX_LINE) {
                    overlong = true;
                    continue;
                }
                if (len == line.length) {
                    line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE, line.length * 2));
                }
                line[len++] = b;
            }
            if (!any) {
                return null;
            }
            lineNumber++;
            if (overlong) {
                sink.anomaly(Anomaly.UNPARSEABLE_LINE, "line " + lineNumber,
                        "line longer than " + MAX_LINE + " bytes: " + decode(line, Math.min(len, 80)));
                continue;
            }
            if (len > 0 && line[len - 1] == '\r') {
                len--;
            }
            return decode(line, len);
        }
    }

    private String decode(byte[] bytes, int len) {
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
        }
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            String text = new String(bytes, 0, len, WINDOWS_1252);
            sink.anomaly(Anomaly.NON_UTF8_LINE, "line " + (lineNumber), text);
            return text;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        bytesRead += n;
        return true;
    }

    /** Looks at the first bytes for a byte-order mark. */
    private void start() throws IOException {
        started = true;
        if (!fill()) {
            return;
        }
        while (limit < 3) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n <= 0) {
                break;
            }
            limit += n;
            bytesRead += n;
        }
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        } else if (limit >= 2 && ((buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE
                || (buf[0] & 0xFF) == 0xFE && (buf[1] & 0xFF) == 0xFF)) {
            Charset charset = (buf[0] & 0xFF) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            InputStream rest = new java.io.SequenceInputStream(
                    new java.io.ByteArrayInputStream(buf, 2, limit - 2), wideCounter = new CountingInputStream(in));
            wide = new java.io.BufferedReader(new java.io.InputStreamReader(rest, charset), 1 << 16);
        }
    }
}
