package dev.calls.media.rtp;

/**
 * Picture loss indication, PSFB FMT 1 (RFC 4585 §6.3.1): asks the media source for a decodable picture. It
 * has no FCI; anything after the SSRCs is ignored.
 */
public final class PictureLossIndication extends FeedbackPacket {

    @Override
    boolean acceptFci(byte[] buf, int fci, int length, int packetType, int fmt) {
        return packetType == RtcpPacketType.PAYLOAD_FEEDBACK && fmt == FMT_PLI;
    }

    /**
     * Writes a PLI about {@code mediaSsrc}.
     *
     * @return {@link #MIN_LENGTH}
     * @throws IllegalArgumentException if it does not fit in {@code buf} at {@code off}
     */
    public static int write(byte[] buf, int off, int senderSsrc, int mediaSsrc) {
        Bytes.requireRoom(buf, off, MIN_LENGTH);
        writeFeedbackHeader(buf, off, FMT_PLI, RtcpPacketType.PAYLOAD_FEEDBACK, MIN_LENGTH, senderSsrc,
                mediaSsrc);
        return MIN_LENGTH;
    }
}
