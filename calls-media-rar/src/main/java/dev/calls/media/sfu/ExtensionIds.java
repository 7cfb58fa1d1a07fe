package dev.calls.media.sfu;

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
}
