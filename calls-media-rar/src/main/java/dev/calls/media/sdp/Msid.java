package dev.calls.media.sdp;

import java.util.Objects;

/**
 * {@code a=msid} (RFC 8830 §2): the MediaStream id and the track id ({@code null} when absent) of the
 * track sent in an m-section. A stream id of {@code -} means the track belongs to no stream.
 */
public record Msid(String streamId, String trackId) {

    public Msid {
        Objects.requireNonNull(streamId, "streamId");
    }

    static Msid parse(String value) throws SdpParseException {
        String[] t = SdpTokens.split(value);
        if (t.length == 0 || t.length > 2) {
            throw new SdpParseException("msid needs 'stream-id [track-id]'");
        }
        return new Msid(t[0], t.length == 2 ? t[1] : null);
    }

    String sdpValue() {
        return trackId == null ? streamId : streamId + ' ' + trackId;
    }
}
