package dev.calls.media.transport;

/**
 * What a datagram on the shared media port carries, told by its first byte as RFC 7983 §7 specifies for
 * multiplexing STUN, DTLS and SRTP/SRTCP on one port (ZRTP and TURN channels are not used by WebRTC here).
 */
public enum PacketKind {
    STUN,
    DTLS,
    RTP_OR_RTCP,
    UNKNOWN;

    /** RFC 7983 §7: [0..3] STUN, [20..63] DTLS, [128..191] RTP/RTCP; everything else is dropped. */
    public static PacketKind of(byte firstByte) {
        int b = firstByte & 0xFF;
        if (b <= 3) {
            return STUN;
        }
        if (b >= 20 && b <= 63) {
            return DTLS;
        }
        if (b >= 128 && b <= 191) {
            return RTP_OR_RTCP;
        }
        return UNKNOWN;
    }
}
