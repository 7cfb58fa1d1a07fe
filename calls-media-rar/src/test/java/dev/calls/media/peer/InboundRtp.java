package dev.calls.media.peer;

/**
 * One {@code inbound-rtp} statistics object (W3C webrtc-stats): what this peer received on one SSRC.
 * Counters a kind does not have (frames for audio, audio energy for video) are 0.
 *
 * @param codec            MIME type of the codec in use, e.g. {@code audio/opus}, {@code video/VP8}; null
 *                         before the first packet
 * @param audioLevel       the most recent level, 0..1
 * @param totalAudioEnergy sum over decoded samples of level squared times duration; grows only with sound
 * @param nackCount        NACKs this peer sent for the stream
 * @param pliCount         PLIs this peer sent for the stream
 * @param firCount         FIRs this peer sent for the stream
 */
public record InboundRtp(String id, String kind, long ssrc, String mid, String trackIdentifier, String codec,
        long packetsReceived, long bytesReceived, long packetsLost, double audioLevel, double totalAudioEnergy,
        long framesDecoded, long keyFramesDecoded, long frameWidth, long frameHeight,
        long nackCount, long pliCount, long firCount) {
}
