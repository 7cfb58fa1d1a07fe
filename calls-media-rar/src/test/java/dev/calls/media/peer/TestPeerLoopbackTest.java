package dev.calls.media.peer;

import dev.onvoid.webrtc.RTCSignalingState;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the harness by connecting two {@link TestPeer}s directly (no server) over the machine's own
 * addresses: what one sends the other must receive, decode and hear. Every wait is a poll bounded by a
 * generous deadline, so a loaded machine only makes it slower.
 */
class TestPeerLoopbackTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final double TONE_A = 440;
    private static final double TONE_B = 1_000;

    @RepeatedTest(3)
    void mediaFlowsBothWaysAndThePolitePeerAnswersARenegotiation() throws Exception {
        try (TestPeer a = new TestPeer("a"); TestPeer b = new TestPeer("b")) {
            a.sendAudio("session-a", "voice_session-a", TONE_A);
            a.sendVideo("session-a", "screen_session-a");
            trickle(a, b);

            negotiate(a, b);
            a.awaitConnected(TIMEOUT);
            b.awaitConnected(TIMEOUT);

            RemoteTrack voice = b.awaitRemoteTrack("voice_session-a", TIMEOUT);
            assertEquals("audio", voice.kind());
            assertEquals(List.of("session-a"), voice.streamIds());
            long packets = b.awaitInbound(s -> s.mid() != null && s.mid().equals(voice.mid())
                    && s.packetsReceived() > 0 && s.totalAudioEnergy() > 0, TIMEOUT, "audio with energy")
                    .packetsReceived();
            b.awaitInbound(s -> voice.mid().equals(s.mid()) && s.packetsReceived() > packets, TIMEOUT,
                    "audio packets growing past " + packets);

            PcmMeter heardByB = b.meterRemoteAudio(voice);
            Poll.until(TIMEOUT, () -> "tone " + TONE_A + " at b, rms " + heardByB.rms(),
                    () -> heardByB.toneLevel(TONE_A) > 0.1 ? Boolean.TRUE : null);
            assertTrue(heardByB.toneLevel(TONE_A) > 5 * heardByB.toneLevel(TONE_B), "a's tone dominates");

            RemoteTrack screen = b.awaitRemoteTrack("screen_session-a", TIMEOUT);
            assertEquals("video", screen.kind());
            InboundRtp video = b.awaitInbound(s -> screen.mid().equals(s.mid()) && s.framesDecoded() > 0,
                    TIMEOUT, "decoded video frames");
            assertEquals("video/VP8", video.codec());

            // b starts sending later; a has an offer of its own pending when b's offer arrives (glare),
            // so a rolls back and answers as the polite peer.
            b.sendAudio("session-b", "voice_session-b", TONE_B);
            String offerFromB = b.createOffer();
            a.createOffer();
            assertEquals(RTCSignalingState.HAVE_LOCAL_OFFER, a.signalingState());
            String answerFromA = a.answer(offerFromB);
            b.applyAnswer(answerFromA);
            assertEquals(RTCSignalingState.STABLE, a.signalingState());
            assertEquals(RTCSignalingState.STABLE, b.signalingState());

            // b's track reuses the transceiver a's offer created, so its msid keeps that transceiver's
            // random sender id as track id (as in browsers); the stream id is b's.
            RemoteTrack voiceOfB = a.awaitRemoteTrack("session-b", TIMEOUT);
            assertEquals("audio", voiceOfB.kind());
            a.awaitInbound(s -> voiceOfB.mid().equals(s.mid()) && s.totalAudioEnergy() > 0, TIMEOUT,
                    "b's audio with energy");
            PcmMeter heardByA = a.meterRemoteAudio(voiceOfB);
            Poll.until(TIMEOUT, () -> "tone " + TONE_B + " at a, rms " + heardByA.rms(),
                    () -> heardByA.toneLevel(TONE_B) > 0.1 ? Boolean.TRUE : null);
            assertTrue(heardByA.toneLevel(TONE_B) > 5 * heardByA.toneLevel(TONE_A), "b's tone dominates");
        }
    }

    @Test
    void aReceiveOnlyOffererGetsTheMediaOfTheAnswerer() throws Exception {
        try (TestPeer a = new TestPeer("a"); TestPeer b = new TestPeer("b")) {
            a.sendAudio("session-a", "voice_session-a", TONE_A);
            a.sendVideo("session-a", "screen_session-a");
            b.receiveAudio();
            b.receiveVideo();
            trickle(a, b);
            negotiate(b, a);

            RemoteTrack voice = b.awaitRemoteTrack("session-a", TIMEOUT);
            assertEquals("audio", voice.kind());
            b.awaitInbound(s -> "audio".equals(s.kind()) && s.totalAudioEnergy() > 0, TIMEOUT, "audio");
            b.awaitInbound(s -> "video".equals(s.kind()) && s.framesDecoded() > 0, TIMEOUT, "video");
            assertTrue(a.stats().inbound().isEmpty(), "receive-only b sends nothing");
        }
    }

    @Test
    void disablingTheTrackSendsSilenceAndStoppingTheSourceStopsPackets() throws Exception {
        try (TestPeer a = new TestPeer("a"); TestPeer b = new TestPeer("b")) {
            a.sendAudio("session-a", "voice_session-a", TONE_A);
            trickle(a, b);
            negotiate(a, b);
            b.awaitConnected(TIMEOUT);
            RemoteTrack voice = b.awaitRemoteTrack("voice_session-a", TIMEOUT);
            PcmMeter meter = b.meterRemoteAudio(voice);
            Poll.until(TIMEOUT, () -> "tone at b, rms " + meter.rms(),
                    () -> meter.toneLevel(TONE_A) > 0.1 ? Boolean.TRUE : null);

            a.setAudioEnabled(false);
            Poll.until(TIMEOUT, () -> "silence at b, rms " + meter.rms(),
                    () -> meter.rms() < 0.01 ? Boolean.TRUE : null);
            long packets = b.stats().inbound(voice).orElseThrow().packetsReceived();
            b.awaitInbound(s -> voice.mid().equals(s.mid()) && s.packetsReceived() > packets, TIMEOUT,
                    "packets still flowing while disabled");

            a.setAudioFlowing(false);
            awaitPacketsStop(b, voice);

            a.setAudioEnabled(true);
            a.setAudioFlowing(true);
            Poll.until(TIMEOUT, () -> "tone back at b, rms " + meter.rms(),
                    () -> meter.toneLevel(TONE_A) > 0.1 ? Boolean.TRUE : null);
        }
    }

    @Test
    void reachesARemoteCandidateOnTheLoopbackAddress() throws Exception {
        try (TestPeer a = new TestPeer("a"); TestPeer b = new TestPeer("b")) {
            a.sendAudio("session-a", "voice_session-a", TONE_A);
            // b hears nothing of a's candidates: like an ICE-lite server it learns a's address from a's
            // checks. a knows b only through a relay on 127.0.0.1, as a server bound there would appear.
            String answer = b.answer(a.createOffer());
            a.applyAnswer(answer);
            b.awaitGatheringComplete(TIMEOUT);
            IceCandidate host = b.localCandidates().stream()
                    .filter(c -> c.candidate().contains(" typ host"))
                    .filter(c -> hostAddress(c).getAddress().getAddress().length == 4)
                    .findFirst().orElseThrow();
            try (UdpRelay relay = new UdpRelay(hostAddress(host))) {
                int port = relay.frontAddress().getPort();
                a.addRemoteCandidate(new IceCandidate(host.sdpMid(), host.sdpMLineIndex(),
                        "candidate:1 1 udp 2130706431 127.0.0.1 " + port + " typ host"));
                a.awaitConnected(TIMEOUT);
                b.awaitConnected(TIMEOUT);
                b.awaitInbound(s -> "audio".equals(s.kind()) && s.totalAudioEnergy() > 0, TIMEOUT,
                        "audio through the relay");
                assertEquals(Optional.of("127.0.0.1:" + port), a.stats().selectedRemoteAddress());
            }
        }
    }

    /** The address in {@code candidate:<foundation> <component> <transport> <priority> <ip> <port> typ ...}. */
    private static InetSocketAddress hostAddress(IceCandidate candidate) {
        String[] fields = candidate.candidate().split(" ");
        return new InetSocketAddress(fields[4], Integer.parseInt(fields[5]));
    }

    /** Waits until two snapshots a second apart show the same packet count. */
    private static void awaitPacketsStop(TestPeer receiver, RemoteTrack track) {
        long[] previous = {-1};
        Poll.until(TIMEOUT, () -> "packets to stop, count " + previous[0], () -> {
            long now = receiver.stats().inbound(track).orElseThrow().packetsReceived();
            if (now == previous[0]) {
                return Boolean.TRUE;
            }
            previous[0] = now;
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }

    private static void negotiate(TestPeer offerer, TestPeer answerer) {
        offerer.applyAnswer(answerer.answer(offerer.createOffer()));
    }

    private static void trickle(TestPeer a, TestPeer b) {
        a.onLocalCandidate(b::addRemoteCandidate);
        b.onLocalCandidate(a::addRemoteCandidate);
    }
}
