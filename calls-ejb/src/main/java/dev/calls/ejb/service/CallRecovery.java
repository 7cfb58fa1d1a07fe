package dev.calls.ejb.service;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;

import dev.calls.ejb.model.CallRecord;
import dev.calls.ejb.model.CallSessionRecord;

/**
 * Ends, at startup, every call the database still shows as running: after a crash or kill no session
 * survives in memory, so such a call is a ghost. Each is closed at the last moment it is known to have run
 * (its last join, leave or host change, or its last {@link CallHeartbeat}, whichever is later), as are its
 * sessions, which is the truest end time the records allow; the
 * audit trail gets the same lines a call ending while the server runs writes, with the reason
 * {@code server_restart}, and so does the call's card (nobody is connected yet to hear of it). Live state is per server (the in-memory store), so this is right for the
 * single-server deployment.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class CallRecovery {

    private static final Logger LOG = Logger.getLogger(CallRecovery.class);

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @PostConstruct
    void endLeftoverCalls() {
        List<CallRecord> calls = em.createQuery("SELECT c FROM CallRecord c WHERE c.endAt = 0", CallRecord.class)
                .getResultList();
        int sessions = 0;
        for (CallRecord call : calls) {
            long endAt = call.lastKnownAliveAt();
            for (CallSessionRecord session : em.createQuery("SELECT s FROM CallSessionRecord s "
                    + "WHERE s.callId = :call AND s.leaveAt = 0 ORDER BY s.joinAt", CallSessionRecord.class)
                    .setParameter("call", call.getId()).getResultList()) {
                session.leave(endAt);
                CallAudit.sessionLeft(call.getId(), session.getId(), session.getUserId());
                sessions++;
            }
            call.end(endAt);
            CallPosts.card(em, call.getId(), call.getThreadId()).ifPresent(post ->
                    post.showCall(post.callProps().orElseThrow().ended(endAt, CallEndReason.SERVER_RESTART.id())));
            CallAudit.callEnded(call.getId(), call.getChannelId(), call.getStartAt(), endAt, CallEndReason.SERVER_RESTART);
        }
        if (!calls.isEmpty()) {
            LOG.infof("Ended %d call(s) and %d session(s) left open by the previous run, at the last moment they were seen running",
                    calls.size(), sessions);
        }
    }
}
