package etwreplay.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.testing.SharedTraces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Formats are recognised from content only: every test file of every format, the real files, edge cases. */
class FormatDetectorTest {
    private static Optional<TraceFormat> detect(String text) {
        return FormatDetector.detect(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
        "tracerpt-xml/kernel-x64.xml, TRACERPT_XML",
        "tracerpt-xml/samples/disk-read-foreign-context.xml, TRACERPT_XML",
        "tracerpt-csv/kernel-x86.csv, TRACERPT_CSV",
        "wpa/disk-usage-en-US-bom.csv, WPA_CSV",
        "wpa/disk-usage-pt-BR.csv, WPA_CSV",
        "wpa/disk-usage-windows-1252.csv, WPA_CSV",
        "wpa/cpu-usage-precise.csv, WPA_CSV",
        "xperf/era-2008.txt, XPERF_TEXT",
        "xperf/era-win10.txt, XPERF_TEXT"})
    void testResources(String resource, TraceFormat expected) throws Exception {
        assertEquals(Optional.of(expected), FormatDetector.detect(Path.of("src/test/resources/" + resource)));
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
    void realWpaExport() throws Exception {
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

    @Test
    void xmlThatStartsWithADoctypeOrCommentIsXml() {
        assertEquals(Optional.of(TraceFormat.TRACERPT_XML), detect("<!DOCTYPE Events [ ]>\n<Events/>"));
        assertEquals(Optional.of(TraceFormat.TRACERPT_XML), detect("<!-- tracerpt -->\n<Events/>"));
    }

    @Test
    void utf16TracerptCsvAsTracerptWritesItWithEnUnicode() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/tracerpt-csv/kernel-x86.csv"));
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        assertEquals(Optional.of(TraceFormat.TRACERPT_CSV), FormatDetector.detect(withBom));
    }
}
