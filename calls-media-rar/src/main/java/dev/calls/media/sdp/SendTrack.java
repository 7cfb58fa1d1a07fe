package dev.calls.media.sdp;

import java.util.Objects;

/**
 * A track the server forwards to a session: labelled by msid as the contract says (stream id = the
 * sender's session id, track id = {@code voice_}, {@code screen_} or {@code screen-audio_} + that id),
 * sent with the server's own SSRC and the payload type this session uses for the track's codec.
 */
public record SendTrack(String streamId, String trackId, long ssrc, int payloadType) {

    public SendTrack {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(trackId, "trackId");
        if (ssrc < 0 || ssrc > 0xFFFFFFFFL || payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("ssrc or payload type out of range");
        }
    }

    /**
     * The RTCP CNAME (RFC 3550 §6.5.1) of the forwarded source: the sender's session id, so that a
     * participant's voice and screen share one synchronisation context at the receiver.
     */
    public String cname() {
        return streamId;
    }

    public Msid msid() {
        return new Msid(streamId, trackId);
    }
}
