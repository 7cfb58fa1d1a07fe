package dev.calls.media.rtp;

/**
 * Tells RTCP from RTP when both share one transport (rtcp-mux). RFC 5761 §4: RTCP packet types 192–223
 * sit where an RTP header has the marker bit and payload type, and RTP payload types 64–95 are kept free
 * so that the second byte of a packet decides: 192–223 is RTCP, anything else is RTP.
 */
public final class RtcpMux {

    private RtcpMux() {
    }

    /**
     * Whether the packet in {@code buf[off, off + len)} is RTCP. A range outside the array or shorter than
     * the 4-byte RTCP common header answers {@code false}.
     */
    public static boolean isRtcp(byte[] buf, int off, int len) {
        if (!Bytes.isRange(buf, off, len) || len < 4) {
            return false;
        }
        int secondByte = buf[off + 1] & 0xFF;
        return secondByte >= 192 && secondByte <= 223;
    }
}
