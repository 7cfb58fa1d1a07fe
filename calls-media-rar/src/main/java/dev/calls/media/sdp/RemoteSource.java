package dev.calls.media.sdp;

/**
 * A source the client announced it sends: its SSRC and the msid of its track (RFC 8830), taken from the
 * source-level {@code msid} when present, else the section's {@code a=msid}. Stream and track id are
 * {@code null} when the description does not say.
 */
public record RemoteSource(long ssrc, String streamId, String trackId) {
}
