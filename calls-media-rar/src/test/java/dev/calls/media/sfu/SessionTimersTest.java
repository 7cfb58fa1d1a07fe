package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.calls.media.srtp.SrtpProfile;

/** A session's clock: the connect timeout, consent freshness and receiver reports (the host's 10 s and 30 s). */
class SessionTimersTest {

    private static final SrtpProfile PROFILE = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void anAnsweredSessionThatDoesNotConnectInTimeIsClosedWithRtcTimeout() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            Participant session = call.answered(ConnectedCall.PUBLISHER_OFFER, "Xk3f");
            long now = System.nanoTime();

            session.tick(now + 9 * SECOND);
            assertNull(session.closeReason());

            session.tick(now + 11 * SECOND);
            assertEquals(CloseReason.RTC_TIMEOUT, session.closeReason());
        }
    }

    @Test
    void aConnectedSessionWhoseConsentChecksStopIsClosedWithConsentLost() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            call.startPublisher();
            long now = System.nanoTime();

            call.publisher().tick(now + 29 * SECOND);
            assertNull(call.publisher().closeReason());

            call.publisher().tick(now + 31 * SECOND);
            assertEquals(CloseReason.RTC_CONSENT_LOST, call.publisher().closeReason());
        }
    }

    @Test
    void aConnectedPublisherGetsOneReceiverReportASecond() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            call.startPublisher();
            assertTrue(ConnectedCall.await(call.sink()::received, 1), "the answer to the browser's check");
            long now = System.nanoTime();

            call.publisher().tick(now);
            call.publisher().tick(now + SECOND / 2);
            assertTrue(ConnectedCall.await(call.sink()::received, 2));
            call.publisher().tick(now + SECOND);
            assertTrue(ConnectedCall.await(call.sink()::received, 3));
            assertEquals(0, call.sink().receivedRtp(), "reports are SRTCP");
        }
    }
}
