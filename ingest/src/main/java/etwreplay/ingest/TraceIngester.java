package etwreplay.ingest;

import etwreplay.ingest.event.TraceHeader;
import etwreplay.ingest.format.FormatDetector;
import etwreplay.ingest.format.ProgressListener;
import etwreplay.ingest.format.Readers;
import etwreplay.ingest.format.TraceFormat;
import etwreplay.ingest.format.TraceReader;
import etwreplay.ingest.store.Database;
import etwreplay.ingest.store.StoreException;
import etwreplay.ingest.store.TraceStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Ingests one trace file into a database: detects the format, refuses a file already ingested (same
 * content) unless asked to replace it, and writes the whole trace in one transaction.
 */
public final class TraceIngester {
    /** Bytes hashed for the quick duplicate pre-check. */
    private static final int HEAD_BYTES = 1 << 20;

    private final Database db;
    private final String toolVersion;

    public TraceIngester(Database db, String toolVersion) {
        this.db = db;
        this.toolVersion = toolVersion;
    }

    /**
     * @param forcedFormat the format to read the file as, or null to detect it from content
     * @param replace      re-ingest over an existing trace with the same content instead of refusing
     */
    public record Options(TraceFormat forcedFormat, boolean replace, ProgressListener progress) {
        public Options {
            progress = progress == null ? ProgressListener.NONE : progress;
        }

        public static Options defaults() {
            return new Options(null, false, null);
        }
    }

    /** The outcome: the stored summary, and which earlier trace was replaced, if any. */
    public record Result(TraceStore.Summary summary, TraceFormat format, Integer replacedTraceId) {
    }

    /** The file was ingested before (same SHA-256 of its content). */
    public static final class AlreadyIngestedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int traceId;

        AlreadyIngestedException(Path file, TraceStore.ExistingTrace existing) {
            super(file + ": already ingested as trace " + existing.traceId() + " (" + existing.fileName()
                    + ", same content); use --replace to ingest it again");
            this.traceId = existing.traceId();
        }

        public int traceId() {
            return traceId;
        }
    }

    public Result ingest(Path file, Options options)
            throws BadInputException, AlreadyIngestedException, IOException, SQLException {
        if (!Files.exists(file)) {
            throw new BadInputException(file, null, "no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BadInputException(file, null, "not a readable file");
        }
        long size = Files.size(file);
        if (size == 0) {
            throw new BadInputException(file, "offset 0", "empty file");
        }
        TraceFormat format = options.forcedFormat();
        if (format == null) {
            format = FormatDetector.detect(file).orElseThrow(() -> new BadInputException(file, "offset 0",
                    "not a trace format etwreplay recognises (xperf dumper text, .etl, tracerpt XML/CSV, WPA CSV);"
                            + " use --format to force one"));
        }
        TraceFormat chosen = format;
        TraceReader reader = Readers.forFormat(format).orElseThrow(() -> new BadInputException(file, "offset 0",
                "format " + chosen.cliName() + " is not supported by this build yet"));

        TraceStore store = new TraceStore(db);
        String head = sha256(file, HEAD_BYTES);
        Integer replaceId = null;
        CompletableFuture<String> contentHash;
        List<TraceStore.ExistingTrace> candidates = store.findByHead(size, head);
        if (!candidates.isEmpty()) {
            String full = sha256(file, Long.MAX_VALUE);
            contentHash = CompletableFuture.completedFuture(full);
            Optional<TraceStore.ExistingTrace> same = store.findByContent(full);
            if (same.isPresent()) {
                if (!options.replace()) {
                    throw new AlreadyIngestedException(file, same.get());
                }
                replaceId = same.get().traceId();
            }
        } else {
            // Identical content implies an identical head, so no duplicate is possible: hash the whole file
            // on the other core while this one reads it.
            contentHash = CompletableFuture.supplyAsync(() -> {
                try {
                    return sha256(file, Long.MAX_VALUE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        TraceHeader header = new TraceHeader();
        try (TraceStore.Transaction tx = store.begin(replaceId)) {
            reader.read(file, tx.sink(), header, options.progress());
            String hash = joinHash(contentHash);
            TraceStore.SourceFile source = new TraceStore.SourceFile(file.getFileName().toString(),
                    file.toAbsolutePath().normalize().toString(), size, hash, head, format.cliName());
            TraceStore.Summary summary = tx.commit(source, header, toolVersion);
            return new Result(summary, format, replaceId);
        } catch (StoreException e) {
            throw new SQLException(e.getMessage(), e.getCause());
        }
    }

    private static String joinHash(CompletableFuture<String> hash) throws IOException {
        try {
            return hash.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw e;
        }
    }

    /** Hex SHA-256 of the first {@code limit} bytes of {@code file}. */
    static String sha256(Path file, long limit) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        byte[] buf = new byte[1 << 16];
        long remaining = limit;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (remaining > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, remaining))) > 0) {
                md.update(buf, 0, n);
                remaining -= n;
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
