package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.calls.media.api.MediaEvent;
import dev.calls.media.srtp.SrtpProfile;

/** A session's life as its parts compose it: connected once, closed once, with the first reason. */
class ParticipantTest {

    private static final SrtpProfile PROFILE = SrtpProfile.AES_CM_128_HMAC_SHA1_80;

    @Test
    void aSessionClosedTwiceKeepsItsFirstReasonAndReportsOneClosedEvent() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            call.startPublisher();
            Participant publisher = call.publisher();

            publisher.close(CloseReason.RTC_CONSENT_LOST);
            publisher.close(CloseReason.DTLS_CLOSED);

            assertEquals(CloseReason.RTC_CONSENT_LOST, publisher.closeReason());
            assertEquals(List.of("rtc_consent_lost"), closedDetails(call));
            assertFalse(publisher.isConnected());
        }
    }

    @Test
    void aRequestedCloseCarriesTheRequestersReason() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            call.startPublisher();

            call.publisher().closeOnRequest("left");

            assertEquals(CloseReason.CLOSED, call.publisher().closeReason());
            assertEquals(List.of("left"), closedDetails(call));
        }
    }

    @Test
    void aSessionConnectsOnceAnsweredAndReportsItOnce() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            call.startPublisher();

            call.giveKeys(call.publisher());

            assertTrue(call.publisher().isConnected());
            assertEquals(1, call.events().stream().filter(e -> e.type() == MediaEvent.Type.CONNECTED).count());
        }
    }

    private static List<String> closedDetails(ConnectedCall call) {
        return call.events().stream().filter(e -> e.type() == MediaEvent.Type.CLOSED).map(MediaEvent::detail).toList();
    }
}
