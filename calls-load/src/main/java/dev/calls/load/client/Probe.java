package dev.calls.load.client;

/**
 * The last bytes of every payload a simulated participant sends: the send time ({@link System#nanoTime()},
 * comparable because senders and receivers share one JVM) and the sender's number, so that a receiver
 * measures forwarding latency and sees that the payload arrived intact after decryption.
 */
final class Probe {

    static final int LENGTH = 12;

    private Probe() {
    }

    static void write(byte[] buf, int at, long nanos, int senderId) {
        for (int i = 0; i < 8; i++) {
            buf[at + i] = (byte) (nanos >>> (56 - 8 * i));
        }
        RtpWriter.writeInt(buf, at + 8, senderId);
    }

    static long nanos(byte[] buf, int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (buf[at + i] & 0xFF);
        }
        return value;
    }

    static int senderId(byte[] buf, int at) {
        return (buf[at + 8] & 0xFF) << 24 | (buf[at + 9] & 0xFF) << 16 | (buf[at + 10] & 0xFF) << 8 | (buf[at + 11] & 0xFF);
    }
}
