package dev.calls.media;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.calls.media.ice.FakeStunServer;
import dev.calls.media.ice.StunUri;

class PublicAddressCheckTest {

    private static final InetSocketAddress PUBLIC = new InetSocketAddress("203.0.113.7", 40_000);

    @Test
    void aPublicAddressOtherThanTheAdvertisedOneSuggestsIceHostOverride() throws Exception {
        try (FakeStunServer server = new FakeStunServer(PUBLIC, 0)) {
            PublicAddressCheck.Outcome outcome = check(server, "10.0.0.5");

            assertTrue(outcome.success(), outcome.message());
            assertTrue(outcome.message().contains("public address is 203.0.113.7"), outcome.message());
            assertTrue(outcome.message().contains("iceHostOverride=203.0.113.7"), outcome.message());
        }
    }

    @Test
    void aPublicAddressEqualToTheAdvertisedOneNeedsNothing() throws Exception {
        try (FakeStunServer server = new FakeStunServer(PUBLIC, 0)) {
            PublicAddressCheck.Outcome outcome = check(server, "203.0.113.7");

            assertTrue(outcome.success(), outcome.message());
            assertFalse(outcome.message().contains("iceHostOverride"), outcome.message());
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsReportedAsTimedOut() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            StunUri uri = new StunUri("127.0.0.1", silent.getLocalPort());
            PublicAddressCheck.Outcome outcome = new PublicAddressCheck(uri, "10.0.0.5", Duration.ofMillis(700)).check();

            assertFalse(outcome.success());
            assertTrue(outcome.message().contains("STUN discovery via stun:127.0.0.1:" + silent.getLocalPort() + " timed out"),
                    outcome.message());
        }
    }

    @Test
    void aNameThatDoesNotResolveIsReportedAsFailed() {
        // RFC 6761 §6.4: names under .invalid never resolve.
        StunUri uri = new StunUri("stun.nowhere.invalid", 3478);
        PublicAddressCheck.Outcome outcome = new PublicAddressCheck(uri, "10.0.0.5", Duration.ofMillis(700)).check();

        assertFalse(outcome.success());
        assertTrue(outcome.message().contains("failed: cannot resolve stun.nowhere.invalid"), outcome.message());
    }

    private static PublicAddressCheck.Outcome check(FakeStunServer server, String advertised) {
        StunUri uri = new StunUri("127.0.0.1", server.address().getPort());
        return new PublicAddressCheck(uri, advertised, Duration.ofSeconds(10)).check();
    }
}
