package dev.calls.load.client;

/**
 * The sizes and rates of simulated media. Audio: Opus at 20 ms frames, 50 packets/s, payloads drawn from
 * {@code audioPayloadMin..Max} bytes (voice at 32–48 kbit/s). Screen: VP8 at {@code screenFps} frames/s
 * and {@code screenBitrate} bit/s, each frame cut into packets of at most {@code screenPacketPayload} bytes.
 */
public record MediaShape(int audioPayloadMin, int audioPayloadMax, int audioLevel, int screenBitrate, int screenFps,
        int screenPacketPayload) {

    public static MediaShape defaults() {
        return new MediaShape(80, 120, 30, 1_500_000, 15, 1100);
    }
}
