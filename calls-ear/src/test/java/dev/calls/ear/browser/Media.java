package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.calls.media.peer.Poll;

/**
 * What a browser receives in a call, read from its peer connection's inbound-rtp statistics and the
 * client's audio elements: whether a voice arrives (packets growing, energy above zero, playing) or
 * has stopped, and whether a screen is decoded.
 */
final class Media {

    /** How long media may take to start or stop arriving. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Media() {
    }

    /** The client's call status ({@code joining}, {@code connected}, …), null outside a call. */
    static String status(Browser browser) {
        Map<String, Object> call = browser.call();
        return call == null ? null : (String) call.get("status");
    }

    /** The listener receives the speaker's voice: packets growing, energy above zero, an element playing it. */
    static void assertHears(Browser listener, String speakerSession) {
        String track = "voice_" + speakerSession;
        listener.await(d -> energy(listener, track) > 0, PATIENCE);
        long before = packets(listener, track);
        listener.await(d -> packets(listener, track) > before, PATIENCE);
        listener.await(d -> remoteAudioPlaying(listener, track));
    }

    /** Waits until no more packets of the speaker's voice arrive: two readings a second apart are equal, and stay so. */
    static void awaitSilence(Browser listener, String speakerSession) {
        String track = "voice_" + speakerSession;
        long[] last = {-1};
        listener.await(d -> {
            long now = packets(listener, track);
            boolean still = now == last[0];
            last[0] = now;
            if (!still) {
                Poll.pause(1000);
            }
            return still;
        }, PATIENCE);
        long settled = packets(listener, track);
        Poll.pause(2000);
        assertEquals(settled, packets(listener, track), listener.name + " still receives " + track);
    }

    /**
     * When the last packet of the speaker's voice arrived at the listener (inbound-rtp
     * lastPacketReceivedTimestamp, ms since the epoch), 0 before any.
     */
    static double lastPacketAt(Browser listener, String speakerSession) {
        return ((Number) inbound(listener, "voice_" + speakerSession).getOrDefault("lastPacketReceivedTimestamp", 0))
                .doubleValue();
    }

    /** Frames of the sharer's screen the browser has decoded. */
    static long framesDecoded(Browser browser, String sharerSession) {
        return ((Number) inbound(browser, "screen_" + sharerSession).getOrDefault("framesDecoded", 0)).longValue();
    }

    private static boolean remoteAudioPlaying(Browser listener, String track) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> audio = (List<Map<String, Object>>) listener.call().get("remoteAudio");
        return audio.stream().anyMatch(a -> track.equals(a.get("track"))
                && Boolean.TRUE.equals(a.get("attached")) && Boolean.FALSE.equals(a.get("paused")));
    }

    private static Map<String, Object> inbound(Browser browser, String track) {
        return browser.inbound().stream().filter(s -> Objects.equals(track, s.get("trackIdentifier")))
                .findFirst().orElse(Map.of());
    }

    /** Packets of the track (e.g. {@code voice_<session>}) the browser's peer connection received; 0 before it has one. */
    static long packets(Browser browser, String track) {
        return ((Number) inbound(browser, track).getOrDefault("packetsReceived", 0)).longValue();
    }

    private static double energy(Browser browser, String track) {
        return ((Number) inbound(browser, track).getOrDefault("totalAudioEnergy", 0)).doubleValue();
    }
}
