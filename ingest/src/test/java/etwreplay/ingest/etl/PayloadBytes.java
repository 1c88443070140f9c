package etwreplay.ingest.etl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds an event payload byte by byte for one pointer size. {@link #at(int, int)} asserts that the next
 * field starts at the offset a documented layout gives for x86 / x64, so a fixture is checked against
 * the document (SCHEMAS.md tables) as it is written, independently of the decoder's layout specs.
 */
final class PayloadBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int pointerSize;

    PayloadBytes(int pointerSize) {
        this.pointerSize = pointerSize;
    }

    /** Asserts the documented offset of the next field: {@code x86} with 4-byte, {@code x64} with 8-byte pointers. */
    PayloadBytes at(int x86, int x64) {
        int want = pointerSize == 4 ? x86 : x64;
        if (out.size() != want) {
            throw new AssertionError("fixture field at " + out.size() + ", document says " + want);
        }
        return this;
    }

    PayloadBytes u8(int v) {
        out.write(v);
        return this;
    }

    PayloadBytes u16(int v) {
        out.write(v);
        out.write(v >>> 8);
        return this;
    }

    PayloadBytes u32(long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    PayloadBytes u64(long v) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    /** A pointer-sized value (truncated to 32 bits for x86). */
    PayloadBytes ptr(long v) {
        return pointerSize == 4 ? u32(v) : u64(v);
    }

    PayloadBytes utf16(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        out.write(b, 0, b.length);
        return u16(0);
    }

    PayloadBytes ansi(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        return u8(0);
    }

    PayloadBytes bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
