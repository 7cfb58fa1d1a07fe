package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.media.MediaGateway;
import dev.calls.ejb.model.CallSessionRecord;
import dev.calls.ejb.model.HostChangeRecord;
import dev.calls.ejb.model.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Sessions leaving a call and calls ending, for whatever reason, and the host passing on: the steps that
 * a leave, a host's removal, a media failure, the last one out and a host's end share. Runs inside a
 * {@link CallChange}; a leaving session's media closes once the change committed.
 */
@ApplicationScoped
public class CallDepartures {

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    CallStateStore store;

    @Inject
    CallEntities entities;

    @Inject
    CallEvents callEvents;

    @Inject
    MediaGateway media;

    @Inject
    CallPosts callPosts;

    /**
     * The session leaves the call; the last one out ends it. When the host leaves, the longest-present
     * participant takes over, as in the reference product ({@code actorId} made the change, null for none).
     */
    public void removeSession(CallChange change, LiveCall call, String sessionId, String actorId) {
        long now = System.currentTimeMillis();
        LiveCall next = call.withoutSession(sessionId);
        leave(change, call, call.session(sessionId).orElseThrow(), now);
        if (next.sessions().isEmpty()) {
            endCall(change, next, now, CallEndReason.LAST_LEFT);
            return;
        }
        entities.record(call.id()).touch(now);
        store.update(call.channelId(), c -> next);
        if (!next.hasUser(next.hostId())) {
            changeHost(next, next.sessions().get(0).userId(), actorId);
        }
    }

    /** Every session leaves and the call ends, not by anyone's hand. */
    public void endCall(CallChange change, LiveCall call, long now, CallEndReason reason) {
        endCall(change, call, now, reason, "");
    }

    /** Every session leaves and the call ends; {@code endedBy} is the user who ended it for everyone, or empty. */
    public void endCall(CallChange change, LiveCall call, long now, CallEndReason reason, String endedBy) {
        for (LiveSession session : call.sessions()) {
            leave(change, call, session, now);
        }
        CallAudit.callEnded(call.id(), call.channelId(), call.startAt(), now, reason);
        entities.record(call.id()).end(now);
        callPosts.ended(call.id(), call.threadId(), now, reason);
        store.update(call.channelId(), c -> c != null && c.id().equals(call.id()) ? null : c);
        callEvents.toChannel(call.channelId(), new CallEvent.CallEnd(call.id(), call.channelId(), now, reason.id(), endedBy));
    }

    public void changeHost(LiveCall call, String newHostId, String changedBy) {
        long now = System.currentTimeMillis();
        entities.record(call.id()).changeHost(newHostId, now);
        em.persist(new HostChangeRecord(Ids.newId(), call.id(), newHostId, changedBy, now));
        LiveCall next = store.update(call.channelId(), c -> c.withHost(newHostId));
        callEvents.toParticipants(next, new CallEvent.CallHostChanged(next.id(), next.channelId(), newHostId));
    }

    /** What every leave does: its media closes after the commit, its record ends, the channel hears of it. */
    private void leave(CallChange change, LiveCall call, LiveSession session, long now) {
        change.afterCommit(() -> media.close(session.sessionId(), "closed"));
        CallSessionRecord record = em.find(CallSessionRecord.class, session.sessionId());
        if (record != null) {
            record.leave(now);
        }
        CallAudit.sessionLeft(call.id(), session.sessionId(), session.userId());
        callEvents.toChannel(call.channelId(),
                new CallEvent.UserLeft(call.id(), call.channelId(), session.userId(), session.sessionId()));
    }
}
