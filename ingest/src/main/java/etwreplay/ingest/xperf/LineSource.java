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
    /** Whether the bytes {@link #endOfLine} last scanned were all ASCII. */
    private boolean ascii;
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
            if (pos == limit && !fill()) {
                return null;
            }
            int end = endOfLine(pos);
            if (end < limit && end - pos <= MAX_LINE) {
                // The whole line is in the buffer (almost always): decode it from there, without a copy.
                int start = pos;
                pos = end + 1;
                lineNumber++;
                return decode(buf, start, withoutCr(buf, start, end - start), ascii);
            }
            int len = 0;
            boolean allAscii = true;
            boolean overlong = false;
            while (true) {
                int n = end - pos;
                int take = Math.min(n, MAX_LINE - len);
                overlong |= take < n;
                if (len + take > line.length) {
                    line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE, Math.max(len + take, line.length * 2)));
                }
                System.arraycopy(buf, pos, line, len, take);
                len += take;
                allAscii &= ascii;
                if (end < limit) {
                    pos = end + 1;
                    break;
                }
                pos = limit;
                if (!fill()) {
                    break;
                }
                end = endOfLine(pos);
            }
            lineNumber++;
            if (overlong) {
                // Decoded as UTF-8 whatever its bytes: for ASCII that is the same text.
                sink.anomaly(Anomaly.UNPARSEABLE_LINE, "line " + lineNumber,
                        "line longer than " + MAX_LINE + " bytes: " + decode(line, 0, Math.min(len, 80), false));
                continue;
            }
            return decode(line, 0, withoutCr(line, 0, len), allAscii);
        }
    }

    /**
     * Index of the next LF in the buffer from {@code from}, or {@link #limit} when there is none; sets
     * {@link #ascii} to whether the bytes before it are all ASCII (one pass for both).
     */
    private int endOfLine(int from) {
        int high = 0;
        int i = from;
        while (i < limit) {
            byte b = buf[i];
            if (b == '\n') {
                break;
            }
            high |= b;
            i++;
        }
        ascii = high >= 0;
        return i;
    }

    private static int withoutCr(byte[] bytes, int from, int len) {
        return len > 0 && bytes[from + len - 1] == '\r' ? len - 1 : len;
    }

    private String decode(byte[] bytes, int from, int len, boolean allAscii) {
        if (allAscii) {
            return new String(bytes, from, len, StandardCharsets.ISO_8859_1);
        }
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, from, len)).toString();
        } catch (CharacterCodingException e) {
            String text = new String(bytes, from, len, WINDOWS_1252);
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
