package dev.calls.media.rtp;

/** RTCP packet type numbers (RFC 3550 §12.1, RFC 4585 §6.1). */
public final class RtcpPacketType {

    public static final int SENDER_REPORT = 200;
    public static final int RECEIVER_REPORT = 201;
    /** RTPFB, transport layer feedback (RFC 4585 §6.1). */
    public static final int TRANSPORT_FEEDBACK = 205;
    /** PSFB, payload-specific feedback (RFC 4585 §6.1). */
    public static final int PAYLOAD_FEEDBACK = 206;

    private RtcpPacketType() {
    }
}
