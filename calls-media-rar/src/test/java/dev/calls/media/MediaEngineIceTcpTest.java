package dev.calls.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.calls.media.api.EngineStats;
import dev.calls.media.api.MediaEvent;
import dev.calls.media.ice.ErrorCode;
import dev.calls.media.ice.StunAttributeType;
import dev.calls.media.ice.StunMessage;
import dev.calls.media.ice.StunMessageType;
import dev.calls.media.peer.InboundRtp;
import dev.calls.media.peer.Poll;
import dev.calls.media.peer.RemoteTrack;
import dev.calls.media.peer.TestPeer;

/**
 * ICE-TCP (RFC 6544) through a real engine: the answer's passive TCP candidate, the gate a connection passes
 * (an ICE check with the session's credentials, nothing else), and a libwebrtc peer that is shown no UDP
 * candidate and so hears and is heard over TCP alone.
 */
class MediaEngineIceTcpTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final Pattern TCP_CANDIDATE = Pattern.compile(
            "a=candidate:\\S+ 1 tcp (\\d+) (\\S+) (\\d+) typ host tcptype passive");
    private static final Pattern UDP_CANDIDATE = Pattern.compile("a=candidate:\\S+ 1 udp (\\d+) (\\S+) (\\d+) typ host");

    @Test
    void theAnswerOffersAPassiveTcpCandidateBelowTheUdpOneWithTheHostOverride() throws Exception {
        MediaEngineConfig config = new MediaEngineConfig(0, 0, "127.0.0.1", "198.51.100.7", 1, 10, 30, 512, 1,
                MediaEngineConfig.DEFAULT_MEDIA_THREAD_NICE, MediaEngineConfig.DEFAULT_MEDIA_THREAD_REALTIME_PRIORITY);
        try (EngineUnderTest sfu = new EngineUnderTest(config); TestPeer peer = new TestPeer("peer")) {
            peer.sendAudio("session-p", "mic", 440);
            sfu.engine.openSession("call", "session-p");
            String answer = sfu.engine.acceptOffer("session-p", peer.createOffer());
            Matcher tcp = TCP_CANDIDATE.matcher(answer);
            Matcher udp = UDP_CANDIDATE.matcher(answer);
            assertTrue(tcp.find() && udp.find(), answer);
            assertEquals("198.51.100.7", tcp.group(2), "iceHostOverride applies to the TCP candidate too");
            assertTrue(Long.parseLong(tcp.group(1)) < Long.parseLong(udp.group(1)), "UDP is preferred where it works");
            assertTrue(Integer.parseInt(tcp.group(3)) > 0);
        }
    }

    @Test
    void aConnectionIsServedOnlyAfterAnIceCheckWithTheSessionsCredentials() throws Exception {
        try (EngineUnderTest sfu = new EngineUnderTest(EngineUnderTest.loopbackConfig());
                TestPeer peer = new TestPeer("peer")) {
            peer.sendAudio("session-p", "mic", 440);
            sfu.engine.openSession("call", "session-p");
            String answer = sfu.engine.acceptOffer("session-p", peer.createOffer());
            String username = attribute(answer, "ice-ufrag") + ":" + attribute(peer.localDescription(), "ice-ufrag");
            int tcpPort = tcpPort(answer);

            try (Socket wrong = new Socket(InetAddress.getLoopbackAddress(), tcpPort)) {
                send(wrong, StunChecks.bindingRequest(username, "not-the-servers-password-at-all"));
                wrong.setSoTimeout(10_000);
                StunMessage refusal = readStun(wrong);
                assertEquals(StunMessageType.BINDING_ERROR_RESPONSE, refusal.messageType());
                assertEquals(ErrorCode.UNAUTHENTICATED,
                        ErrorCode.code(refusal, refusal.findAttribute(StunAttributeType.ERROR_CODE)));
                assertEquals(-1, wrong.getInputStream().read(), "then closed, never served");
            }
            try (Socket right = new Socket(InetAddress.getLoopbackAddress(), tcpPort)) {
                send(right, StunChecks.bindingRequest(username, attribute(answer, "ice-pwd")));
                StunMessage message = readStun(right);
                assertEquals(StunMessageType.BINDING_SUCCESS_RESPONSE, message.messageType(),
                        "answered in an RFC 4571 frame");
            }
            Poll.until(TIMEOUT, () -> "the refusal counted in " + sfu.engine.stats(),
                    () -> sfu.engine.stats().iceTcpRefused().badFirstPacket() == 1 ? Boolean.TRUE : null);
            assertEquals(1, sfu.engine.stats().iceTcpRefused().total());
        }
    }

    @Test
    void aPeerShownOnlyTheTcpCandidateHearsAndIsHeardOverIceTcp() throws Exception {
        try (EngineUnderTest sfu = new EngineUnderTest(EngineUnderTest.loopbackConfig());
                TestPeer tcp = new TestPeer("tcp", true); TestPeer udp = new TestPeer("udp")) {
            tcp.sendAudio("session-tcp", "mic", 440);
            udp.sendAudio("session-udp", "mic", 1000);
            sfu.join("call", "session-tcp", tcp, MediaEngineIceTcpTest::withoutUdpCandidates);
            sfu.engine.setMuted("session-tcp", false);
            sfu.join("call", "session-udp", udp);
            sfu.engine.setMuted("session-udp", false);
            for (String session : List.of("session-tcp", "session-udp")) {
                sfu.awaitEvent(TIMEOUT, session + " connected",
                        e -> e.type() == MediaEvent.Type.CONNECTED && e.sessionId().equals(session));
            }

            assertHears(tcp, "session-udp");
            assertHears(udp, "session-tcp");
            EngineStats stats = sfu.engine.stats();
            assertEquals(0, stats.iceTcpRefused().total(), stats.toString());
            assertEquals(0, stats.iceFailures() + stats.dtlsFailures(), stats.toString());
        }
    }

    private static void assertHears(TestPeer listener, String speakerSession) {
        RemoteTrack voice = listener.awaitRemoteTrack("voice_" + speakerSession, TIMEOUT);
        InboundRtp inbound = listener.awaitInbound(s -> voice.mid().equals(s.mid()) && s.packetsReceived() > 50
                && s.totalAudioEnergy() > 0, TIMEOUT, speakerSession + " audio with energy at " + listener);
        assertEquals("audio/opus", inbound.codec());
    }

    /** The description without its UDP candidates: for this peer, UDP to the server does not exist. */
    private static String withoutUdpCandidates(String sdp) {
        return sdp.lines().filter(line -> !UDP_CANDIDATE.matcher(line).lookingAt())
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String attribute(String sdp, String name) {
        Matcher m = Pattern.compile("a=" + name + ":(\\S+)").matcher(sdp);
        assertTrue(m.find(), name + " in " + sdp);
        return m.group(1);
    }

    private static int tcpPort(String answer) {
        Matcher m = TCP_CANDIDATE.matcher(answer);
        assertTrue(m.find(), answer);
        return Integer.parseInt(m.group(3));
    }

    private static void send(Socket socket, byte[] packet) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeShort(packet.length);
        out.write(packet);
        out.flush();
    }

    /** The next RFC 4571 frame, read as STUN. */
    private static StunMessage readStun(Socket socket) throws Exception {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] packet = new byte[in.readUnsignedShort()];
        in.readFully(packet);
        return new StunMessage().wrap(packet, 0, packet.length);
    }
}
