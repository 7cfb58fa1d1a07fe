package dev.calls.media.sfu;

import dev.calls.media.sdp.MediaKind;
import dev.calls.media.sdp.MediaSectionInfo;
import dev.calls.media.sdp.SessionDescription;

/**
 * Header extension id maps for {@code RtpHeaderExtension.remapIds}: index = id in the packet, value = id to
 * write, 0 = remove the element (RFC 8285 ids are 1–14 in the one-byte form, up to 255 in the two-byte form).
 */
final class ExtensionIds {

    private ExtensionIds() {
    }

    static byte[] identity() {
        byte[] map = new byte[256];
        for (int id = 0; id < map.length; id++) {
            map[id] = (byte) id;
        }
        return map;
    }

    /** Keeps every id but removes one extension. */
    static byte[] dropping(int id) {
        byte[] map = identity();
        map[id] = 0;
        return map;
    }

    /**
     * Maps the publisher's audio-level id to the subscriber's (0 removes it when the subscriber did not
     * negotiate it); null when nothing needs to change.
     */
    static byte[] audioLevel(int publisherId, int subscriberId) {
        if (publisherId == 0 || publisherId == subscriberId) {
            return null;
        }
        byte[] map = identity();
        map[publisherId] = (byte) subscriberId;
        return map;
    }

    /** The audio-level extension id (RFC 6464) a session's bundle uses for audio, 0 when it negotiated none. */
    static int audioLevelIdOf(SessionDescription description) {
        for (MediaSectionInfo section : MediaSectionInfo.of(description)) {
            if (section.kind() == MediaKind.AUDIO && !section.rejected() && section.audioLevelExtensionId() > 0) {
                return section.audioLevelExtensionId();
            }
        }
        return 0;
    }
}
