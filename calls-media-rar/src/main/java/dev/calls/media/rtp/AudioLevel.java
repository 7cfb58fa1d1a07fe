package dev.calls.media.rtp;

/**
 * The client-to-mixer audio level header extension (RFC 6464 §3): one data byte, the V flag (the sender's
 * voice activity decision) in the top bit and the level in -dBov (0 loudest, 127 silence) in the low seven.
 * The extension id is negotiated per session (extmap URI {@code urn:ietf:params:rtp-hdrext:ssrc-audio-level}).
 */
public final class AudioLevel {

    /** The level RFC 6464 §3 uses for silence (-127 dBov). */
    public static final int SILENCE = 127;

    private AudioLevel() {
    }

    /**
     * Reads the audio level element with local identifier {@code extensionId} from a wrapped packet.
     *
     * @return the element's data byte (0–255) to pass to {@link #voiceActivity} and {@link #level}, or -1
     *         when the packet has no such element or it carries no data byte
     */
    public static int read(RtpPacket packet, int extensionId) {
        RtpHeaderExtension extension = packet.extension();
        int data = extension.find(extensionId);
        if (data < 0 || extension.dataLength(data) < 1) {
            return -1;
        }
        return packet.array()[data] & 0xFF;
    }

    /** The V flag of a data byte from {@link #read}: whether the sender judged the packet to hold voice. */
    public static boolean voiceActivity(int data) {
        return (data & 0x80) != 0;
    }

    /** The level of a data byte from {@link #read}, in -dBov: 0 (loudest) to 127 (silence). */
    public static int level(int data) {
        return data & 0x7F;
    }
}
