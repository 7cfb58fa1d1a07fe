package dev.calls.media.rtp;

/**
 * An RTCP feedback message (RFC 4585 §6.1): transport layer (RTPFB, type 205) or payload-specific (PSFB,
 * type 206), with the feedback message type (FMT) in the count field, the SSRC of the packet's sender, the
 * SSRC of the media source it is about, and feedback control information (FCI). This class reads any such
 * message, for instance transport-wide congestion control (RTPFB FMT 15), which an SFU only identifies and
 * skips; its subclasses check and read the FCI of the messages an SFU acts on.
 */
public sealed class FeedbackPacket extends RtcpPacket
        permits GenericNack, PictureLossIndication, FullIntraRequest {

    /** RTPFB FMT of the generic NACK (RFC 4585 §6.2.1). */
    public static final int FMT_GENERIC_NACK = 1;
    /** PSFB FMT of the picture loss indication (RFC 4585 §6.3.1). */
    public static final int FMT_PLI = 1;
    /** PSFB FMT of the full intra request (RFC 5104 §4.3.1). */
    public static final int FMT_FIR = 4;

    /** Size of the header, sender SSRC and media source SSRC, before the FCI. */
    public static final int MIN_LENGTH = 12;

    private int fciLength;

    @Override
    final boolean accept(byte[] buf, int off, int contentEnd) {
        int type = buf[off + 1] & 0xFF;
        if (type != RtcpPacketType.TRANSPORT_FEEDBACK && type != RtcpPacketType.PAYLOAD_FEEDBACK
                || contentEnd - off < MIN_LENGTH) {
            return false;
        }
        fciLength = contentEnd - off - MIN_LENGTH;
        return acceptFci(buf, off + MIN_LENGTH, fciLength, type, buf[off] & 0x1F);
    }

    /** Whether the FCI at {@code fci} of {@code length} bytes suits this view's message; any, here. */
    boolean acceptFci(byte[] buf, int fci, int length, int packetType, int fmt) {
        return true;
    }

    /** The feedback message type. */
    public final int fmt() {
        return count();
    }

    public final int senderSsrc() {
        return word(4);
    }

    public final int mediaSsrc() {
        return word(8);
    }

    /** Absolute offset of the FCI. */
    public final int fciOffset() {
        return offset() + MIN_LENGTH;
    }

    /** Length of the FCI in bytes, padding excluded. */
    public final int fciLength() {
        array();
        return fciLength;
    }

    /** Writes the header, sender and media SSRCs of a feedback message of {@code length} bytes. */
    static void writeFeedbackHeader(byte[] buf, int off, int fmt, int packetType, int length, int senderSsrc,
            int mediaSsrc) {
        writeHeader(buf, off, fmt, packetType, length);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, mediaSsrc);
    }
}
