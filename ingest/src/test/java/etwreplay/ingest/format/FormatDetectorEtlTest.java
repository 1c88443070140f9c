package etwreplay.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import etwreplay.ingest.testing.SharedTraces;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ETL is recognised by content (FORMATS.md §8), for every real file, and text is not mistaken for it. */
class FormatDetectorEtlTest {

    @ParameterizedTest
    @ValueSource(strings = {"ShutdownPerfDiagLogger.etl", "AMSITrace.etl", "lxcore_kernel.etl", "net.4.5.2.x64.etl"})
    void everySharedEtlFileIsDetectedAsEtl(String name) throws Exception {
        assertEquals(Optional.of(TraceFormat.ETL), FormatDetector.detect(SharedTraces.trace("etl/" + name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ShutdownPerfDiagLogger.etl", "net.4.5.2.x64.etl"})
    void aDamagedFirstEventIsNotEtl(String name) throws Exception {
        byte[] head = Arrays.copyOf(Files.readAllBytes(SharedTraces.trace("etl/" + name)), FormatDetector.PROBE_BYTES);
        head[0x48 + 3] = 0; // marker flags of the header event
        assertFalse(FormatDetector.looksLikeEtl(head));
    }

    @ParameterizedTest
    @ValueSource(strings = {"disk-read-foreign-context.txt", "messy-export.txt"})
    void xperfTextIsNotEtl(String name) throws Exception {
        assertEquals(Optional.of(TraceFormat.XPERF_TEXT), FormatDetector.detect(SharedTraces.sample(name)));
    }
}
