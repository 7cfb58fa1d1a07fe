package dev.calls.media.srtp;

/**
 * The 48-bit SRTP packet index, ROC * 2^16 + SEQ, of a packet that carries only its 16-bit SEQ
 * (RFC 3711 §3.3.1 and Appendix A).
 */
final class RtpPacketIndex {

    private static final int HALF_SEQUENCE = 32768;

    private RtpPacketIndex() {
    }

    /**
     * Guesses the index of {@code seq} from the highest index seen: the ROC of that index, or one
     * more or one less, whichever puts the packet nearest (RFC 3711 Appendix A). Negative when the
     * guess would be "before ROC 0", a packet older than the stream's start.
     */
    static long estimate(long highest, int seq) {
        long roc = highest >>> 16;
        int highestSeq = (int) highest & 0xFFFF;
        long guess;
        if (highestSeq < HALF_SEQUENCE) {
            guess = seq - highestSeq > HALF_SEQUENCE ? roc - 1 : roc;
        } else {
            guess = highestSeq - HALF_SEQUENCE > seq ? roc + 1 : roc;
        }
        return guess << 16 | seq;
    }
}
