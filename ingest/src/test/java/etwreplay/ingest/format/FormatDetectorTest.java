package etwreplay.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.testing.SharedTraces;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {
    private static Optional<TraceFormat> detect(String text) {
        return FormatDetector.detect(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void xperfTextByItsBeginHeaderLine() {
        assertEquals(Optional.of(TraceFormat.XPERF_TEXT), detect("BeginHeader\r\nP-Start, TimeStamp\r\nEndHeader\r\n"));
        assertEquals(Optional.of(TraceFormat.XPERF_TEXT), detect("\uFEFFBeginHeader\nEndHeader\n"));
    }

    @Test
    void everyRealEtlFileIsRecognisedAsEtl() throws Exception {
        for (String f : new String[] {"net.4.5.2.x64.etl", "AMSITrace.etl", "lxcore_kernel.etl",
            "ShutdownPerfDiagLogger.etl"}) {
            assertEquals(Optional.of(TraceFormat.ETL), FormatDetector.detect(SharedTraces.trace("etl/" + f)), f);
        }
    }

    @Test
    void theRealWpaExportIsRecognisedAsWpaCsv() throws Exception {
        assertEquals(Optional.of(TraceFormat.WPA_CSV),
                FormatDetector.detect(SharedTraces.trace("wpa-csv/Disk_Usage_Utilization_by_Disk.csv")));
    }

    @Test
    void binaryGarbageAndProseAreNotTraces() {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        assertEquals(Optional.empty(), FormatDetector.detect(garbage));
        assertEquals(Optional.empty(), detect("just some words\nand more words\n"));
    }

    @Test
    void aHugeFirstLineIsNotACsvHeader() {
        assertEquals(Optional.empty(), detect("a," + "9,".repeat(20_000) + "\nb,c\n"));
    }

    @Test
    void xmlByItsProlog() {
        assertEquals(Optional.of(TraceFormat.TRACERPT_XML), detect("<?xml version=\"1.0\"?>\n<Events>"));
    }
}
