package dev.calls.media.sfu;

import java.util.concurrent.TimeUnit;

/**
 * The clock of one session, ticked by the engine about every 100 ms: the connect timeout (ICE and DTLS
 * within rtcConnectTimeoutSeconds of the answer), consent freshness (RFC 7675 §5.1) and the receiver
 * reports to the session's client about the tracks it publishes (RFC 3550 §6.2), and the repeated requests
 * for packets lost on its uplink that no arriving packet has triggered.
 */
final class SessionTimers {

    private static final long RECEIVER_REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Participant participant;
    private final Negotiation negotiation;
    private final SessionTransport transport;
    private final RtcpRouter rtcp;
    private final long connectTimeoutNanos;
    private volatile long nextReportNanos;

    SessionTimers(Participant participant, Negotiation negotiation, SessionTransport transport, RtcpRouter rtcp,
            long connectTimeoutNanos) {
        this.participant = participant;
        this.negotiation = negotiation;
        this.transport = transport;
        this.rtcp = rtcp;
        this.connectTimeoutNanos = connectTimeoutNanos;
    }

    void tick(long nowNanos) {
        SessionState current = negotiation.state();
        if (current == SessionState.ANSWERED && nowNanos - negotiation.answeredAtNanos() > connectTimeoutNanos) {
            participant.close(CloseReason.RTC_TIMEOUT);
        } else if (current == SessionState.CONNECTED && transport.consentExpired(nowNanos)) {
            participant.close(CloseReason.RTC_CONSENT_LOST);
        } else if (current == SessionState.CONNECTED) {
            rtcp.retryLostPackets(nowNanos);
            if (nowNanos - nextReportNanos >= 0) {
                nextReportNanos = nowNanos + RECEIVER_REPORT_INTERVAL_NANOS;
                rtcp.sendReceiverReports(nowNanos);
            }
        }
    }
}
