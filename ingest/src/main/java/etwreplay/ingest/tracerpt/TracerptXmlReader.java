package etwreplay.ingest.tracerpt;

import etwreplay.ingest.text.CountingInputStream;
import com.ctc.wstx.exc.WstxEOFException;
import com.ctc.wstx.exc.WstxLazyException;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import etwreplay.ingest.BadInputException;
import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.TraceHeader;
import etwreplay.ingest.format.ProgressListener;
import etwreplay.ingest.format.TraceFormat;
import etwreplay.ingest.format.TraceReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * Reads {@code tracerpt trace.etl -of XML} output and exported event XML (FORMATS.md §6): a sequence of
 * {@code <Event>} elements, usually inside {@code <Events>}, each with {@code System},
 * {@code EventData/Data Name=…} (or {@code UserData}), {@code RenderingInfo} and, for classic kernel
 * events, {@code ExtendedTracingInfo/EventGuid}. Streaming (Woodstox StAX, as shipped with
 * jackson-dataformat-xml): one event in memory at a time, so memory stays flat for multi-GB files.
 *
 * <p>Safety: a document type declaration is refused outright — tracerpt never writes one, and DTDs are
 * what XXE (external entities) and "billion laughs" (entity expansion) attacks need. Nothing is ever
 * resolved: DTD support and external entities are off and the entity resolver refuses everything.
 *
 * <p>Damage: a file that ends inside an event (an export cut short) keeps the complete events before
 * it and counts {@link Anomaly#TRUNCATED_FILE}; any other well-formedness or encoding error is a
 * {@link BadInputException} with line and column.
 */
public final class TracerptXmlReader implements TraceReader {
    private static final long PROGRESS_EVERY_EVENTS = 1 << 14;
    private static final int READ_BUFFER_BYTES = 1 << 16;

    @Override
    public TraceFormat format() {
        return TraceFormat.TRACERPT_XML;
    }

    @Override
    public void read(Path file, EventSink sink, TraceHeader header, ProgressListener progress)
            throws IOException, BadInputException {
        RenderedEventMapper mapper = new RenderedEventMapper(sink, header);
        // Woodstox reads 4000 bytes at a time; 64 KiB reads from the file save most of the system calls.
        try (CountingInputStream in = new CountingInputStream(
                new BufferedInputStream(Files.newInputStream(file), READ_BUFFER_BYTES))) {
            XMLStreamReader r = null;
            try {
                r = secureFactory().createXMLStreamReader(in);
                new Pass(file, r, mapper, sink, progress, in).run();
            } catch (XMLStreamException e) {
                throw refused(file, e, r);
            } catch (WstxLazyException e) {
                throw refused(file, e.getCause() instanceof XMLStreamException x ? x : new XMLStreamException(e), r);
            } finally {
                if (r != null) {
                    try {
                        r.close();
                    } catch (XMLStreamException ignored) {
                        // Closing a parser that already failed; the stream itself is closed below.
                    }
                }
            }
            progress.progress(in.count(), mapper.events());
        }
        mapper.finish();
    }

    /** A StAX factory that reads no DTD and resolves no entity, whatever the document asks. */
    static XMLInputFactory secureFactory() {
        XMLInputFactory f = XmlFactory.builder().build().getXMLInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        // Speed only (issue #7): elements are matched by local name, so namespace URIs need not be interned.
        // (A larger input buffer is no option: Woodstox decodes a buffer ahead, so an invalid UTF-8 byte
        // further on would be reported before an earlier error, and the events before it lost.)
        f.setProperty(XMLInputFactory2.P_INTERN_NS_URIS, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("refused to resolve external entity " + systemId);
        });
        return f;
    }

    private static BadInputException refused(Path file, XMLStreamException e, XMLStreamReader r) {
        Location at = e.getLocation() != null ? e.getLocation() : r == null ? null : r.getLocation();
        String where = at == null || at.getLineNumber() < 0 ? null
                : "line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        if (String.valueOf(e.getMessage()).contains("Invalid UTF-8")) {
            // The decoder reports a position inside its buffer; find the first bad byte in the file itself.
            where = firstInvalidUtf8(file);
            return new BadInputException(file, where, "not UTF-8 as the XML declaration says (a file re-saved"
                    + " in another code page?)");
        }
        String message = String.valueOf(e.getMessage());
        // StAX messages repeat the location on a second line ("at [row,col]: …"): keep the first line.
        int nl = message.indexOf('\n');
        if (message.startsWith("ParseError at")) {
            message = nl < 0 ? message : message.substring(nl + 1);
            nl = message.indexOf('\n');
        }
        message = (nl < 0 ? message : message.substring(0, nl)).strip();
        return new BadInputException(file, where, "not well-formed XML: " + message);
    }

    /** {@code line N, byte offset M} of the first byte sequence that is not UTF-8, or null. */
    static String firstInvalidUtf8(Path file) {
        java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            byte[] buf = new byte[4];
            long offset = 0;
            long line = 1;
            int b;
            while ((b = in.read()) >= 0) {
                int len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
                buf[0] = (byte) b;
                int n = 1;
                while (n < len && n < 4) {
                    int next = in.read();
                    if (next < 0) {
                        break;
                    }
                    buf[n++] = (byte) next;
                }
                if (len == 0 || n < len) {
                    return "line " + line + ", byte offset " + offset;
                }
                try {
                    utf8.reset().decode(java.nio.ByteBuffer.wrap(buf, 0, n));
                } catch (java.nio.charset.CharacterCodingException bad) {
                    return "line " + line + ", byte offset " + offset;
                }
                if (b == '\n') {
                    line++;
                }
                offset += n;
            }
        } catch (IOException ignored) {
            // The parser's own error is reported without a position.
        }
        return null;
    }

    /** One read of one file. */
    private static final class Pass {
        private final Path file;
        private final XMLStreamReader r;
        private final RenderedEventMapper mapper;
        private final EventSink sink;
        private final ProgressListener progress;
        private final CountingInputStream in;
        private final RenderedEvent event = new RenderedEvent();
        private final EventXml eventXml;

        Pass(Path file, XMLStreamReader r, RenderedEventMapper mapper, EventSink sink, ProgressListener progress,
                CountingInputStream in) {
            this.file = file;
            this.r = r;
            this.mapper = mapper;
            this.sink = sink;
            this.progress = progress;
            this.in = in;
            this.eventXml = new EventXml(r, event);
        }

        void run() throws XMLStreamException, BadInputException {
            long eventLine = -1;
            try {
                while (r.hasNext()) {
                    int token = r.next();
                    if (token == XMLStreamConstants.DTD) {
                        throw new BadInputException(file, location(), "refused: the document has a document type"
                                + " declaration (<!DOCTYPE …>). tracerpt never writes one, and DTDs carry external-"
                                + "entity (XXE) and entity-expansion (\"billion laughs\") attacks; nothing was read");
                    }
                    if (token == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw new BadInputException(file, location(), "refused: entity reference &"
                                + r.getLocalName() + "; (entities are never expanded)");
                    }
                    if (token == XMLStreamConstants.START_ELEMENT && "Event".equals(r.getLocalName())) {
                        eventLine = r.getLocation().getLineNumber();
                        event.reset(sink, eventLine);
                        eventXml.read();
                        eventLine = -1;
                        mapper.map(event);
                        if (mapper.events() % PROGRESS_EVERY_EVENTS == 0) {
                            progress.progress(in.count(), mapper.events());
                        }
                    }
                }
            } catch (WstxEOFException e) {
                truncated(e, eventLine);
                return;
            }
            if (mapper.events() == 0) {
                throw new BadInputException(file, location(), "no <Event> element: not a tracerpt or event-log XML"
                        + " export (tracerpt trace.etl -of XML)");
            }
        }

        /** The file ends before the document does: keep what was complete, unless that is nothing. */
        private void truncated(WstxEOFException e, long eventLine) throws BadInputException {
            String where = e.getLocation() == null ? null : "line " + e.getLocation().getLineNumber();
            if (mapper.events() == 0) {
                throw new BadInputException(file, where, "the file ends before its first complete <Event>"
                        + " (truncated export?)");
            }
            sink.anomaly(Anomaly.TRUNCATED_FILE, where, eventLine > 0
                    ? "the <Event> that starts at line " + eventLine + " is not closed before the end of the file"
                    : "the file ends before the closing tag of its root element");
        }

        private String location() {
            Location l = r.getLocation();
            return "line " + l.getLineNumber() + ", column " + l.getColumnNumber();
        }
    }
}
