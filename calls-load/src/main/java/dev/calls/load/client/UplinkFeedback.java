package dev.calls.load.client;

/**
 * What a publisher received of the server's feedback on its video and did about it.
 *
 * @param nacks            Generic NACK packets (RFC 4585 §6.2.1) about its screen
 * @param retransmitted    packets sent again in answer
 * @param keyframeRequests PLIs and FIRs, each answered with a keyframe
 */
public record UplinkFeedback(long nacks, long retransmitted, long keyframeRequests) {

    /** What happened between {@code earlier} and this. */
    public UplinkFeedback since(UplinkFeedback earlier) {
        return new UplinkFeedback(nacks - earlier.nacks, retransmitted - earlier.retransmitted,
                keyframeRequests - earlier.keyframeRequests);
    }
}
