package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

import dev.calls.media.bench.UdpSink;
import dev.calls.media.dtls.DtlsListener;
import dev.calls.media.dtls.HandshakeFailure;
import dev.calls.media.srtp.DtlsSrtpKeys;
import dev.calls.media.srtp.SrtpMasterKey;
import dev.calls.media.srtp.SrtpProfile;
import dev.calls.media.srtp.SrtpSender;

/** A session's transport: which checks count, and which SRTP it takes. */
class SessionTransportTest {

    private static final SrtpProfile PROFILE = SrtpProfile.AES_CM_128_HMAC_SHA1_80;

    @Test
    void beforeAnOfferNoCheckCountsAndNoAddressIsBound() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            SessionTransport transport = new SessionTransport(call.host(), new NoDtls());
            Participant other = call.answered(ConnectedCall.PUBLISHER_OFFER, "Xk3f");
            byte[] check = call.nominatingCheck(other);

            assertFalse(transport.onStun(call.buffers(), check, 0, check.length, call.sink().address(), call.sender()));
            assertFalse(transport.iceCompleted());
        }
    }

    @Test
    void srtpIsDroppedAndCountedUntilTheKeysAreThereAndWhenItFailsAuthentication() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            SessionTransport transport = new SessionTransport(call.host(), new NoDtls());
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
