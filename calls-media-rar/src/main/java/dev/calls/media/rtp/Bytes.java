package dev.calls.media.rtp;

/**
 * Network-order (big-endian) field access on a byte array, shared by the packet views of this package.
 * Callers check bounds before reading; these methods only assemble and split the bytes.
 */
final class Bytes {

    private Bytes() {
    }

    /** Whether {@code [off, off + len)} lies inside {@code buf}, written so that no sum can overflow. */
    static boolean isRange(byte[] buf, int off, int len) {
        return buf != null && off >= 0 && len >= 0 && off <= buf.length && len <= buf.length - off;
    }

    static int u16(byte[] buf, int off) {
        return (buf[off] & 0xFF) << 8 | buf[off + 1] & 0xFF;
    }

    static int u24(byte[] buf, int off) {
        return (buf[off] & 0xFF) << 16 | (buf[off + 1] & 0xFF) << 8 | buf[off + 2] & 0xFF;
    }

    static int i32(byte[] buf, int off) {
        return (buf[off] & 0xFF) << 24 | (buf[off + 1] & 0xFF) << 16 | (buf[off + 2] & 0xFF) << 8
                | buf[off + 3] & 0xFF;
    }

    static void put16(byte[] buf, int off, int value) {
        buf[off] = (byte) (value >>> 8);
        buf[off + 1] = (byte) value;
    }

    static void put24(byte[] buf, int off, int value) {
        buf[off] = (byte) (value >>> 16);
        buf[off + 1] = (byte) (value >>> 8);
        buf[off + 2] = (byte) value;
    }

    static void put32(byte[] buf, int off, int value) {
        buf[off] = (byte) (value >>> 24);
        buf[off + 1] = (byte) (value >>> 16);
        buf[off + 2] = (byte) (value >>> 8);
        buf[off + 3] = (byte) value;
    }

    static void put64(byte[] buf, int off, long value) {
        put32(buf, off, (int) (value >>> 32));
        put32(buf, off + 4, (int) value);
    }

    /** Throws if a writer's output of {@code len} bytes at {@code off} does not fit in {@code buf}. */
    static void requireRoom(byte[] buf, int off, int len) {
        if (!isRange(buf, off, len)) {
            throw new IllegalArgumentException("no room for " + len + " bytes at offset " + off);
        }
    }
}
