package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.calls.media.dtls.DtlsCertificate;
import dev.calls.media.ice.BindingOutcome;
import dev.calls.media.ice.IceLiteResponder;

/** The checks are judged by the engine's own ICE-lite responder, and its responses by the checks. */
class IceChecksTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50000);
    private final DtlsCertificate certificate = DtlsCertificate.generate();

    @Test
    void theServerAcceptsAndNominatesTheCheckAndItsResponseIsAccepted() {
        IceLiteResponder responder = new IceLiteResponder("srvUfrag", "serverPassword0123456789", "cliUfrag");
        IceChecks checks = new IceChecks("cliUfrag", server("srvUfrag", "serverPassword0123456789"), new Random(1));
        byte[] request = new byte[512];
        byte[] response = new byte[IceLiteResponder.MAX_RESPONSE_LENGTH];

        int length = checks.writeCheck(request);

        assertEquals(BindingOutcome.SUCCESS, responder.respond(request, 0, length, CLIENT, response, 0));
        assertTrue(responder.nominated());
        assertTrue(checks.onResponse(response, 0, responder.responseLength()));
    }

    @Test
    void aResponseSignedWithAnotherPasswordIsRefused() {
        IceLiteResponder impostor = new IceLiteResponder("srvUfrag", "anotherPassword012345678", "cliUfrag");
        IceChecks checks = new IceChecks("cliUfrag", server("srvUfrag", "serverPassword0123456789"), new Random(2));
        IceChecks impostorsClient = new IceChecks("cliUfrag", server("srvUfrag", "anotherPassword012345678"), new Random(2));
        byte[] request = new byte[512];
        byte[] response = new byte[IceLiteResponder.MAX_RESPONSE_LENGTH];
        checks.writeCheck(request);
        int length = impostorsClient.writeCheck(request);

        assertEquals(BindingOutcome.SUCCESS, impostor.respond(request, 0, length, CLIENT, response, 0));
        assertFalse(checks.onResponse(response, 0, impostor.responseLength()));
    }

    @Test
    void aResponseToAnUnknownTransactionOrGarbageIsRefused() {
        IceLiteResponder responder = new IceLiteResponder("srvUfrag", "serverPassword0123456789", "cliUfrag");
        IceChecks checks = new IceChecks("cliUfrag", server("srvUfrag", "serverPassword0123456789"), new Random(3));
        IceChecks other = new IceChecks("cliUfrag", server("srvUfrag", "serverPassword0123456789"), new Random(4));
        byte[] request = new byte[512];
        byte[] response = new byte[IceLiteResponder.MAX_RESPONSE_LENGTH];
        int length = other.writeCheck(request);
        responder.respond(request, 0, length, CLIENT, response, 0);

        assertFalse(checks.onResponse(response, 0, responder.responseLength()));
        assertFalse(checks.onResponse(new byte[] {0, 1, 0, 0}, 0, 4));
    }

    private ServerTransport server(String ufrag, String password) {
        return new ServerTransport(ufrag, password, certificate.fingerprint(), new InetSocketAddress("127.0.0.1", 3478));
    }
}
