package etwreplay.bench.gen;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes generated traces: {@code Generate DIR NAME EVENTS SEED FORMAT...} with formats {@code xperf},
 * {@code xml}, {@code etl64}, {@code etl32}; or {@code Generate DIR NAME --net-repeat BYTES SOURCE.etl}.
 * Each generated trace gets a {@code NAME.counts} file beside it: the expected rows per table.
 * Deterministic: the same EVENTS and SEED give byte-identical files.
 */
public final class Generate {
    private Generate() {
    }

    /** What one generation wrote. */
    public record Written(Path file, long bytes, long events, Map<String, Long> counts) {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String name = args[1];
        Files.createDirectories(dir);
        if (args[2].equals("--net-repeat")) {
            Written w = netRepeat(Path.of(args[4]), dir.resolve(name + ".etl"), Long.parseLong(args[3]));
            System.out.printf(Locale.ROOT, "%s %d bytes%n", w.file(), w.bytes());
            return;
        }
        long events = Long.parseLong(args[2]);
        long seed = Long.parseLong(args[3]);
        for (int i = 4; i < args.length; i++) {
            Written w = generate(dir, name, args[i], events, seed);
            System.out.printf(Locale.ROOT, "%s %d bytes %d events%n", w.file(), w.bytes(), w.events());
        }
    }

    /** The file name suffix of a format. */
    public static String fileName(String name, String format) {
        return switch (format) {
            case "xperf" -> name + ".txt";
            case "xml" -> name + ".xml";
            case "etl64" -> name + ".x64.etl";
            case "etl32" -> name + ".x86.etl";
            default -> throw new IllegalArgumentException("format " + format + " (xperf, xml, etl64, etl32)");
        };
    }

    /** Generates one trace of about {@code events} events (the model finishes the I/O in flight). */
    public static Written generate(Path dir, String name, String format, long events, long seed) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName(name, format));
        EventWriter w = switch (format) {
            case "xperf" -> new XperfTextWriter(file);
            case "xml" -> new TracerptXmlWriter(file);
            case "etl64" -> new EtlWriter(file, 8);
            case "etl32" -> new EtlWriter(file, 4);
            default -> throw new IllegalArgumentException(format);
        };
        TraceModel model = new TraceModel(TraceModel.Params.of(seed, events));
        model.run(w);
        List<String> lines = new ArrayList<>();
        model.counts().forEach((k, v) -> lines.add(k + "=" + v));
        lines.add("events=" + model.events());
        Files.write(dir.resolve(file.getFileName() + ".counts"), lines, StandardCharsets.UTF_8);
        return new Written(file, Files.size(file), model.events(), model.counts());
    }

    /** Events of the model that make about {@code textBytes} of xperf text (measured on a sample). */
    public static long eventsForTextBytes(long textBytes, long seed) throws IOException {
        Path tmp = Files.createTempFile("etwreplay-sizing", ".txt");
        try {
            long sample = 200_000;
            XperfTextWriter w = new XperfTextWriter(tmp);
            TraceModel model = new TraceModel(TraceModel.Params.of(seed, sample));
            model.run(w);
            double perEvent = (double) w.bytes() / model.events();
            return Math.max(1000, (long) (textBytes / perEvent));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The real trace's buffers repeated until the file holds about {@code bytes}. */
    public static Written netRepeat(Path source, Path target, long bytes) throws IOException {
        long once = EtlBufferRepeater.write(source, target, 1);
        int repeats = (int) Math.max(1, Math.round((double) bytes / once));
        long size = EtlBufferRepeater.write(source, target, repeats);
        return new Written(target, size, -1, Map.of("repeats", (long) repeats));
    }

    static void writeAll(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }
}
