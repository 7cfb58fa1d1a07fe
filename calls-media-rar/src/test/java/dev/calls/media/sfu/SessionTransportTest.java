package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

import dev.calls.media.api.MediaEvent;
import dev.calls.media.api.MediaException;
import dev.calls.media.bench.UdpSink;
import dev.calls.media.dtls.DtlsListener;
import dev.calls.media.dtls.HandshakeFailure;
import dev.calls.media.ice.ErrorCode;
import dev.calls.media.ice.StunAttributeType;
import dev.calls.media.ice.StunMessage;
import dev.calls.media.ice.StunMessageType;
import dev.calls.media.srtp.DtlsSrtpKeys;
import dev.calls.media.srtp.SrtpMasterKey;
import dev.calls.media.srtp.SrtpProfile;
import dev.calls.media.srtp.SrtpSender;

/** A session's transport: which checks count, which SRTP it takes, and how an ICE restart moves it. */
class SessionTransportTest {

    private static final SrtpProfile PROFILE = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
    private static final String RESTART_UFRAG = "N3wU";
    private static final IceRoutes NO_ROUTES = new IceRoutes() {
        @Override
        public void ufragIssued(String localUfrag) {
            throw new AssertionError("no offer is given, so no restart");
        }

        @Override
        public void ufragRetired(String localUfrag) {
            throw new AssertionError("no offer is given, so no restart");
        }

        @Override
        public void pathSwitched(InetSocketAddress path) {
            throw new AssertionError("no offer is given, so no restart");
        }
    };

    @Test
    void beforeAnOfferNoCheckCountsAndNoAddressIsBound() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            SessionTransport transport = new SessionTransport(call.host(), new NoDtls(), NO_ROUTES);
            Participant other = call.answered(ConnectedCall.PUBLISHER_OFFER, "Xk3f");
            byte[] check = call.nominatingCheck(other);

            assertFalse(transport.onStun(call.buffers(), check, 0, check.length, call.sink().address(), call.sender()));
            assertFalse(transport.iceCompleted());
        }
    }

    @Test
    void srtpIsDroppedAndCountedUntilTheKeysAreThereAndWhenItFailsAuthentication() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            SessionTransport transport = new SessionTransport(call.host(), new NoDtls(), NO_ROUTES);
            SrtpMasterKey client = key(0x11);
            SrtpSender browser = new SrtpSender(client);
            byte[] packet = new byte[ForwardBuffers.SIZE];
            int length = browser.protectRtp(packet, 0, OpusPacket.write(packet, 1234, 1));

            assertEquals(-1, transport.unprotect(packet, 0, length, false));
            assertEquals(1, transport.srtpDrops());

            transport.keysExported(new DtlsSrtpKeys(key(0x22), client));
            byte[] tampered = packet.clone();
            tampered[length - 1] ^= 1;
            assertEquals(-1, transport.unprotect(tampered, 0, length, false));
            assertEquals(OpusPacket.LENGTH, transport.unprotect(packet, 0, length, false));
            assertEquals(2, transport.srtpDrops());
        }
    }

    @Test
    void aReplayedCheckFromANewAddressLeavesTheMediaWhereItIsButAFreshNominationMovesIt() throws Exception {
        try (ConnectedCall call = ConnectedCall.withSubscribers(PROFILE, 1);
                UdpSink elsewhere = new UdpSink()) {
            Participant subscriber = call.subscribers().get(0);
            int[] sequence = {100};
            LongSupplier forwardOne = () -> {
                forward(call, sequence[0]++);
                return call.drainWorkers();
            };

            byte[] check = call.nominatingCheck(subscriber);
            subscriber.onStun(call.buffers(), check, 0, check.length, call.sink().address(), call.sender());
            subscriber.onStun(call.buffers(), check, 0, check.length, elsewhere.address(), call.sender());
            assertEquals(1, forwardOne.getAsLong());
            assertTrue(ConnectedCall.await(call.sink()::receivedRtp, 1));
            assertEquals(0, elsewhere.receivedRtp(), "the replayed check moved nothing");

            byte[] fresh = call.nominatingCheck(subscriber);
            subscriber.onStun(call.buffers(), fresh, 0, fresh.length, elsewhere.address(), call.sender());
            assertEquals(1, forwardOne.getAsLong());
            assertTrue(ConnectedCall.await(elsewhere::receivedRtp, 1));
            assertEquals(1, call.sink().receivedRtp(), "a new nomination (NAT rebinding) moved the media");
        }
    }

    @Test
    void anIceRestartAnswersWithNewCredentialsAndKeepsTheOldPathUntilTheNewOnesNominateOne() throws Exception {
        try (ConnectedCall call = ConnectedCall.withSubscribers(PROFILE, 1);
                DatagramSocket elsewhere = socket()) {
            Participant subscriber = call.subscribers().get(0);
            String[] before = call.iceCredentials(subscriber);

            call.restartIce(subscriber, restartOffer(RESTART_UFRAG), RESTART_UFRAG);
            String[] after = call.iceCredentials(subscriber);
            assertNotEquals(before[0].split(":")[0], after[0].split(":")[0], "RFC 8445 §9: a new local ufrag");
            assertNotEquals(before[1], after[1], "and a new local password");
            assertEquals(1, forwardTo(call, 100));
            assertTrue(ConnectedCall.await(call.sink()::receivedRtp, 1), "the old path carries media meanwhile");

            byte[] check = ConnectedCall.nominatingCheck(after);
            subscriber.onStun(call.buffers(), check, 0, check.length, address(elsewhere), call.sender());
            assertEquals(StunMessageType.BINDING_SUCCESS_RESPONSE, stunType(receive(elsewhere)));
            assertEquals(1, forwardTo(call, 101));
            DatagramPacket media = receive(elsewhere);
            assertTrue(call.subscriberClient(0).unprotectRtp(media.getData(), 0, media.getLength()) > 0,
                    "the media on the new path is protected with the SRTP keys of the first handshake");
            assertEquals(1, call.sink().receivedRtp(), "nothing more on the old path");
            assertTrue(call.events().stream().noneMatch(e -> e.type() == MediaEvent.Type.CLOSED));
        }
    }

    @Test
    void afterTheRestartChecksWithTheOldCredentialsAreRefusedAndMoveNothing() throws Exception {
        try (ConnectedCall call = ConnectedCall.withSubscribers(PROFILE, 1);
                DatagramSocket oldPath = socket(); UdpSink newPath = new UdpSink()) {
            Participant subscriber = call.subscribers().get(0);
            String[] before = call.iceCredentials(subscriber);
            call.restartIce(subscriber, restartOffer(RESTART_UFRAG), RESTART_UFRAG);
            byte[] fresh = call.nominatingCheck(subscriber);
            subscriber.onStun(call.buffers(), fresh, 0, fresh.length, newPath.address(), call.sender());

            byte[] stale = ConnectedCall.nominatingCheck(before);
            subscriber.onStun(call.buffers(), stale, 0, stale.length, address(oldPath), call.sender());
            DatagramPacket refusal = receive(oldPath);
            StunMessage response = new StunMessage().wrap(refusal.getData(), 0, refusal.getLength());
            assertEquals(StunMessageType.BINDING_ERROR_RESPONSE, response.messageType());
            assertEquals(ErrorCode.UNAUTHENTICATED,
                    ErrorCode.code(response, response.findAttribute(StunAttributeType.ERROR_CODE)));
            assertEquals(1, forwardTo(call, 100));
            assertTrue(ConnectedCall.await(newPath::receivedRtp, 1), "the media stays on the new path");
        }
    }

    @Test
    void aRestartOfferWithMalformedCredentialsIsRefusedAndChangesNothing() throws Exception {
        try (ConnectedCall call = ConnectedCall.withSubscribers(PROFILE, 1)) {
            Participant subscriber = call.subscribers().get(0);
            String ufrag = subscriber.localUfrag();

            MediaException refused = assertThrows(MediaException.class,
                    () -> subscriber.acceptOffer(restartOffer("a:b")));
            assertEquals("invalid_sdp", refused.errorId());
            assertEquals(ufrag, subscriber.localUfrag());
            byte[] check = call.nominatingCheck(subscriber);
            subscriber.onStun(call.buffers(), check, 0, check.length, call.sink().address(), call.sender());
            assertEquals(1, forwardTo(call, 100));
            assertTrue(ConnectedCall.await(call.sink()::receivedRtp, 1), "the call goes on as before");
        }
    }

    private static String restartOffer(String ufrag) {
        return ConnectedCall.SUBSCRIBER_OFFER.replace("a=ice-ufrag:Rb7q", "a=ice-ufrag:" + ufrag)
                .replace("a=ice-pwd:Yc4mWq9sLt2vXe6pBn8dKj1h", "a=ice-pwd:Qz8rLm2vTn6wXb4kPc9dFh7j");
    }

    /** Forwards one publisher packet and drains the workers: how many packets they sent. */
    private static int forwardTo(ConnectedCall call, int sequence) {
        forward(call, sequence);
        return call.drainWorkers();
    }

    private static DatagramSocket socket() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5000);
        return socket;
    }

    private static InetSocketAddress address(DatagramSocket socket) {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private static DatagramPacket receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[1500], 1500);
        socket.receive(packet);
        return packet;
    }

    private static int stunType(DatagramPacket packet) throws Exception {
        return new StunMessage().wrap(packet.getData(), 0, packet.getLength()).messageType();
    }

    private static void forward(ConnectedCall call, int sequence) {
        byte[] packet = new byte[ForwardBuffers.SIZE];
        int plain = OpusPacket.write(packet, ConnectedCall.PUBLISHER_SSRC, sequence);
        int length = call.publisherClient().protectRtp(packet, 0, plain);
        call.publisher().onSrtp(call.buffers(), packet, 0, length, System.nanoTime());
    }

    private static SrtpMasterKey key(int fill) {
        byte[] key = new byte[PROFILE.keyLength()];
        byte[] salt = new byte[PROFILE.saltLength()];
        Arrays.fill(key, (byte) fill);
        Arrays.fill(salt, (byte) fill);
        return new SrtpMasterKey(PROFILE, key, salt);
    }

    /** No offer is given here, so no DTLS server ever reports. */
    private static final class NoDtls implements DtlsListener {

        @Override
        public void onConnected(DtlsSrtpKeys keys) {
            throw new AssertionError("no handshake was started");
        }

        @Override
        public void onFailed(HandshakeFailure failure, String reason, Throwable cause) {
            throw new AssertionError("no handshake was started");
        }

        @Override
        public void onDisconnected(String reason) {
            throw new AssertionError("no handshake was started");
        }
    }
}
