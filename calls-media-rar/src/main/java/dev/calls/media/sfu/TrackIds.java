package dev.calls.media.sfu;

import dev.calls.media.sdp.MediaKind;

/**
 * The contract's track ids: the msid track id of a forwarded track is {@code voice_}, {@code screen_} or
 * {@code screen-audio_} followed by the sender's session id; its stream id is the session id itself.
 */
final class TrackIds {

    static final String VOICE = "voice_";
    static final String SCREEN = "screen_";
    static final String SCREEN_AUDIO = "screen-audio_";

    private TrackIds() {
    }

    /**
     * Video is only ever a screen share; audio is the screen's own sound when it belongs to the stream the
     * client named in screen_on, and the microphone otherwise.
     */
    static String of(MediaKind kind, String streamId, String screenStreamId, String sessionId) {
        if (kind == MediaKind.VIDEO) {
            return SCREEN + sessionId;
        }
        boolean screenSound = screenStreamId != null && screenStreamId.equals(streamId);
        return (screenSound ? SCREEN_AUDIO : VOICE) + sessionId;
    }
}
