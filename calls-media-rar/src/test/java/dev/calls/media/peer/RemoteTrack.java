package dev.calls.media.peer;

import java.util.List;

/**
 * A track the remote side sends to this peer, as announced by a remote description.
 *
 * @param mid             the media section it arrives in
 * @param kind            {@code audio} or {@code video}
 * @param streamIds       the MediaStream ids of its msid (RFC 8830), empty when it has none
 * @param trackId         the msid track id (appdata) the remote side gave it, or the receiver's track id
 *                        when the remote description carries none
 * @param receiverTrackId the id libwebrtc gave the local receiving track, which is what inbound-rtp
 *                        statistics call {@code trackIdentifier}
 */
public record RemoteTrack(String mid, String kind, List<String> streamIds, String trackId, String receiverTrackId) {

    public RemoteTrack {
        streamIds = List.copyOf(streamIds);
    }

    /** Whether {@code id} is this track's msid track id, receiver track id or one of its stream ids. */
    public boolean matches(String id) {
        return id.equals(trackId) || id.equals(receiverTrackId) || streamIds.contains(id);
    }
}
