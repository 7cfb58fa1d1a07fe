package dev.calls.media.peer;

/**
 * One trickled ICE candidate as signaling carries it: the {@code candidate:...} attribute value (without
 * {@code a=}) and the media section it belongs to. An empty {@code candidate} would mean end of candidates.
 */
public record IceCandidate(String sdpMid, int sdpMLineIndex, String candidate) {
}
