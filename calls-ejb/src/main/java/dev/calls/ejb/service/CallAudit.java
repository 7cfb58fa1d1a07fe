package dev.calls.ejb.service;

import org.jboss.logging.Logger;

/**
 * The audit trail of calls in the log category {@value #CATEGORY}: one line when a call starts or ends
 * and when a session joins or leaves, with the ids an admin needs to follow one call or one user.
 */
final class CallAudit {

    static final String CATEGORY = "dev.calls.audit";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private CallAudit() {
    }

    static void callStarted(String callId, String channelId, String ownerId) {
        LOG.infof("call_start call=%s channel=%s owner=%s", callId, channelId, ownerId);
    }

    static void callEnded(String callId, String channelId, long startAt, long endAt, CallEndReason reason) {
        LOG.infof("call_end call=%s channel=%s duration_ms=%d reason=%s", callId, channelId, endAt - startAt, reason.id());
    }

    static void sessionJoined(String callId, String sessionId, String userId) {
        LOG.infof("session_join call=%s session=%s user=%s", callId, sessionId, userId);
    }

    static void sessionLeft(String callId, String sessionId, String userId) {
        LOG.infof("session_leave call=%s session=%s user=%s", callId, sessionId, userId);
    }
}
