package dev.calls.media;

import static dev.calls.media.StunChecks.bindingRequest;
import static dev.calls.media.StunChecks.errorCodeOf;
import static dev.calls.media.StunChecks.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import dev.calls.media.ice.ErrorCode;

class BindAddressTest {

    /** TEST-NET-3 (RFC 5737): never an address of this machine, as a router's public address is not. */
    private static final String NOT_LOCAL = "203.0.113.9";

    @Test
    void aWildcardBecomesTheAdvertisedAddressWhenThatIsLocal() throws Exception {
        assertEquals(InetAddress.getByName("127.0.0.1"), BindAddress.choose("0.0.0.0", "127.0.0.1"));
    }

    @Test
    void aWildcardStaysWhenTheAdvertisedAddressIsARoutersOrDoesNotResolve() throws Exception {
        assertEquals(InetAddress.getByName("0.0.0.0"), BindAddress.choose("0.0.0.0", NOT_LOCAL));
        assertEquals(InetAddress.getByName("0.0.0.0"), BindAddress.choose("0.0.0.0", "no-such-host.invalid"));
    }

    @Test
    void aSpecificBindAddressIsKeptWhateverIsAdvertised() throws Exception {
        assertEquals(InetAddress.getByName("127.0.0.1"), BindAddress.choose("127.0.0.1", NOT_LOCAL));
    }

    /**
     * The case that failed with a wildcard bind: a client on this machine sends to the machine's advertised
     * address from a loopback one, and the kernel's route back to loopback picked 127.0.0.1 as the source.
     */
    @Test
    void anEngineOnTheDefaultWildcardAnswersFromTheAddressItAdvertises() throws Exception {
        MediaEngineConfig config = new MediaEngineConfig(0, MediaEngineConfig.ICE_TCP_OFF, "0.0.0.0", "", 2, 10, 30, 512, 2,
                MediaEngineConfig.DEFAULT_MEDIA_THREAD_NICE, MediaEngineConfig.DEFAULT_MEDIA_THREAD_REALTIME_PRIORITY);
        try (EngineUnderTest sfu = new EngineUnderTest(config);
                DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InetAddress advertised = InetAddress.getByName(sfu.engine.status().advertisedAddress());
            assumeFalse(advertised.isLoopbackAddress(), "this machine has no address but loopback");
            DatagramPacket answer = refusedCheck(sfu, client, advertised);
            assertEquals(advertised, answer.getAddress(), "the answer comes from where the check went");
        }
    }

    @Test
    void behindNatTheWildcardStaysAndLoopbackIsStillAnswered() throws Exception {
        MediaEngineConfig config = new MediaEngineConfig(0, MediaEngineConfig.ICE_TCP_OFF, "0.0.0.0", NOT_LOCAL, 2, 10, 30, 512, 2,
                MediaEngineConfig.DEFAULT_MEDIA_THREAD_NICE, MediaEngineConfig.DEFAULT_MEDIA_THREAD_REALTIME_PRIORITY);
        try (EngineUnderTest sfu = new EngineUnderTest(config);
                DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertEquals(NOT_LOCAL, sfu.engine.status().advertisedAddress());
            refusedCheck(sfu, client, InetAddress.getLoopbackAddress());
        }
    }

    /** Sends a check for a ufrag no session owns to {@code to} and returns the engine's 401 for it. */
    private static DatagramPacket refusedCheck(EngineUnderTest sfu, DatagramSocket client, InetAddress to)
            throws Exception {
        client.setSoTimeout(2000);
        byte[] request = bindingRequest("nosuchufrag:client", "whatever-password-12345");
        client.send(new DatagramPacket(request, request.length, to, sfu.engine.status().udpPort()));
        DatagramPacket answer = receive(client);
        assertNotNull(answer, "the check to " + to + " is answered");
        assertEquals(ErrorCode.UNAUTHENTICATED, errorCodeOf(answer));
        return answer;
    }
}
