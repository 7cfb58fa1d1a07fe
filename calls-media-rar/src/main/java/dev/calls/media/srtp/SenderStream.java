package dev.calls.media.srtp;

/** What a sender tracks per SSRC: the highest SRTP index used and the next SRTCP index. */
final class SenderStream {

    /** Negative until the first RTP packet, which starts the stream at ROC 0 (RFC 3711 §3.3.1). */
    private long highestRtpIndex = -1;
    private int nextRtcpIndex;

    /**
     * The index for an outgoing {@code seq}: the ROC advances when SEQ wraps past 65535, and a
     * retransmitted or reordered older packet keeps the ROC it was first sent with (RFC 3711
     * Appendix A applied to our own packets). Negative if it falls before the stream's first packet.
     */
    long rtpIndex(int seq) {
        long index = highestRtpIndex < 0 ? seq : RtpPacketIndex.estimate(highestRtpIndex, seq);
        if (index > highestRtpIndex) {
            highestRtpIndex = index;
        }
        return index;
    }

    /** RFC 3711 §3.4: the SRTCP index starts at zero and counts packets modulo 2^31. */
    int nextRtcpIndex() {
        int index = nextRtcpIndex;
        nextRtcpIndex = index + 1 & 0x7FFF_FFFF;
        return index;
    }
}
