package dev.calls.media.sdp;

import java.util.Objects;

/**
 * One m-section of a session as the server sees it: its mid, kind, the direction from the server's side,
 * and for a section the server sends on, the forwarded track. The session's list of transceivers, in the
 * order new sections should be added, drives {@link OfferBuilder} and the send side of
 * {@link AnswerBuilder}.
 */
public record Transceiver(String mid, MediaKind kind, Direction direction, SendTrack sendTrack) {

    public Transceiver {
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(direction, "direction");
        if (!kind.isRtp()) {
            throw new IllegalArgumentException("a transceiver carries audio or video, not " + kind);
        }
        if (direction.sends() != (sendTrack != null)) {
            throw new IllegalArgumentException("a track is needed exactly when the direction sends");
        }
    }

    /** A section on which the server only receives the client's media (its microphone or screen). */
    public static Transceiver receiving(String mid, MediaKind kind) {
        return new Transceiver(mid, kind, Direction.RECVONLY, null);
    }

    /** A section on which the server forwards another participant's track. */
    public static Transceiver sending(String mid, MediaKind kind, SendTrack track) {
        return new Transceiver(mid, kind, Direction.SENDONLY, track);
    }

    /** The same section once its track is gone: kept in place, inactive, never given another mid. */
    public Transceiver stopped() {
        return new Transceiver(mid, kind, Direction.INACTIVE, null);
    }
}
