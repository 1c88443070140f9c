package etwreplay.ingest.format;

import etwreplay.ingest.tracerpt.TracerptCsvReader;
import etwreplay.ingest.tracerpt.TracerptXmlReader;
import etwreplay.ingest.wpa.WpaCsvReader;
import etwreplay.ingest.etl.EtlReader;
import etwreplay.ingest.xperf.XperfDumperReader;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The reader for each format this build supports. */
public final class Readers {
    private static final Map<TraceFormat, Supplier<TraceReader>> READERS = new EnumMap<>(TraceFormat.class);

    static {
        READERS.put(TraceFormat.XPERF_TEXT, XperfDumperReader::new);
        READERS.put(TraceFormat.TRACERPT_XML, TracerptXmlReader::new);
        READERS.put(TraceFormat.TRACERPT_CSV, TracerptCsvReader::new);
        READERS.put(TraceFormat.WPA_CSV, WpaCsvReader::new);
        READERS.put(TraceFormat.ETL, EtlReader::new);
    }

    private Readers() {
    }

    /** A fresh reader for {@code format}, or empty when this build cannot read it yet. */
    public static Optional<TraceReader> forFormat(TraceFormat format) {
        Supplier<TraceReader> s = READERS.get(format);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }
}
