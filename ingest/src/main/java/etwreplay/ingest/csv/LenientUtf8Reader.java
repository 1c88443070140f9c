package etwreplay.ingest.csv;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8, and any byte sequence that is not UTF-8 as Windows-1252 (the ANSI code page an export
 * gets on a Western machine, e.g. {@code µ} as the single byte 0xB5), counting each such line as
 * {@link Anomaly#NON_UTF8_LINE} instead of failing or silently substituting U+FFFD. Not thread-safe.
 */
final class LenientUtf8Reader extends Reader {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final InputStream in;
    private final EventSink sink;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean eof;
    private boolean flushed;
    /** Line of the next character handed out (1-based), for the anomaly's location. */
    private long line = 1;
    private long lastBadLine;

    LenientUtf8Reader(InputStream in, EventSink sink) {
        this.in = in;
        this.sink = sink;
        bytes.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (!bytes.hasRemaining() && eof) {
                if (!flushed) {
                    utf8.decode(bytes, out, true);
                    utf8.flush(out);
                    flushed = true;
                    continue;
                }
                return -1;
            }
            CoderResult r = utf8.decode(bytes, out, eof);
            if (r.isError()) {
                // Re-read the offending bytes as Windows-1252: one byte is one character there.
                int bad = r.length();
                if (out.remaining() < bad) {
                    break;
                }
                byte[] b = new byte[bad];
                bytes.get(b);
                String text = new String(b, WINDOWS_1252);
                out.put(text);
                countLinesUpTo(cbuf, off, out.position());
                if (line != lastBadLine) {
                    lastBadLine = line;
                    sink.anomaly(Anomaly.NON_UTF8_LINE, "line " + line, "bytes " + hex(b) + " read as '" + text + "'");
                }
            } else if (r.isUnderflow() && !eof) {
                fill();
            } else {
                break;
            }
        }
        int n = out.position() - off;
        countLinesUpTo(cbuf, off, out.position());
        counted = 0;
        return n == 0 ? -1 : n;
    }

    /** Characters of the current read call already counted for line numbers. */
    private int counted;

    private void countLinesUpTo(char[] cbuf, int off, int end) {
        for (int i = off + counted; i < end; i++) {
            if (cbuf[i] == '\n') {
                line++;
            }
        }
        counted = end - off;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X", x & 0xFF));
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
