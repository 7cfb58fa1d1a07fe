package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.calls.media.api.MediaException;
import dev.calls.media.ice.IceCredentials;
import dev.calls.media.ice.IceLiteResponder;
import dev.calls.media.sdp.Fingerprint;
import dev.calls.media.sdp.SetupRole;
import dev.calls.media.sdp.TransportParameters;

/** Which offers restart ICE (RFC 8839 §4.4.1.1.1) and what completing a restart changes (RFC 8445 §9). */
class IceGenerationsTest {

    private static final String PASSWORD = "Yc4mWq9sLt2vXe6pBn8dKj1h";
    private static final InetSocketAddress NEW_PATH = new InetSocketAddress("127.0.0.1", 40000);

    private final List<String> routed = new ArrayList<>();
    private final IceGenerations generations = new IceGenerations(new IceRoutes() {
        @Override
        public void ufragIssued(String localUfrag) {
            routed.add("issued " + localUfrag);
        }

        @Override
        public void ufragRetired(String localUfrag) {
            routed.add("retired " + localUfrag);
        }

        @Override
        public void pathSwitched(InetSocketAddress path) {
            routed.add("switched " + path);
        }
    });

    @Test
    void anOfferWithTheSameCredentialsKeepsOursAndOneWithANewUfragOrPasswordRestarts() throws Exception {
        IceCredentials first = offer("Rb7q", PASSWORD);
        assertTrue(generations.started());

        assertSame(first, generations.answerCredentials(transport("Rb7q", PASSWORD)));
        assertNotEquals(first, generations.answerCredentials(transport("N3wU", PASSWORD)));
        IceCredentials restarted = generations.answerCredentials(transport("Rb7q", "Qz8rLm2vTn6wXb4kPc9dFh7j"));
        assertNotEquals(first.ufrag(), restarted.ufrag());
        assertNotEquals(first.password(), restarted.password());
        assertEquals(List.of(), routed, "answerCredentials changes nothing");
    }

    @Test
    void aRestartIsRoutedAtOnceAndCompletesOnlyWhenItsCredentialsNominate() throws Exception {
        IceCredentials first = offer("Rb7q", PASSWORD);
        IceLiteResponder old = generations.responderFor(new byte[0], 0, 0);
        IceCredentials second = offer("N3wU", PASSWORD);
        assertEquals(List.of("issued " + second.ufrag()), routed);
        assertSame(second, generations.local());

        IceLiteResponder restart = responderNamed(second.ufrag());
        assertNotEquals(old, restart);
        assertTrue(generations.passed(old, false, NEW_PATH), "the old credentials still carry the media");
        assertFalse(generations.passed(restart, false, NEW_PATH), "a check that does not nominate moves nothing");
        assertTrue(generations.passed(restart, true, NEW_PATH));
        assertEquals(List.of("issued " + second.ufrag(), "retired " + first.ufrag(), "switched " + NEW_PATH), routed);
        assertSame(restart, responderNamed(first.ufrag()), "checks naming the old ufrag reach the new responder: 401");
    }

    @Test
    void aSecondRestartBeforeTheFirstCompletedRetiresTheFirst() throws Exception {
        offer("Rb7q", PASSWORD);
        IceCredentials second = offer("N3wU", PASSWORD);
        IceCredentials third = offer("Th1rd", PASSWORD);
        assertEquals(List.of("issued " + second.ufrag(), "issued " + third.ufrag(), "retired " + second.ufrag()), routed);
    }

    @Test
    void malformedCredentialsAreInvalidSdp() throws Exception {
        offer("Rb7q", PASSWORD);
        for (TransportParameters bad : List.of(transport("a:b", PASSWORD), transport("abc", PASSWORD),
                transport("Rb7q", "short"), transport("Rb7q", "Yc4mWq9sLt2vXe6pBn8dK-1h"))) {
            MediaException refused = assertThrows(MediaException.class, () -> generations.answerCredentials(bad));
            assertEquals("invalid_sdp", refused.errorId());
        }
    }

    @Test
    void beforeAnyOfferNoCheckHasAResponder() {
        assertFalse(generations.started());
        assertNull(generations.responderFor(new byte[0], 0, 0));
    }

    private IceCredentials offer(String ufrag, String password) throws Exception {
        TransportParameters offered = transport(ufrag, password);
        IceCredentials answered = generations.answerCredentials(offered);
        generations.offered(offered, answered);
        return answered;
    }

    private IceLiteResponder responderNamed(String localUfrag) {
        byte[] check = ConnectedCall.nominatingCheck(new String[] {localUfrag + ":Rb7q", PASSWORD});
        return generations.responderFor(check, 0, check.length);
    }

    private static TransportParameters transport(String ufrag, String password) {
        return new TransportParameters(ufrag, password, new Fingerprint("sha-256",
                "7A:CA:58:87:C7:E8:97:16:36:52:72:40:A6:A9:96:F3:AF:19:66:D4:A7:31:24:EC:F5:37:26:1B:90:A4:49:44"),
                SetupRole.ACTPASS);
    }
}
