package dev.calls.ear;

import java.time.Duration;

import dev.calls.media.peer.InboundRtp;
import dev.calls.media.peer.PcmMeter;
import dev.calls.media.peer.Poll;
import dev.calls.media.peer.RemoteTrack;
import dev.calls.media.peer.TestPeer;

/** What a listening peer receives from a speaker through the server: packets, energy, and the speaker's tone. */
final class Hearing {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Hearing() {
    }

    /** Waits until the listener receives the speaker's voice track with audio energy and hears its tone. */
    static void assertHears(TestPeer listener, String speakerSession, double tone) {
        RemoteTrack voice = listener.awaitRemoteTrack("voice_" + speakerSession, TIMEOUT);
        listener.awaitInbound(s -> voice.mid().equals(s.mid()) && s.packetsReceived() > 50 && s.totalAudioEnergy() > 0,
                TIMEOUT, speakerSession + " audio at " + listener);
        PcmMeter meter = listener.meterRemoteAudio(voice);
        Poll.until(TIMEOUT, () -> "tone of " + speakerSession + " at " + listener + ", rms " + meter.rms(),
                () -> meter.toneLevel(tone) > 0.1 ? Boolean.TRUE : null);
    }

    /** Packets received so far on the speaker's voice track (0 before it exists). */
    static long packets(TestPeer listener, String speakerSession) {
        return listener.remoteTracks().stream().filter(t -> t.matches("voice_" + speakerSession)).findFirst()
                .flatMap(track -> listener.stats().inbound(track)).map(InboundRtp::packetsReceived).orElse(0L);
    }

    /** Waits until the speaker's packets stop arriving at the listener: no growth over a whole second. */
    static void awaitSilence(TestPeer listener, String speakerSession) {
        long[] last = {-1};
        Poll.until(TIMEOUT, () -> speakerSession + " still flowing to " + listener, () -> {
            long now = packets(listener, speakerSession);
            boolean still = now == last[0];
            last[0] = now;
            Poll.pause(1000);
            return still ? Boolean.TRUE : null;
        });
    }

    /** Waits until more of the speaker's packets arrive than {@code after}. */
    static void awaitFlowing(TestPeer listener, String speakerSession, long after) {
        Poll.until(TIMEOUT, () -> speakerSession + " flowing again to " + listener,
                () -> packets(listener, speakerSession) > after + 50 ? Boolean.TRUE : null);
    }
}
