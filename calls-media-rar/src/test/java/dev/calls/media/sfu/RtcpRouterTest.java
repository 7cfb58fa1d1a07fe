package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.calls.media.rtp.GenericNack;
import dev.calls.media.rtp.ReceiverReport;
import dev.calls.media.rtp.SenderReport;
import dev.calls.media.srtp.SrtpProfile;
import dev.calls.media.srtp.SrtpSender;

/** A session's RTCP: what its client's reports and feedback reach, and what the engine sends the client. */
class RtcpRouterTest {

    private static final SrtpProfile PROFILE = SrtpProfile.AES_CM_128_HMAC_SHA1_80;

    @Test
    void aPublishersSenderReportIsWhatTheReceiverReportsOnItsTrackAnswer() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            call.startPublisher();
            long ntp = 0x0123_4567_89AB_CDEFL;
            byte[] packet = new byte[ForwardBuffers.SIZE];
            int plain = SenderReport.write(packet, 0, ConnectedCall.PUBLISHER_SSRC, ntp, 960, 1, 100);

            send(call.publisherClient(), call.publisher(), call, packet, plain);

            byte[] report = new byte[128];
            int length = call.publisher().published()[0].writeReceiverReport(report, 7, System.nanoTime());
            ReceiverReport receiverReport = new ReceiverReport();
            assertTrue(receiverReport.wrap(report, 0, length));
            // RFC 3550 §6.4.1: LSR is the middle 32 bits of the last sender report's NTP timestamp.
            assertEquals(0x4567_89AB, receiverReport.reportBlock(0).lastSenderReport());
        }
    }

    @Test
    void aNackIsAnsweredOnlyFromAHistoryAndOnlyForATrackTheSessionReceives() throws Exception {
        try (ConnectedCall call = ConnectedCall.withSubscribers(PROFILE, 1)) {
            Participant subscriber = call.subscribers().get(0);
            byte[] packet = new byte[ForwardBuffers.SIZE];

            int voice = GenericNack.write(packet, 0, 1, ConnectedCall.PUBLISHER_SSRC, new int[] {100}, 1);
            send(call.subscriberSender(0), subscriber, call, packet, voice);
            assertEquals(0, call.drainWorkers(), "a voice keeps no retransmission history");

            int stranger = GenericNack.write(packet, 0, 1, 0x5151, new int[] {100}, 1);
            send(call.subscriberSender(0), subscriber, call, packet, stranger);
            assertEquals(0, call.drainWorkers());
            assertEquals(0, subscriber.srtpDrops(), "both were read");
        }
    }

    @Test
    void aKeyframeRequestGoesToThePublishersClientAsSrtcp() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            call.startPublisher();
            assertTrue(ConnectedCall.await(call.sink()::received, 1), "the answer to the browser's check");

            call.publisher().sendKeyframeRequest(ConnectedCall.PUBLISHER_SSRC);

            assertTrue(ConnectedCall.await(call.sink()::received, 2));
            assertEquals(0, call.sink().receivedRtp());
        }
    }

    /** Encrypts as the client's browser and hands it to its session as the receive loop would. */
    private static void send(SrtpSender client, Participant session, ConnectedCall call, byte[] packet, int plain) {
        int length = client.protectRtcp(packet, 0, plain);
        session.onSrtp(call.buffers(), packet, 0, length, System.nanoTime());
    }
}
