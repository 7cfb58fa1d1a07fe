package dev.calls.media.peer;

/**
 * One {@code outbound-rtp} statistics object (W3C webrtc-stats): what this peer sent on one SSRC and the
 * feedback it got back for it.
 *
 * @param codec     MIME type of the codec in use, null before the first packet
 * @param nackCount NACKs the receiving side sent for this stream
 * @param pliCount  PLIs the receiving side sent for this stream (a keyframe request reached the sender)
 * @param firCount  FIRs the receiving side sent for this stream
 */
public record OutboundRtp(String id, String kind, long ssrc, String mid, String codec,
        long packetsSent, long bytesSent, long framesEncoded, long keyFramesEncoded,
        long nackCount, long pliCount, long firCount) {
}
