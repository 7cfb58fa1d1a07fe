package dev.calls.load.client;

/**
 * The first payload bytes of a simulated VP8 packet, as a real depacketizer reads them: the payload
 * descriptor's S bit marks the first packet of a frame (RFC 7741 §4.2, partition 0), and that packet's
 * payload header says whether the frame is a keyframe (§4.3: P, the inverse key frame flag, 0 for a
 * keyframe). A viewer needs both to find where frames begin and where a broken chain of frames may
 * start again.
 */
final class Vp8Descriptor {

    /** The descriptor's byte and the payload header's first byte. */
    static final int LENGTH = 2;
    private static final int START_OF_PARTITION = 0x10;
    /** The payload header's show_frame bit (H), set as an encoder sets it for every frame it shows. */
    private static final int SHOW_FRAME = 0x10;
    private static final int INTERFRAME = 0x01;

    private Vp8Descriptor() {
    }

    /** Writes the descriptor at {@code buf[at]}; the payload header byte only when {@code frameStart}. */
    static void write(byte[] buf, int at, boolean frameStart, boolean keyframe) {
        buf[at] = (byte) (frameStart ? START_OF_PARTITION : 0);
        if (frameStart) {
            buf[at + 1] = (byte) (SHOW_FRAME | (keyframe ? 0 : INTERFRAME));
        }
    }

    static boolean isFrameStart(byte[] buf, int at) {
        return (buf[at] & START_OF_PARTITION) != 0;
    }

    /** Whether a frame's first packet starts a keyframe. */
    static boolean isKeyframe(byte[] buf, int at) {
        return isFrameStart(buf, at) && (buf[at + 1] & INTERFRAME) == 0;
    }
}
