package dev.calls.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.calls.media.api.MediaEvent;
import dev.calls.media.ice.ErrorCode;
import dev.calls.media.peer.Poll;
import dev.calls.media.peer.RemoteTrack;
import dev.calls.media.peer.TestPeer;
import dev.calls.media.sdp.SdpParser;
import dev.calls.media.sdp.TransportParameters;

/**
 * A libwebrtc peer restarts ICE in the middle of a call (RFC 8445 §9) through the real engine: it accepts
 * the engine's answer with new credentials, media goes on both ways over the same DTLS association (the
 * session connects once), and the old credentials reach nothing afterwards.
 */
class MediaEngineIceRestartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final String CALL = "call-restart";

    @Test
    void aPeerThatRestartsIceKeepsItsCallAndItsOldCredentialsAreRefused() throws Exception {
        try (EngineUnderTest sfu = new EngineUnderTest(EngineUnderTest.loopbackConfig());
                TestPeer a = new TestPeer("a"); TestPeer b = new TestPeer("b");
                DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            a.sendAudio("session-a", "mic", 440);
            b.sendAudio("session-b", "mic", 1000);
            sfu.open(CALL, "session-a", a);
            String firstOffer = a.createOffer();
            String firstAnswer = sfu.engine.acceptOffer("session-a", firstOffer);
            a.applyAnswer(firstAnswer);
            sfu.join(CALL, "session-b", b);
            sfu.engine.setMuted("session-a", false);
            sfu.engine.setMuted("session-b", false);
            RemoteTrack aAtB = b.awaitRemoteTrack("voice_session-a", TIMEOUT);
            RemoteTrack bAtA = a.awaitRemoteTrack("voice_session-b", TIMEOUT);
            awaitMorePackets(b, aAtB, 0);
            awaitMorePackets(a, bAtA, 0);

            a.restartIce();
            String restartOffer = a.createOffer();
            String restartAnswer = sfu.engine.acceptOffer("session-a", restartOffer);
            a.applyAnswer(restartAnswer);
            TransportParameters before = transport(firstAnswer);
            TransportParameters after = transport(restartAnswer);
            assertNotEquals(transport(firstOffer).iceUfrag(), transport(restartOffer).iceUfrag(), "libwebrtc restarted");
            assertNotEquals(before.iceUfrag(), after.iceUfrag(), "the engine answers with a new ufrag");
            assertNotEquals(before.icePwd(), after.icePwd(), "and a new password");

            awaitMorePackets(b, aAtB, b.stats().inbound(aAtB).orElseThrow().packetsReceived());
            awaitMorePackets(a, bAtA, a.stats().inbound(bAtA).orElseThrow().packetsReceived());
            assertEquals(1, sfu.events().stream()
                    .filter(e -> e.type() == MediaEvent.Type.CONNECTED && e.sessionId().equals("session-a")).count(),
                    "one DTLS handshake: the restart kept the association");
            assertTrue(sfu.events().stream().noneMatch(e -> e.type() == MediaEvent.Type.CLOSED), sfu.events().toString());

            stranger.setSoTimeout(1000);
            String oldUsername = before.iceUfrag() + ":" + transport(firstOffer).iceUfrag();
            InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), sfu.engine.status().udpPort());
            Poll.until(TIMEOUT, () -> "a 401 to a check with the credentials before the restart", () -> {
                byte[] check = StunChecks.bindingRequest(oldUsername, before.icePwd());
                DatagramPacket response;
                try {
                    stranger.send(new DatagramPacket(check, check.length, server));
                    response = StunChecks.receive(stranger);
                    return response != null && StunChecks.errorCodeOf(response) == ErrorCode.UNAUTHENTICATED
                            ? Boolean.TRUE : null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static TransportParameters transport(String sdp) throws Exception {
        return TransportParameters.of(SdpParser.parse(sdp));
    }

    private static void awaitMorePackets(TestPeer listener, RemoteTrack track, long than) {
        listener.awaitInbound(s -> track.mid().equals(s.mid()) && s.packetsReceived() > than + 50, TIMEOUT,
                track.trackId() + " flowing at " + listener + " beyond " + than + " packets");
    }
}
