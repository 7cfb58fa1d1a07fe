package dev.calls.media.sfu;

/**
 * A 20 ms Opus packet as a browser sends it: RTP header, the RFC 8285 one-byte extension block with the
 * audio level (id 1, RFC 6464, voice at -30 dBov) and the mid (id 4, "0"), and a 100-byte payload
 * (about 40 kbit/s), ids as in the publisher's offer.
 */
final class OpusPacket {

    static final int PAYLOAD_TYPE = 111;
    static final int AUDIO_LEVEL_ID = 1;
    static final int MID_ID = 4;
    static final int PAYLOAD_LENGTH = 100;
    static final int HEADER_LENGTH = 12 + 4 + 4;
    static final int LENGTH = HEADER_LENGTH + PAYLOAD_LENGTH;

    private OpusPacket() {
    }

    /** Writes packet {@code sequence} of the stream into {@code buf} at 0; returns its length. */
    static int write(byte[] buf, int ssrc, int sequence) {
        int timestamp = sequence * 960;
        buf[0] = (byte) 0x90;
        buf[1] = (byte) PAYLOAD_TYPE;
        buf[2] = (byte) (sequence >>> 8);
        buf[3] = (byte) sequence;
        writeInt(buf, 4, timestamp);
        writeInt(buf, 8, ssrc);
        buf[12] = (byte) 0xBE;
        buf[13] = (byte) 0xDE;
        buf[14] = 0;
        buf[15] = 1;
        buf[16] = (byte) (AUDIO_LEVEL_ID << 4);
        buf[17] = (byte) (0x80 | 30);
        buf[18] = (byte) (MID_ID << 4);
        buf[19] = '0';
        for (int i = 0; i < PAYLOAD_LENGTH; i++) {
            buf[HEADER_LENGTH + i] = (byte) (sequence + i);
        }
        return LENGTH;
    }

    private static void writeInt(byte[] buf, int at, int value) {
        buf[at] = (byte) (value >>> 24);
        buf[at + 1] = (byte) (value >>> 16);
        buf[at + 2] = (byte) (value >>> 8);
        buf[at + 3] = (byte) value;
    }
}
