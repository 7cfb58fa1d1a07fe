package dev.calls.media.rtp;

import java.util.Objects;

/**
 * Full intra request, PSFB FMT 4 (RFC 5104 §4.3.1): FCI entries of the SSRC of the media sender asked for a
 * decoder refresh point and a command sequence number that the requester increments per new request
 * (followed by 24 reserved bits). The media source SSRC of the common part is unused and SHALL be 0
 * (§4.3.1.2); the target is the entry's SSRC.
 */
public final class FullIntraRequest extends FeedbackPacket {

    /** Size of one FCI entry. */
    public static final int ENTRY_LENGTH = 8;
    /** Size of a FIR with one entry. */
    public static final int SINGLE_LENGTH = MIN_LENGTH + ENTRY_LENGTH;

    @Override
    boolean acceptFci(byte[] buf, int fci, int length, int packetType, int fmt) {
        return packetType == RtcpPacketType.PAYLOAD_FEEDBACK && fmt == FMT_FIR && length >= ENTRY_LENGTH;
    }

    public int entryCount() {
        return fciLength() / ENTRY_LENGTH;
    }

    /** The SSRC of the media sender that entry {@code index} asks for a refresh. */
    public int entrySsrc(int index) {
        Objects.checkIndex(index, entryCount());
        return Bytes.i32(array(), fciOffset() + ENTRY_LENGTH * index);
    }

    /**
     * Writes a FIR with one entry asking {@code targetSsrc} for a refresh.
     *
     * @param sequenceNumber the command sequence number (low 8 bits); a new request must use a new one
     * @return {@link #SINGLE_LENGTH}
     * @throws IllegalArgumentException if it does not fit in {@code buf} at {@code off}
     */
    public static int write(byte[] buf, int off, int senderSsrc, int targetSsrc, int sequenceNumber) {
        Bytes.requireRoom(buf, off, SINGLE_LENGTH);
        writeFeedbackHeader(buf, off, FMT_FIR, RtcpPacketType.PAYLOAD_FEEDBACK, SINGLE_LENGTH, senderSsrc, 0);
        Bytes.put32(buf, off + MIN_LENGTH, targetSsrc);
        Bytes.put32(buf, off + MIN_LENGTH + 4, (sequenceNumber & 0xFF) << 24);
        return SINGLE_LENGTH;
    }
}
