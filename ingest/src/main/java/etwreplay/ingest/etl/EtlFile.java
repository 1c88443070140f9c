package etwreplay.ingest.etl;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Positional reads from the trace file. Not thread-safe. */
final class EtlFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final long size;

    EtlFile(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /** Reads exactly {@code length} bytes at {@code position} into {@code dst[offset…]}. */
    void read(long position, byte[] dst, int offset, int length) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(dst, offset, length);
        long p = position;
        while (bb.hasRemaining()) {
            int n = channel.read(bb, p);
            if (n < 0) {
                throw new EOFException(path + ": unexpected end of file at offset " + p);
            }
            p += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
