package etwreplay.ingest.etl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian reads from a byte array (everything in an ETL file is little-endian except the
 * network-order ports and addresses of TcpIp/UdpIp). Callers check bounds; these methods do not.
 */
final class LittleEndian {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16(byte[] b, int off) {
        return (short) I16.get(b, off) & 0xFFFF;
    }

    static int i32(byte[] b, int off) {
        return (int) I32.get(b, off);
    }

    static long u32(byte[] b, int off) {
        return (int) I32.get(b, off) & 0xFFFF_FFFFL;
    }

    static long i64(byte[] b, int off) {
        return (long) I64.get(b, off);
    }

    /** A pointer-sized value: 4 bytes zero-extended, or 8 bytes. */
    static long pointer(byte[] b, int off, int pointerSize) {
        return pointerSize == 8 ? i64(b, off) : u32(b, off);
    }

    /** A 16-bit value in network (big-endian) order, e.g. a TCP port. */
    static int u16BigEndian(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }
}
