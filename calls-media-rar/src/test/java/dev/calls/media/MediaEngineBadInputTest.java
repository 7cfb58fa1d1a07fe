package dev.calls.media;

import static dev.calls.media.StunChecks.bindingRequest;
import static dev.calls.media.StunChecks.errorCodeOf;
import static dev.calls.media.StunChecks.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.calls.media.api.EngineStats;
import dev.calls.media.api.MediaEvent;
import dev.calls.media.api.MediaException;
import dev.calls.media.ice.ErrorCode;
import dev.calls.media.peer.Poll;
import dev.calls.media.peer.TestPeer;
import dev.calls.media.peer.UdpRelay;
import dev.calls.media.sdp.SdpParser;
import dev.calls.media.sdp.TransportParameters;
import dev.calls.media.sfu.CloseReason;

/** What the engine does with input it must not trust: strangers, wrong credentials, wrong keys, garbage, silence. */
class MediaEngineBadInputTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void datagramsFromUnknownAddressesCreateNoStateAndGetNoAnswerButASTUNError() throws Exception {
        try (EngineUnderTest sfu = new EngineUnderTest(EngineUnderTest.loopbackConfig());
                DatagramSocket stranger = new DatagramSocket(0, LOOPBACK)) {
            stranger.setSoTimeout(500);
            int port = sfu.engine.status().udpPort();
            byte[][] junk = {
                {(byte) 0x80, 111, 0, 1, 0, 0, 0, 1, 1, 2, 3, 4, 9, 9, 9, 9}, // RTP-shaped
                {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3}, // DTLS-shaped
                {(byte) 0xFF, 1, 2, 3}, // none of RFC 7983's ranges
                new byte[1],
            };
            for (byte[] datagram : junk) {
                stranger.send(new DatagramPacket(datagram, datagram.length, LOOPBACK, port));
                assertNull(receive(stranger), "no answer to " + Arrays.toString(datagram));
            }

            byte[] request = bindingRequest("nosuchufrag:client", "whatever-password-12345");
            stranger.send(new DatagramPacket(request, request.length, LOOPBACK, port));
            assertEquals(ErrorCode.UNAUTHENTICATED, errorCodeOf(receive(stranger)));

            assertEquals(0, sfu.engine.status().sessions());
            assertTrue(sfu.engine.stats().droppedUnknownSource() >= junk.length, "drops counted");
            // The 401 may reach us before the receive thread has counted it: wait for the counts to settle.
            EngineStats stats = Poll.until(TIMEOUT, () -> "the refused check counted in " + sfu.engine.stats(),
                    () -> sfu.engine.stats().packetsOut() == 1 && sfu.engine.stats().droppedUnknownSource() == junk.length + 1
                            ? sfu.engine.stats() : null);
            assertEquals(junk.length + 1, stats.packetsIn(), stats.toString());
            assertTrue(sfu.events().isEmpty(), "no events: " + sfu.events());
        }
    }

    @Test
    void wrongIcePasswordGets401AndTheAddressIsNotAccepted() throws Exception {
        try (EngineUnderTest sfu = new EngineUnderTest(EngineUnderTest.loopbackConfig());
                TestPeer peer = new TestPeer("peer"); DatagramSocket attacker = new DatagramSocket(0, LOOPBACK)) {
            peer.sendAudio("session-p", "mic", 440);
            sfu.open("call", "session-p", peer);
            String offer = peer.createOffer();
            String answer = sfu.engine.acceptOffer("session-p", offer);
            String serverUfrag = TransportParameters.of(SdpParser.parse(answer)).iceUfrag();
            String clientUfrag = TransportParameters.of(SdpParser.parse(offer)).iceUfrag();

            attacker.setSoTimeout(2000);
            int port = sfu.engine.status().udpPort();
            byte[] request = bindingRequest(serverUfrag + ":" + clientUfrag, "not-the-server-password-x");
            attacker.send(new DatagramPacket(request, request.length, LOOPBACK, port));
            assertEquals(ErrorCode.UNAUTHENTICATED, errorCodeOf(receive(attacker)));

            // Not validated: a DTLS ClientHello-shaped record from that address is not even looked at.
            byte[] record = {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
            attacker.send(new DatagramPacket(record, record.length, LOOPBACK, port));
            assertNull(receive(attacker));
            assertTrue(sfu.events().stream().noneMatch(e -> e.type() == MediaEvent.Type.CONNECTED));
        }
    }

    @Test
    void aDtlsCertificateThatDoesNotMatchTheOfferFailsTheSession() throws Exception {
        try (EngineUnderTest sfu = new EngineUnderTest(EngineUnderTest.loopbackConfig());
                TestPeer peer = new TestPeer("peer")) {
            peer.sendAudio("session-p", "mic", 440);
            sfu.open("call", "session-p", peer);
            String offer = peer.createOffer();
            String forged = offer.replaceAll("a=fingerprint:sha-256 [0-9A-F:]+",
                    "a=fingerprint:sha-256 " + "AB:".repeat(31) + "AB");
            peer.applyAnswer(sfu.engine.acceptOffer("session-p", forged));

            MediaEvent closed = sfu.awaitEvent(TIMEOUT, "the session closed",
                    e -> e.type() == MediaEvent.Type.CLOSED && "session-p".equals(e.sessionId()));
            assertEquals(CloseReason.DTLS_FAILED.id(), closed.detail());
            assertTrue(sfu.events().stream().noneMatch(e -> e.type() == MediaEvent.Type.CONNECTED));
            assertEquals(0, sfu.engine.status().sessions());
            assertEquals(1, sfu.engine.stats().dtlsFailures());
            assertEquals(0, sfu.engine.stats().iceFailures());
        }
    }

    @Test
    void garbageSdpGetsAClearErrorAndTheSessionStaysUsable() throws Exception {
        try (EngineUnderTest sfu = new EngineUnderTest(EngineUnderTest.loopbackConfig());
                TestPeer peer = new TestPeer("peer")) {
            peer.sendAudio("session-p", "mic", 440);
            sfu.open("call", "session-p", peer);

            MediaException garbage = assertThrows(MediaException.class,
                    () -> sfu.engine.acceptOffer("session-p", "hello, I am not SDP"));
            assertEquals("invalid_sdp", garbage.errorId());
            assertTrue(garbage.getMessage().contains("line 1"), garbage.getMessage());

            String noMux = peer.createOffer().replace("a=rtcp-mux\r\n", "");
            MediaException refused = assertThrows(MediaException.class, () -> sfu.engine.acceptOffer("session-p", noMux));
            assertEquals("invalid_sdp", refused.errorId());
            assertTrue(refused.getMessage().contains("rtcp-mux"), refused.getMessage());

            assertEquals("session_not_found", assertThrows(MediaException.class,
                    () -> sfu.engine.acceptOffer("no-such-session", peer.localDescription())).errorId());
            assertEquals("no_offer_pending", assertThrows(MediaException.class,
                    () -> sfu.engine.acceptAnswer("session-p", peer.localDescription())).errorId());

            peer.applyAnswer(sfu.engine.acceptOffer("session-p", peer.localDescription()));
            sfu.awaitEvent(TIMEOUT, "connected after the bad offers",
                    e -> e.type() == MediaEvent.Type.CONNECTED && "session-p".equals(e.sessionId()));
        }
    }

    @Test
    void aSessionWhoseUdpNeverArrivesIsClosedWithRtcTimeout() throws Exception {
        MediaEngineConfig quick = new MediaEngineConfig(0, MediaEngineConfig.ICE_TCP_OFF, "127.0.0.1", "", 1, 2, 30, 64, 1,
                MediaEngineConfig.DEFAULT_MEDIA_THREAD_NICE, MediaEngineConfig.DEFAULT_MEDIA_THREAD_REALTIME_PRIORITY);
        try (EngineUnderTest sfu = new EngineUnderTest(quick); TestPeer peer = new TestPeer("peer")) {
            peer.sendAudio("session-p", "mic", 440);
            sfu.open("call", "session-p", peer);
            // The client never learns the answer, so it never sends a single check.
            sfu.engine.acceptOffer("session-p", peer.createOffer());

            MediaEvent closed = sfu.awaitEvent(TIMEOUT, "rtc_timeout",
                    e -> e.type() == MediaEvent.Type.CLOSED && "session-p".equals(e.sessionId()));
            assertEquals(CloseReason.RTC_TIMEOUT.id(), closed.detail());
            assertEquals(0, sfu.engine.status().sessions());
            assertEquals(1, sfu.engine.stats().iceFailures(), "no check ever came: an ICE failure");
            assertEquals(0, sfu.engine.stats().dtlsFailures());
        }
    }

    @Test
    void aSessionWhoseConsentChecksStopIsClosedWithConsentLost() throws Exception {
        MediaEngineConfig quick = new MediaEngineConfig(0, MediaEngineConfig.ICE_TCP_OFF, "127.0.0.1", "", 1, 10, 3, 64, 1,
                MediaEngineConfig.DEFAULT_MEDIA_THREAD_NICE, MediaEngineConfig.DEFAULT_MEDIA_THREAD_REALTIME_PRIORITY);
        try (EngineUnderTest sfu = new EngineUnderTest(quick); TestPeer peer = new TestPeer("peer")) {
            peer.sendAudio("session-p", "mic", 440);
            sfu.open("call", "session-p", peer);
            UdpRelay relay = new UdpRelay(new InetSocketAddress(LOOPBACK, sfu.engine.status().udpPort()));
            int relayPort = relay.frontAddress().getPort();
            String answer = sfu.engine.acceptOffer("session-p", peer.createOffer());
            peer.applyAnswer(answer.replace(" " + sfu.engine.status().udpPort() + " typ host", " " + relayPort + " typ host"));
            sfu.awaitEvent(TIMEOUT, "connected through the relay",
                    e -> e.type() == MediaEvent.Type.CONNECTED && "session-p".equals(e.sessionId()));

            relay.close();

            MediaEvent closed = sfu.awaitEvent(TIMEOUT, "rtc_consent_lost",
                    e -> e.type() == MediaEvent.Type.CLOSED && "session-p".equals(e.sessionId()));
            assertEquals(CloseReason.RTC_CONSENT_LOST.id(), closed.detail());
            assertEquals(1, sfu.engine.stats().iceFailures());
            assertEquals(1, sfu.engine.stats().rtcConnect().count(), "it had connected once");
        }
    }
}
