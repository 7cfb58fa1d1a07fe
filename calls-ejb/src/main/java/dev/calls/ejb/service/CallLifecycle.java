package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import dev.calls.ejb.config.CallsConfig;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.media.MediaFailure;
import dev.calls.ejb.media.MediaGateway;
import dev.calls.ejb.model.CallPostProps;
import dev.calls.ejb.model.CallRecord;
import dev.calls.ejb.model.CallSessionRecord;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.HostChangeRecord;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.Post;
import dev.calls.ejb.model.User;
import dev.calls.ejb.policy.CallAccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * A call's life: sessions join (the first starts the call), leave, lose their media, are dropped when
 * their user may no longer be there; the call ends with its last session or with its channel. Live state
 * sits in the {@link CallStateStore}; everything history needs is also written to the database. Every
 * change runs through {@link CallChanges}. The engine follows the state: a session's media is opened when
 * it joins and closed when it leaves for any reason (once the leave committed).
 */
@ApplicationScoped
public class CallLifecycle {

    /** The result of a join: the call after it, the new session, and whether this join started the call. */
    public record JoinResult(LiveCall call, LiveSession session, boolean started) {
    }

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    CallStateStore store;

    @Inject
    CallChanges changes;

    @Inject
    CallDepartures departures;

    @Inject
    CallEntities entities;

    @Inject
    CallsConfig config;

    @Inject
    CallAccessPolicy callPolicy;

    @Inject
    CallEvents callEvents;

    @Inject
    MediaGateway media;

    @Inject
    PostRate postRate;

    @Inject
    CallDrain drain;

    @Inject
    CallPosts callPosts;

    @Inject
    CallRinging ringing;

    /**
     * Joins the channel's call, starting it when there is none. A call that starts gets a thread: the
     * given root post of the channel ({@code threadId}), or a new root post whose message is the
     * {@code title} ("Call started" without one). Both are ignored when the call is running already.
     */
    public JoinResult join(String userId, String channelId, String connectionId, String title, String threadId) {
        drain.checkAcceptingJoins();
        String checkedTitle = InputRules.callTitle(title);
        return changes.inChannel(channelId, change -> join(change, userId, channelId, connectionId, checkedTitle, threadId));
    }

    private JoinResult join(CallChange change, String userId, String channelId, String connectionId, String title,
                            String threadId) {
        Channel channel = entities.channel(channelId);
        User user = entities.user(userId);
        if (store.byConnection(connectionId).isPresent()) {
            throw CallsException.conflict("already_in_call", "This connection is in a call already.");
        }
        LiveCall current = store.byChannel(channelId).orElse(null);
        boolean enabled = callPolicy.callsEnabled(user, channel.callsSwitch(), config.defaultEnabled(), current != null);
        callPolicy.checkJoin(user, channel, entities.membership(channelId, userId), enabled,
                current == null ? 0 : current.sessions().size(), config.maxCallParticipants());
        long now = System.currentTimeMillis();
        boolean started = current == null;
        boolean newThread = started && (threadId == null || threadId.isEmpty());
        String callId = started ? Ids.newId() : current.id();
        Post thread = started ? thread(callId, userId, channelId, title, threadId, now) : null;
        if (started) {
            CallRecord record = new CallRecord(callId, channelId, userId, thread.getId(), now);
            em.persist(record);
            em.persist(new HostChangeRecord(Ids.newId(), record.getId(), userId, null, now));
            current = new LiveCall(record.getId(), channelId, now, userId, userId, thread.getId(), null, List.of());
        } else {
            entities.record(current.id()).touch(now);
            callPosts.joined(current.id(), current.threadId(), userId);
        }
        LiveSession session = new LiveSession(Ids.newId(), userId, connectionId, now, false, 0, null);
        em.persist(new CallSessionRecord(session.sessionId(), current.id(), userId, now));
        // The database's refusals come before the engine is touched; the engine's refusal before the live state.
        em.flush();
        media.open(current.id(), session.sessionId());
        change.undoWith(() -> media.close(session.sessionId(), "closed"));
        LiveCall next = current.withSession(session);
        store.update(channelId, c -> next);
        if (started) {
            CallAudit.callStarted(next.id(), channelId, userId);
        }
        CallAudit.sessionJoined(next.id(), session.sessionId(), userId);
        if (started) {
            callEvents.toChannel(channelId, new CallEvent.CallStart(next.id(), channelId, now, userId, userId, next.threadId()));
            ringing.callStarted(channel, next);
        }
        if (newThread) {
            callEvents.toChannel(channelId, new CallEvent.Posted(PostService.toEvent(thread)));
        }
        callEvents.toChannel(channelId, new CallEvent.UserJoined(next.id(), channelId, userId, session.sessionId()));
        return new JoinResult(next, session, started);
    }

    /**
     * The thread of a call that starts: the named root post of the channel, or a new one, which is the
     * call's card ({@link CallPostProps}).
     */
    private Post thread(String callId, String userId, String channelId, String title, String threadId, long now) {
        if (threadId != null && !threadId.isEmpty()) {
            Post thread = em.find(Post.class, threadId);
            if (thread == null || !channelId.equals(thread.getChannelId()) || thread.getRootId() != null) {
                throw CallsException.badRequest("invalid_thread", "thread_id must name a root post of this channel.");
            }
            return thread;
        }
        postRate.take(userId);
        String message = title == null || title.isBlank() ? "Call started" : title.strip();
        Post thread = new Post(Ids.newId(), channelId, null, userId, message, now);
        thread.showCall(CallPostProps.started(callId, now, userId, title == null ? "" : title.strip()));
        em.persist(thread);
        return thread;
    }

    /** The session leaves its call (its media closes); the last one out ends it. Unknown sessions are ignored. */
    public void leave(String sessionId) {
        changes.inCallOf(sessionId, (change, call) -> departures.removeSession(change, call, sessionId, null));
    }

    /**
     * The engine closed the session's media. Closed on request (the session left already) changes
     * nothing; a failure (for example {@code rtc_timeout}) tells the session why, then it leaves the call.
     */
    public void mediaClosed(String sessionId, String reason) {
        changes.inCallOf(sessionId, (change, call) -> {
            if (!"closed".equals(reason)) {
                callEvents.toSession(call.channelId(), sessionId, new CallEvent.MediaError(reason, MediaFailure.describe(reason)));
            }
            departures.removeSession(change, call, sessionId, null);
        });
    }

    /** Drops the user's sessions from the channel's call, e.g. when they leave or are removed from the channel. */
    public void removeUserFromChannelCall(String userId, String channelId) {
        changes.inChannelCall(channelId, (change, call) -> {
            for (LiveSession session : call.sessions()) {
                if (session.userId().equals(userId)) {
                    LiveCall now = store.byId(call.id()).orElse(null);
                    if (now == null) {
                        return;
                    }
                    departures.removeSession(change, now, session.sessionId(), null);
                }
            }
        });
    }

    /** Drops the user from every call, e.g. on deactivation. */
    public void removeUserEverywhere(String userId) {
        for (LiveCall call : store.all()) {
            removeUserFromChannelCall(userId, call.channelId());
        }
    }

    /** Ends the channel's running call, if any, because of what happened to the channel. */
    public void endChannelCall(String channelId, CallEndReason reason) {
        changes.inChannelCall(channelId, (change, call) ->
                departures.endCall(change, call, System.currentTimeMillis(), reason));
    }
}
