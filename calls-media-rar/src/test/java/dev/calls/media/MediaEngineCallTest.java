package dev.calls.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.calls.media.api.EngineStats;
import dev.calls.media.api.MediaEvent;
import dev.calls.media.peer.InboundRtp;
import dev.calls.media.peer.PcmMeter;
import dev.calls.media.peer.Poll;
import dev.calls.media.peer.RemoteTrack;
import dev.calls.media.peer.TestPeer;

/**
 * Three real WebRTC peers (libwebrtc) in one call through the engine over real UDP: everyone hears the
 * others through the SFU, never directly (the peers are given no candidate but the server's), a muted
 * peer is no longer heard, and a screen share reaches the others with a keyframe requested for them.
 */
class MediaEngineCallTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final String CALL = "call-1";
    private static final double[] TONES = {440, 1000, 1700};

    @Test
    void threePeersHearEachOtherThroughTheSfuAndMuteSilencesOne() throws Exception {
        try (EngineUnderTest sfu = new EngineUnderTest(EngineUnderTest.loopbackConfig());
                TestPeer a = new TestPeer("a"); TestPeer b = new TestPeer("b"); TestPeer c = new TestPeer("c")) {
            TestPeer[] peers = {a, b, c};
            String[] sessions = {"session-a", "session-b", "session-c"};
            for (int i = 0; i < peers.length; i++) {
                peers[i].sendAudio(sessions[i], "mic", TONES[i]);
                sfu.join(CALL, sessions[i], peers[i]);
                sfu.engine.setMuted(sessions[i], false);
            }
            for (String session : sessions) {
                sfu.awaitEvent(TIMEOUT, session + " connected",
                        e -> e.type() == MediaEvent.Type.CONNECTED && e.sessionId().equals(session));
            }

            for (int listener = 0; listener < peers.length; listener++) {
                for (int speaker = 0; speaker < peers.length; speaker++) {
                    if (speaker != listener) {
                        assertHears(peers[listener], sessions[speaker], TONES[speaker]);
                    }
                }
            }
            assertEquals(3, sfu.engine.status().sessions());
            EngineStats stats = sfu.engine.stats();
            assertEquals(1, stats.calls());
            assertEquals(3, stats.sessions());
            assertEquals(3, stats.rtcConnect().count(), "one connect time per session");
            assertTrue(stats.forwarding().count() > 100, "forwarded packets timed: " + stats.forwarding());
            assertTrue(stats.packetsIn() > stats.forwarding().count() / 2 && stats.bytesIn() > stats.packetsIn() * 12,
                    stats.toString());
            assertTrue(stats.packetsOut() >= stats.forwarding().count() && stats.bytesOut() > stats.packetsOut() * 12,
                    stats.toString());
            assertEquals(0, stats.iceFailures() + stats.dtlsFailures());

            sfu.engine.setMuted("session-a", true);
            RemoteTrack aAtB = b.awaitRemoteTrack("voice_session-a", TIMEOUT);
            awaitPacketsStop(b, aAtB);
            RemoteTrack cAtB = b.awaitRemoteTrack("voice_session-c", TIMEOUT);
            long fromC = b.stats().inbound(cAtB).orElseThrow().packetsReceived();
            b.awaitInbound(s -> cAtB.mid().equals(s.mid()) && s.packetsReceived() > fromC + 50, TIMEOUT,
                    "c still heard while a is muted");

            sfu.engine.setMuted("session-a", false);
            long fromA = b.stats().inbound(aAtB).orElseThrow().packetsReceived();
            b.awaitInbound(s -> aAtB.mid().equals(s.mid()) && s.packetsReceived() > fromA + 50, TIMEOUT,
                    "a heard again after unmute");
        }
    }

    @Test
    void aScreenShareReachesTheOthersAndTheirKeyframeRequestReachesThePublisher() throws Exception {
        try (EngineUnderTest sfu = new EngineUnderTest(EngineUnderTest.loopbackConfig());
                TestPeer sharer = new TestPeer("sharer"); TestPeer viewer = new TestPeer("viewer")) {
            sharer.sendAudio("session-s", "mic", TONES[0]);
            sharer.sendVideo("session-s-screen", "screen");
            viewer.sendAudio("session-v", "mic", TONES[1]);
            sfu.open(CALL, "session-s", sharer);
            sfu.engine.setScreenStream("session-s", "session-s-screen");
            sfu.offer("session-s", sharer);
            sfu.join(CALL, "session-v", viewer);

            RemoteTrack screen = viewer.awaitRemoteTrack("screen_session-s", TIMEOUT);
            assertEquals("video", screen.kind());
            assertEquals(List.of("session-s"), screen.streamIds());
            InboundRtp video = viewer.awaitInbound(s -> screen.mid().equals(s.mid()) && s.framesDecoded() > 10,
                    TIMEOUT, "decoded frames of the screen share");
            assertEquals("video/VP8", video.codec());

            // The SFU asked the sharer for a keyframe when the viewer started receiving; later requests
            // from the viewer are passed on too (at most one a second).
            sharer.awaitOutbound(s -> "video".equals(s.kind()) && s.pliCount() > 0, TIMEOUT,
                    "a keyframe request (PLI) at the sharer");
        }
    }

    private static void assertHears(TestPeer listener, String speakerSession, double tone) {
        RemoteTrack voice = listener.awaitRemoteTrack("voice_" + speakerSession, TIMEOUT);
        assertEquals("audio", voice.kind());
        assertEquals(List.of(speakerSession), voice.streamIds(), "stream id is the sender's session id");
        InboundRtp inbound = listener.awaitInbound(s -> voice.mid().equals(s.mid()) && s.packetsReceived() > 50
                && s.totalAudioEnergy() > 0, TIMEOUT, speakerSession + " audio with energy at " + listener);
        assertEquals("audio/opus", inbound.codec());
        PcmMeter meter = listener.meterRemoteAudio(voice);
        Poll.until(TIMEOUT, () -> "tone " + tone + " of " + speakerSession + " at " + listener + ", rms " + meter.rms(),
                () -> meter.toneLevel(tone) > 0.1 ? Boolean.TRUE : null);
        assertTrue(meter.toneLevel(tone) > 0.1);
    }

    /** Packets of the track stop arriving: the count stays the same across a whole second. */
    private static void awaitPacketsStop(TestPeer listener, RemoteTrack track) {
        Poll.until(TIMEOUT, () -> "packets of " + track.trackId() + " to stop at " + listener, () -> {
            long before = listener.stats().inbound(track).orElseThrow().packetsReceived();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            long after = listener.stats().inbound(track).orElseThrow().packetsReceived();
            return after == before ? Boolean.TRUE : null;
        });
    }
}
