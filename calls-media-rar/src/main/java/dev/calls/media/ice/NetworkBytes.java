package dev.calls.media.ice;

/** Big-endian ("network order", RFC 8489 §5) reads and writes on a byte array. */
final class NetworkBytes {
    private NetworkBytes() {
    }

    static int readUnsignedShort(byte[] buf, int at) {
        return (buf[at] & 0xFF) << 8 | (buf[at + 1] & 0xFF);
    }

    static int readInt(byte[] buf, int at) {
        return (buf[at] & 0xFF) << 24 | (buf[at + 1] & 0xFF) << 16 | (buf[at + 2] & 0xFF) << 8 | (buf[at + 3] & 0xFF);
    }

    static long readLong(byte[] buf, int at) {
        return (long) readInt(buf, at) << 32 | (readInt(buf, at + 4) & 0xFFFF_FFFFL);
    }

    static void writeShort(byte[] buf, int at, int value) {
        buf[at] = (byte) (value >>> 8);
        buf[at + 1] = (byte) value;
    }

    static void writeInt(byte[] buf, int at, int value) {
        buf[at] = (byte) (value >>> 24);
        buf[at + 1] = (byte) (value >>> 16);
        buf[at + 2] = (byte) (value >>> 8);
        buf[at + 3] = (byte) value;
    }

    static void writeLong(byte[] buf, int at, long value) {
        writeInt(buf, at, (int) (value >>> 32));
        writeInt(buf, at + 4, (int) value);
    }
}
