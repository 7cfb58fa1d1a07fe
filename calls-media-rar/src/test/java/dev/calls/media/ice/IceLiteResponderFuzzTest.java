package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The responder on valid checks with fuzzed bytes changed, and on raw fuzzed datagrams: it never throws,
 * and whenever it answers, the answer is a well-formed STUN response with a correct FINGERPRINT.
 */
class IceLiteResponderFuzzTest {
    private static final byte[] CHECK = BindingRequests.check("lite:full", "passwordPasswordPassword")
            .useCandidate().build();

    private final IceLiteResponder responder = new IceLiteResponder("lite", "passwordPasswordPassword", "full");
    private final byte[] out = new byte[IceLiteResponder.MAX_RESPONSE_LENGTH];
    private final InetSocketAddress source = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);

    @FuzzTest(maxDuration = "10s")
    void answersAreAlwaysWellFormed(FuzzedDataProvider data) throws StunParseException {
        byte[] datagram;
        if (!data.consumeBoolean()) {
            datagram = CHECK.clone();
            int changes = data.consumeInt(0, 8);
            for (int i = 0; i < changes; i++) {
                datagram[data.consumeInt(0, datagram.length - 1)] = data.consumeByte();
            }
        } else {
            datagram = data.consumeRemainingAsBytes();
        }

        BindingOutcome outcome = responder.respond(datagram, 0, datagram.length, source, out, 0);

        if (outcome == BindingOutcome.SUCCESS || outcome == BindingOutcome.ERROR_RESPONSE) {
            assertTrue(responder.responseLength() <= IceLiteResponder.MAX_RESPONSE_LENGTH);
            StunMessage response = new StunMessage().wrap(out, 0, responder.responseLength());
            assertTrue(new Fingerprint().verify(response));
            assertEquals(outcome == BindingOutcome.SUCCESS, response.messageType()
                    == StunMessageType.BINDING_SUCCESS_RESPONSE);
        } else {
            assertEquals(0, responder.responseLength());
        }
    }
}
