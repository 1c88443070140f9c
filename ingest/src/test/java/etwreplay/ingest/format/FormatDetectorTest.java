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

/** Formats are recognised from content only: every tracerpt and WPA test file, and the edge cases. */
class FormatDetectorTest {
    @ParameterizedTest
    @CsvSource({
        "tracerpt-xml/kernel-x64.xml, TRACERPT_XML",
        "tracerpt-xml/samples/disk-read-foreign-context.xml, TRACERPT_XML",
        "tracerpt-csv/kernel-x86.csv, TRACERPT_CSV",
        "wpa/disk-usage-en-US-bom.csv, WPA_CSV",
        "wpa/disk-usage-pt-BR.csv, WPA_CSV",
        "wpa/disk-usage-windows-1252.csv, WPA_CSV",
        "wpa/cpu-usage-precise.csv, WPA_CSV"})
    void testResources(String resource, TraceFormat expected) throws Exception {
        assertEquals(Optional.of(expected), FormatDetector.detect(Path.of("src/test/resources/" + resource)));
    }

    @Test
    void realWpaExport() throws Exception {
        assertEquals(Optional.of(TraceFormat.WPA_CSV),
                FormatDetector.detect(SharedTraces.trace("wpa-csv/Disk_Usage_Utilization_by_Disk.csv")));
    }

    @Test
    void xmlThatStartsWithADoctypeOrCommentIsXml() {
        assertEquals(Optional.of(TraceFormat.TRACERPT_XML),
                FormatDetector.detect("<!DOCTYPE Events [ ]>\n<Events/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(TraceFormat.TRACERPT_XML),
                FormatDetector.detect("<!-- tracerpt -->\n<Events/>".getBytes(StandardCharsets.UTF_8)));
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
