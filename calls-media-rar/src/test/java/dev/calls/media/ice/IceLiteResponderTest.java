package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IceLiteResponderTest {
    private static final String LOCAL_UFRAG = "Srv1";
    private static final String LOCAL_PWD = "serverPasswordAbcdefgh12";
    private static final String REMOTE_UFRAG = "cl+/";
    private static final String USERNAME = LOCAL_UFRAG + ":" + REMOTE_UFRAG;
    private static final InetSocketAddress SOURCE = new InetSocketAddress(address("198.51.100.7"), 55432);

    private final IceLiteResponder responder = new IceLiteResponder(LOCAL_UFRAG, LOCAL_PWD, REMOTE_UFRAG);
    private final byte[] out = new byte[IceLiteResponder.MAX_RESPONSE_LENGTH + 10];

    @Test
    void aCheckIsNamedForTheResponderOfItsLocalUfrag() {
        byte[] check = BindingRequests.check(USERNAME, LOCAL_PWD).build();
        assertTrue(responder.isNamedIn(check, 0, check.length));
        assertFalse(new IceLiteResponder("Srv2", LOCAL_PWD, REMOTE_UFRAG).isNamedIn(check, 0, check.length));
        assertFalse(new IceLiteResponder("Srv", LOCAL_PWD, REMOTE_UFRAG).isNamedIn(check, 0, check.length),
                "a prefix of the ufrag is another ufrag");
        assertFalse(responder.isNamedIn(new byte[] {1, 2, 3}, 0, 3));
        assertEquals(LOCAL_UFRAG, responder.localUfrag());
    }

    @Test
    void validCheckGetsAnAuthenticatedSuccessWithTheSourceAddress() throws Exception {
        assertEquals(BindingOutcome.SUCCESS, respond(BindingRequests.check(USERNAME, LOCAL_PWD).build(), SOURCE));

        StunMessage response = response(0);
        assertEquals(StunMessageType.BINDING_SUCCESS_RESPONSE, response.messageType());
        assertArrayEquals(BindingRequests.TRANSACTION_ID, transactionId(response));
        assertEquals(SOURCE, XorMappedAddress.decode(response,
                response.findAttribute(StunAttributeType.XOR_MAPPED_ADDRESS)));
        assertTrue(MessageIntegrity.shortTerm(LOCAL_PWD).verify(response));
        assertTrue(new Fingerprint().verify(response));
        assertFalse(responder.nominated());
        assertEquals(0x6e7f1effL, responder.priority());
        assertEquals(0, responder.errorCode());
    }

    @Test
    void useCandidateNominates() {
        assertEquals(BindingOutcome.SUCCESS,
                respond(BindingRequests.check(USERNAME, LOCAL_PWD).useCandidate().build(), SOURCE));
        assertTrue(responder.nominated());
        assertEquals(BindingOutcome.SUCCESS, respond(BindingRequests.check(USERNAME, LOCAL_PWD).build(), SOURCE));
        assertFalse(responder.nominated(), "the flag describes the last check only");
    }

    @Test
    void aReplayedCheckIsAnsweredButNeitherNewNorNominating() throws Exception {
        byte[] check = BindingRequests.check(USERNAME, LOCAL_PWD).useCandidate().build();
        assertEquals(BindingOutcome.SUCCESS, respond(check, SOURCE));
        assertTrue(responder.nominated());
        assertFalse(responder.replayed());

        InetSocketAddress elsewhere = new InetSocketAddress(address("203.0.113.9"), 40000);
        assertEquals(BindingOutcome.SUCCESS, respond(check, elsewhere), "answered, as a retransmission is");
        assertTrue(responder.replayed());
        assertFalse(responder.nominated(), "a copy of a check nominates nothing");

        byte[] fresh = BindingRequests.check(USERNAME, LOCAL_PWD).useCandidate().transaction(transaction(1)).build();
        assertEquals(BindingOutcome.SUCCESS, respond(fresh, elsewhere));
        assertFalse(responder.replayed());
        assertTrue(responder.nominated(), "a new check from a new address still nominates (NAT rebinding)");
    }

    @Test
    void anUnauthenticatedCheckIsNotRememberedAsSeen() throws Exception {
        byte[] forged = BindingRequests.check(USERNAME, "not-the-password-at-all!").transaction(transaction(2)).build();
        assertEquals(BindingOutcome.ERROR_RESPONSE, respond(forged, SOURCE));
        byte[] genuine = BindingRequests.check(USERNAME, LOCAL_PWD).useCandidate().transaction(transaction(2)).build();
        assertEquals(BindingOutcome.SUCCESS, respond(genuine, SOURCE));
        assertFalse(responder.replayed(), "a forged check cannot spoil the transaction id of a real one");
        assertTrue(responder.nominated());
    }

    private static byte[] transaction(int n) {
        byte[] id = new byte[12];
        Arrays.fill(id, (byte) n);
        return id;
    }

    @Test
    void mapsAnIpv6SourceAndFollowsSourceChanges() throws Exception {
        InetSocketAddress ipv6 = new InetSocketAddress(address("2001:db8::42"), 40000);
        byte[] check = BindingRequests.check(USERNAME, LOCAL_PWD).build();
        respond(check, ipv6);
        assertEquals(ipv6, mappedAddress());
        respond(check, SOURCE);
        assertEquals(SOURCE, mappedAddress());
    }

    @Test
    void writesAtTheOutputOffset() throws Exception {
        byte[] check = BindingRequests.check(USERNAME, LOCAL_PWD).build();
        assertEquals(BindingOutcome.SUCCESS, responder.respond(check, 0, check.length, SOURCE, out, 10));
        StunMessage response = new StunMessage().wrap(out, 10, responder.responseLength());
        assertTrue(MessageIntegrity.shortTerm(LOCAL_PWD).verify(response));
        assertEquals(SOURCE, XorMappedAddress.decode(response, response.firstAttribute()));
    }

    @Test
    void missingUsernameIsABadRequestWithoutIntegrity() throws Exception {
        assertError(400, false, BindingRequests.check(USERNAME, LOCAL_PWD).withoutUsername().build());
    }

    @Test
    void missingIntegrityIsABadRequestWithoutIntegrity() throws Exception {
        assertError(400, false, BindingRequests.check(USERNAME, LOCAL_PWD).withoutIntegrity().build());
    }

    @Test
    void wrongUfragIsUnauthenticated() throws Exception {
        assertError(401, false, BindingRequests.check("Srv2:" + REMOTE_UFRAG, LOCAL_PWD).build());
        assertError(401, false, BindingRequests.check(LOCAL_UFRAG + ":other", LOCAL_PWD).build());
        assertError(401, false, BindingRequests.check(REMOTE_UFRAG + ":" + LOCAL_UFRAG, LOCAL_PWD).build());
        assertError(401, false, BindingRequests.check(USERNAME + "x", LOCAL_PWD).build());
    }

    @Test
    void wrongPasswordIsUnauthenticatedAndNotSignedWithAnyKey() throws Exception {
        assertError(401, false, BindingRequests.check(USERNAME, "someOtherPassword1234567").build());
    }

    @Test
    void unknownComprehensionRequiredAttributeIsListedIn420() throws Exception {
        StunMessage response = assertError(420, true,
                BindingRequests.check(USERNAME, LOCAL_PWD).withAttribute(0x7F01).build());
        int unknown = response.findAttribute(StunAttributeType.UNKNOWN_ATTRIBUTES);
        assertEquals(2, response.attributeLength(unknown));
        assertEquals(0x7F01, NetworkBytes.readUnsignedShort(out, StunMessage.valueOffset(unknown)));
    }

    @Test
    void unknownComprehensionOptionalAttributeIsIgnored() {
        // Chrome adds GOOG-NETWORK-INFO (0xC057) to its checks.
        assertEquals(BindingOutcome.SUCCESS,
                respond(BindingRequests.check(USERNAME, LOCAL_PWD).withAttribute(0xC057).build(), SOURCE));
    }

    @Test
    void missingPriorityIsAnAuthenticatedBadRequest() throws Exception {
        assertError(400, true, BindingRequests.check(USERNAME, LOCAL_PWD).withoutPriority().build());
        assertEquals(-1, responder.priority());
    }

    @Test
    void iceControlledIsARoleConflictWhateverTheTieBreaker() throws Exception {
        assertError(487, true, BindingRequests.check(USERNAME, LOCAL_PWD).controlled(0).build());
        assertError(487, true, BindingRequests.check(USERNAME, LOCAL_PWD).controlled(-1L).useCandidate().build());
        assertFalse(responder.nominated());
    }

    @Test
    void theRfc5769SampleRequestIsARoleConflict() throws Exception {
        // §2.1 is a check from a controlled agent: authentic for ufrag "evtj", but both sides controlled.
        IceLiteResponder rfc = new IceLiteResponder("evtj", Rfc5769.PASSWORD, "h6vY");
        assertEquals(BindingOutcome.ERROR_RESPONSE,
                rfc.respond(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length, SOURCE, out, 0));
        assertEquals(487, rfc.errorCode());
        StunMessage response = response(0, rfc.responseLength());
        assertTrue(MessageIntegrity.shortTerm(Rfc5769.PASSWORD).verify(response));
        assertArrayEquals(Rfc5769.TRANSACTION_ID, transactionId(response));
        assertEquals(0x6e0001ffL, rfc.priority());
    }

    @Test
    void badOrMissingFingerprintIsDiscarded() {
        byte[] check = BindingRequests.check(USERNAME, LOCAL_PWD).build();
        check[check.length - 1] ^= 1;
        assertDiscarded(check);
        assertDiscarded(BindingRequests.check(USERNAME, LOCAL_PWD).withoutFingerprint().build());
    }

    @Test
    void indicationsAreReportedButNotAnswered() {
        byte[] indication = BindingRequests.check(USERNAME, LOCAL_PWD)
                .ofType(StunMessageType.BINDING_INDICATION).build();
        assertEquals(BindingOutcome.INDICATION, respond(indication, SOURCE));
        assertEquals(0, responder.responseLength());
    }

    @Test
    void responsesAndOtherMethodsAreDiscarded() {
        assertDiscarded(BindingRequests.check(USERNAME, LOCAL_PWD)
                .ofType(StunMessageType.BINDING_SUCCESS_RESPONSE).build());
        assertDiscarded(BindingRequests.check(USERNAME, LOCAL_PWD)
                .ofType(StunMessageType.BINDING_ERROR_RESPONSE).build());
        assertDiscarded(BindingRequests.check(USERNAME, LOCAL_PWD)
                .ofType(StunMessageType.of(0x003, StunMessageType.CLASS_REQUEST)).build());
    }

    @Test
    void beforeTheRemoteUfragIsKnownAnyRemotePartIsAccepted() throws Exception {
        IceLiteResponder early = new IceLiteResponder(LOCAL_UFRAG, LOCAL_PWD, null);
        byte[] check = BindingRequests.check(USERNAME, LOCAL_PWD).build();
        assertEquals(BindingOutcome.SUCCESS, early.respond(check, 0, check.length, SOURCE, out, 0));
        byte[] otherLocal = BindingRequests.check("Srv:" + REMOTE_UFRAG, LOCAL_PWD).build();
        assertEquals(BindingOutcome.ERROR_RESPONSE, early.respond(otherLocal, 0, otherLocal.length, SOURCE, out, 0));
        byte[] noRemote = BindingRequests.check(LOCAL_UFRAG + ":", LOCAL_PWD).build();
        assertEquals(BindingOutcome.ERROR_RESPONSE, early.respond(noRemote, 0, noRemote.length, SOURCE, out, 0));

        early.setRemoteUfrag("late");
        assertEquals(BindingOutcome.ERROR_RESPONSE, early.respond(check, 0, check.length, SOURCE, out, 0));
        assertEquals(401, early.errorCode());
    }

    @Test
    void truncatedAndGarbageInputIsDiscardedWithoutException() {
        byte[] check = BindingRequests.check(USERNAME, LOCAL_PWD).useCandidate().build();
        for (int length = 0; length < check.length; length++) {
            assertEquals(BindingOutcome.DISCARDED, responder.respond(check, 0, length, SOURCE, out, 0));
        }
        Random random = new Random(5769);
        for (int i = 0; i < 2000; i++) {
            byte[] mutated = check.clone();
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt();
            assertDoesNotThrow(() -> responder.respond(mutated, 0, mutated.length, SOURCE, out, 0));
            byte[] garbage = new byte[random.nextInt(120)];
            random.nextBytes(garbage);
            assertDoesNotThrow(() -> responder.respond(garbage, 0, garbage.length, SOURCE, out, 0));
        }
    }

    private BindingOutcome respond(byte[] request, InetSocketAddress source) {
        return responder.respond(request, 0, request.length, source, out, 0);
    }

    private void assertDiscarded(byte[] request) {
        assertEquals(BindingOutcome.DISCARDED, respond(request, SOURCE));
        assertEquals(0, responder.responseLength());
    }

    private StunMessage assertError(int code, boolean integrityProtected, byte[] request) throws Exception {
        assertEquals(BindingOutcome.ERROR_RESPONSE, respond(request, SOURCE));
        assertEquals(code, responder.errorCode());
        StunMessage response = response(0);
        assertEquals(StunMessageType.BINDING_ERROR_RESPONSE, response.messageType());
        assertArrayEquals(BindingRequests.TRANSACTION_ID, transactionId(response));
        assertEquals(code, ErrorCode.code(response, response.findAttribute(StunAttributeType.ERROR_CODE)));
        assertEquals(integrityProtected, response.integrityAt() >= 0);
        if (integrityProtected) {
            assertTrue(MessageIntegrity.shortTerm(LOCAL_PWD).verify(response));
        }
        assertTrue(new Fingerprint().verify(response));
        return response;
    }

    private InetSocketAddress mappedAddress() throws StunParseException {
        StunMessage response = response(0);
        return XorMappedAddress.decode(response, response.findAttribute(StunAttributeType.XOR_MAPPED_ADDRESS));
    }

    private StunMessage response(int offset) throws StunParseException {
        return response(offset, responder.responseLength());
    }

    private StunMessage response(int offset, int length) throws StunParseException {
        return new StunMessage().wrap(out, offset, length);
    }

    private static byte[] transactionId(StunMessage message) {
        int at = message.transactionIdOffset();
        return Arrays.copyOfRange(message.buffer(), at, at + StunHeader.TRANSACTION_ID_LENGTH);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
