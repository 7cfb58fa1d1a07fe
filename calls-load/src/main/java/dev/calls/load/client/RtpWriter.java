package dev.calls.load.client;

/**
 * Writes the RTP packets of a simulated browser's track in place (RFC 3550 §5.1) with an RFC 8285
 * one-byte header extension block: the RFC 6464 audio level for audio (voice flag set, so the server
 * sees a speaker) and the mid of the BUNDLE section (RFC 8843 §15). The payload is filler of the
 * requested size ending with a {@link Probe}. One instance per sent track; not thread-safe.
 */
final class RtpWriter {

    /** Fixed header plus one 32-bit word of extension header plus one word of elements. */
    static final int HEADER_LENGTH = 12 + 4 + 4;

    private final int ssrc;
    private final int payloadType;
    private final byte mid;
    private final boolean audio;
    private int sequence;

    RtpWriter(int ssrc, int payloadType, String mid, boolean audio, int firstSequence) {
        this.ssrc = ssrc;
        this.payloadType = payloadType;
        this.mid = (byte) mid.charAt(0);
        this.audio = audio;
        this.sequence = firstSequence;
    }

    /**
     * Writes the next packet at {@code buf[0]}; returns its length, {@link #HEADER_LENGTH} + payloadLength.
     *
     * @param level the audio level in -dBov (0 loudest, 127 silence); ignored for video
     */
    int write(byte[] buf, int timestamp, boolean marker, int payloadLength, int level, int senderId, long nowNanos) {
        buf[0] = (byte) 0x90; // V=2, no padding, X=1, no CSRC
        buf[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        buf[2] = (byte) (sequence >>> 8);
        buf[3] = (byte) sequence;
        sequence = (sequence + 1) & 0xFFFF;
        writeInt(buf, 4, timestamp);
        writeInt(buf, 8, ssrc);
        buf[12] = (byte) 0xBE; // RFC 8285 §4.2 one-byte form
        buf[13] = (byte) 0xDE;
        buf[14] = 0;
        buf[15] = 1; // one word of elements
        if (audio) {
            // RFC 6464 §3: element id, length-1 = 0, then V flag and level.
            buf[16] = (byte) (ClientOffer.AUDIO_LEVEL_ID << 4);
            buf[17] = (byte) (0x80 | (level & 0x7F));
            buf[18] = (byte) (ClientOffer.MID_ID << 4);
            buf[19] = mid;
        } else {
            buf[16] = (byte) (ClientOffer.MID_ID << 4);
            buf[17] = mid;
            buf[18] = 0; // padding elements (RFC 8285 §4.2)
            buf[19] = 0;
        }
        int payloadEnd = HEADER_LENGTH + payloadLength;
        for (int i = HEADER_LENGTH; i < payloadEnd - Probe.LENGTH; i++) {
            buf[i] = (byte) i;
        }
        Probe.write(buf, payloadEnd - Probe.LENGTH, nowNanos, senderId);
        return payloadEnd;
    }

    static void writeInt(byte[] buf, int at, int value) {
        buf[at] = (byte) (value >>> 24);
        buf[at + 1] = (byte) (value >>> 16);
        buf[at + 2] = (byte) (value >>> 8);
        buf[at + 3] = (byte) value;
    }
}
