package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.CallsEvent;
import dev.calls.ejb.call.CallsEvent.Audience;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import dev.calls.ejb.config.CallsConfig;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.media.MediaFailure;
import dev.calls.ejb.media.MediaGateway;
import dev.calls.ejb.model.CallRecord;
import dev.calls.ejb.model.CallSessionRecord;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.ChannelMember;
import dev.calls.ejb.model.HostChangeRecord;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.Post;
import dev.calls.ejb.model.User;
import dev.calls.ejb.policy.CallAccessPolicy;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import dev.calls.ejb.policy.HostActionPolicy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The call lifecycle: join (starting the call), leave, host controls, participant state, and the
 * records of all of it. Live state sits in the {@link CallStateStore}; everything history needs is
 * also written to the database. Changes of one channel's call are serialized (a lock per channel), so
 * "one call per channel", the participant limit and the host hold under concurrent requests, while other
 * calls change at the same time. Each change runs in a transaction of its own that commits — and so hands
 * its {@link CallsEvent}s to the clients — before the channel's lock is released: everyone hears a call's
 * changes in the order they were made. Reads take no lock (the live state is swapped atomically).
 * Methods with an {@code actorId} check the actor's rights; those keyed by a session id are for
 * signaling, which has already tied the session to its authenticated connection.
 * The media engine follows the state: a session's media is opened when it joins and closed when it
 * leaves for any reason (once the leave committed), and mute and screen changes reach the engine before
 * anyone hears of them. Engine, live state and records agree after every change, committed or not.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class CallService {

    public static final int HISTORY_LIMIT = 200;

    private static final Logger LOG = Logger.getLogger(CallService.class);

    /** How long a change waits for its channel's lock: the container's default for a locked singleton. */
    static final long LOCK_TIMEOUT_MILLIS = 5000;

    /** The result of a join: the call after it, the new session, and whether this join started the call. */
    public record JoinResult(LiveCall call, LiveSession session, boolean started) {
    }

    /** A channel's call settings and its running call (null when none). */
    public record ChannelCall(String channelId, boolean enabled, LiveCall call) {
    }

    /** An ended call and everyone who took part. */
    public record HistoryEntry(CallRecord call, List<String> participants) {
    }

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    CallStateStore store;

    @Inject
    CallsConfig config;

    @Inject
    CallAccessPolicy callPolicy;

    @Inject
    ChannelAccessPolicy channelPolicy;

    @Inject
    HostActionPolicy hostPolicy;

    @Inject
    CallEvents callEvents;

    @Inject
    MediaGateway media;

    @Resource
    UserTransaction transaction;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    PostRate postRate;

    private final ChannelLocks locks = new ChannelLocks(LOCK_TIMEOUT_MILLIS);

    /**
     * Joins the channel's call, starting it when there is none. A call that starts gets a thread: the
     * given root post of the channel ({@code threadId}), or a new root post whose message is the
     * {@code title} ("Call started" without one). Both are ignored when the call is running already.
     */
    public JoinResult join(String userId, String channelId, String connectionId, String title, String threadId) {
        String checkedTitle = InputRules.callTitle(title);
        return change(channelId, () -> joinLocked(userId, channelId, connectionId, checkedTitle, threadId));
    }

    private JoinResult joinLocked(String userId, String channelId, String connectionId, String title, String threadId) {
        Channel channel = channel(channelId);
        User user = user(userId);
        for (LiveCall running : store.all()) {
            if (running.sessionOfConnection(connectionId).isPresent()) {
                throw CallsException.conflict("already_in_call", "This connection is in a call already.");
            }
        }
        LiveCall current = store.byChannel(channelId).orElse(null);
        boolean enabled = callPolicy.callsEnabled(user, channel.callsSwitch(), config.defaultEnabled(), current != null);
        callPolicy.checkJoin(user, channel, membership(channelId, userId), enabled,
                current == null ? 0 : current.sessions().size(), config.maxCallParticipants());
        long now = System.currentTimeMillis();
        boolean started = current == null;
        Post thread = null;
        boolean newThread = started && (threadId == null || threadId.isEmpty());
        if (started && !newThread) {
            thread = em.find(Post.class, threadId);
            if (thread == null || !channelId.equals(thread.getChannelId()) || thread.getRootId() != null) {
                throw CallsException.badRequest("invalid_thread", "thread_id must name a root post of this channel.");
            }
        } else if (newThread) {
            postRate.take(userId);
            String message = title == null || title.isBlank() ? "Call started" : title.strip();
            thread = new Post(Ids.newId(), channelId, null, userId, message, now);
            em.persist(thread);
        }
        if (started) {
            CallRecord record = new CallRecord(Ids.newId(), channelId, userId, thread.getId(), now);
            em.persist(record);
            em.persist(new HostChangeRecord(Ids.newId(), record.getId(), userId, null, now));
            current = new LiveCall(record.getId(), channelId, now, userId, userId, thread.getId(), null, List.of());
        } else {
            record(current.id()).touch(now);
        }
        LiveSession session = new LiveSession(Ids.newId(), userId, connectionId, now, false, 0, null);
        em.persist(new CallSessionRecord(session.sessionId(), current.id(), userId, now));
        // The database's refusals come before the engine is touched; the engine's refusal before the live state.
        em.flush();
        media.open(current.id(), session.sessionId());
        work().undoWith(() -> media.close(session.sessionId(), "closed"));
        LiveCall next = current.withSession(session);
        store.update(channelId, c -> next);
        if (started) {
            CallAudit.callStarted(next.id(), channelId, userId);
        }
        CallAudit.sessionJoined(next.id(), session.sessionId(), userId);
        if (started) {
            callEvents.fire("call_start", next, Audience.CHANNEL, null, Map.of("start_at", now, "owner_id", userId,
                    "host_id", userId, "thread_id", next.threadId()));
        }
        if (newThread) {
            callEvents.publish(new CallsEvent("posted", channelId, Audience.CHANNEL, ChannelService.memberIds(em, channelId),
                    Map.of("post", PostService.toEventData(thread))));
        }
        callEvents.fire("user_joined", next, Audience.CHANNEL, null, Map.of("user_id", userId, "session_id", session.sessionId()));
        return new JoinResult(next, session, started);
    }

    /** The session leaves its call (its media closes); the last one out ends it. Unknown sessions are ignored. */
    public void leave(String sessionId) {
        inCallOf(sessionId, call -> removeSession(call, sessionId, null));
    }

    public ChannelCall channelCall(String actorId, String channelId) {
        Channel channel = channel(channelId);
        callPolicy.checkView(user(actorId), membership(channelId, actorId));
        return new ChannelCall(channelId, channel.callsEnabled(config.defaultEnabled()),
                store.byChannel(channelId).orElse(null));
    }

    public ChannelCall setEnabled(String actorId, String channelId, boolean enabled) {
        return change(channelId, () -> {
            Channel channel = channel(channelId);
            channelPolicy.checkManageCalls(user(actorId), channel, membership(channelId, actorId));
            channel.setCallsEnabled(enabled);
            if (!enabled) {
                // Switching calls off takes effect at once: the running call ends.
                store.byChannel(channelId).ifPresent(call -> endCall(call, System.currentTimeMillis(),
                        CallEndReason.CALLS_DISABLED));
            }
            return new ChannelCall(channelId, enabled, store.byChannel(channelId).orElse(null));
        });
    }

    /** Checks the actor may use the channel's call link; returns the channel the link names. */
    public Channel checkLink(String actorId, String channelId) {
        Channel channel = channel(channelId);
        callPolicy.checkLink(user(actorId), channel, membership(channelId, actorId));
        return channel;
    }

    public List<LiveCall> activeCalls(String actorId) {
        channelPolicy.checkActive(user(actorId));
        List<LiveCall> mine = new ArrayList<>();
        for (LiveCall call : store.all()) {
            if (membership(call.channelId(), actorId) != null) {
                mine.add(call);
            }
        }
        return mine;
    }

    /** Ended calls of the channel, newest first, at most {@link #HISTORY_LIMIT}. */
    public List<HistoryEntry> history(String actorId, String channelId) {
        channel(channelId);
        callPolicy.checkView(user(actorId), membership(channelId, actorId));
        List<CallRecord> ended = em.createQuery("SELECT c FROM CallRecord c WHERE c.channelId = :channel AND c.endAt > 0 "
                        + "ORDER BY c.startAt DESC", CallRecord.class)
                .setParameter("channel", channelId)
                .setMaxResults(HISTORY_LIMIT)
                .getResultList();
        if (ended.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> participants = new HashMap<>();
        em.createQuery("SELECT s FROM CallSessionRecord s WHERE s.callId IN :calls ORDER BY s.joinAt", CallSessionRecord.class)
                .setParameter("calls", ended.stream().map(CallRecord::getId).toList())
                .getResultList()
                .forEach(s -> {
                    List<String> users = participants.computeIfAbsent(s.getCallId(), k -> new ArrayList<>());
                    if (!users.contains(s.getUserId())) {
                        users.add(s.getUserId());
                    }
                });
        return ended.stream().map(c -> new HistoryEntry(c, participants.getOrDefault(c.getId(), List.of()))).toList();
    }

    public void makeHost(String actorId, String callId, String newHostId) {
        inCall(callId, call -> {
            hostPolicy.checkMakeHost(user(actorId), call, newHostId);
            if (!newHostId.equals(call.hostId())) {
                changeHost(call, newHostId, actorId);
            }
        });
    }

    public void hostMute(String actorId, String callId, String sessionId) {
        inCall(callId, call -> muteByHost(call, hostPolicy.checkTargetSession(user(actorId), call, sessionId)));
    }

    /** Mutes every session but the acting host's own. */
    public void hostMuteOthers(String actorId, String callId) {
        inCall(callId, call -> {
            hostPolicy.checkHostAction(user(actorId), call);
            for (LiveSession session : call.sessions()) {
                if (!session.userId().equals(actorId)) {
                    call = muteByHost(call, session);
                }
            }
        });
    }

    public void hostScreenOff(String actorId, String callId, String sessionId) {
        inCall(callId, call -> {
            LiveSession target = hostPolicy.checkTargetSession(user(actorId), call, sessionId);
            callEvents.fire("host_screen_off", call, Audience.SESSION, sessionId, Map.of("session_id", sessionId));
            if (target.screenOn()) {
                media.setScreenStream(sessionId, null);
                work().undoWith(() -> media.setScreenStream(sessionId, target.screenStreamId()));
                applyScreen(call, target, null);
            }
        });
    }

    public void hostLowerHand(String actorId, String callId, String sessionId) {
        inCall(callId, call -> {
            LiveSession target = hostPolicy.checkTargetSession(user(actorId), call, sessionId);
            callEvents.fire("host_lower_hand", call, Audience.SESSION, sessionId, Map.of("session_id", sessionId));
            if (target.raisedHand() != 0) {
                applyHand(call, target, false);
            }
        });
    }

    /** Removes the session from the call; signaling closes its media on the {@code user_left} that follows. */
    public void hostRemove(String actorId, String callId, String sessionId) {
        inCall(callId, call -> {
            hostPolicy.checkTargetSession(user(actorId), call, sessionId);
            callEvents.fire("host_removed", call, Audience.PARTICIPANTS, sessionId, Map.of("session_id", sessionId));
            removeSession(call, sessionId, actorId);
        });
    }

    public void hostEnd(String actorId, String callId) {
        inCall(callId, call -> {
            hostPolicy.checkHostAction(user(actorId), call);
            endCall(call, System.currentTimeMillis(), CallEndReason.HOST_ENDED);
        });
    }

    /** The session's own mute switch: the engine stops or starts forwarding its voice. */
    public void setUnmuted(String sessionId, boolean unmuted) {
        inCallOfSession(sessionId, (call, session) -> {
            media.setMuted(sessionId, !unmuted);
            work().undoWith(() -> media.setMuted(sessionId, !session.unmuted()));
            if (session.unmuted() != unmuted) {
                LiveCall next = store.update(call.channelId(), c -> c.withSessionChanged(sessionId, s -> s.withUnmuted(unmuted)));
                callEvents.fire(unmuted ? "user_unmuted" : "user_muted", next, Audience.PARTICIPANTS, null,
                        Map.of("user_id", session.userId(), "session_id", sessionId));
            }
        });
    }

    public void setRaisedHand(String sessionId, boolean raised) {
        inCallOfSession(sessionId, (call, session) -> {
            if ((session.raisedHand() != 0) != raised) {
                applyHand(call, session, raised);
            }
        });
    }

    /**
     * Starts or stops the session's screen share: refused when sharing is off or someone else shares.
     * {@code streamId} names the client's screen MediaStream (null when stopping).
     */
    public void setScreenOn(String sessionId, boolean on, String streamId) {
        inCallOfSession(sessionId, (call, session) -> {
            if (on && !config.allowScreenSharing()) {
                throw CallsException.forbidden("screen_sharing_disabled", "Screen sharing is switched off on this server.");
            }
            if (on && call.screenSharingSessionId() != null && !call.screenSharingSessionId().equals(sessionId)) {
                throw CallsException.conflict("screen_already_shared", "Someone else is sharing their screen in this call.");
            }
            String stream = on ? streamId : null;
            media.setScreenStream(sessionId, stream);
            work().undoWith(() -> media.setScreenStream(sessionId, session.screenStreamId()));
            if (!Objects.equals(session.screenStreamId(), stream)) {
                applyScreen(call, session, stream);
            }
        });
    }

    /** A reaction: every participant hears of it; nothing is kept. */
    public void react(String sessionId, Map<String, Object> emoji) {
        inCallOfSession(sessionId, (call, session) -> callEvents.fire("user_reacted", call, Audience.PARTICIPANTS, null,
                Map.of("user_id", session.userId(), "session_id", sessionId, "emoji", emoji,
                        "timestamp", System.currentTimeMillis())));
    }

    /** The call the session is in, if any. */
    public Optional<LiveCall> callOf(String sessionId) {
        return store.all().stream().filter(c -> c.session(sessionId).isPresent()).findFirst();
    }

    /**
     * The engine closed the session's media. Closed on request (the session left already) changes
     * nothing; a failure (for example {@code rtc_timeout}) tells the session why, then it leaves the call.
     */
    public void mediaClosed(String sessionId, String reason) {
        inCallOf(sessionId, call -> {
            if (!"closed".equals(reason)) {
                callEvents.publish(new CallsEvent("error", call.channelId(), Audience.SESSION, List.of(sessionId),
                        Map.of("id", reason, "message", MediaFailure.describe(reason))));
            }
            removeSession(call, sessionId, null);
        });
    }

    /** Drops the user's sessions from the channel's call, e.g. when they leave or are removed from the channel. */
    public void removeUserFromChannelCall(String userId, String channelId) {
        inChannelCall(channelId, call -> removeUserSessions(call, userId));
    }

    /** Drops the user from every call, e.g. on deactivation. */
    public void removeUserEverywhere(String userId) {
        for (LiveCall call : store.all()) {
            removeUserFromChannelCall(userId, call.channelId());
        }
    }

    /** Ends the channel's running call, if any, because of what happened to the channel. */
    public void endChannelCall(String channelId, CallEndReason reason) {
        inChannelCall(channelId, call -> endCall(call, System.currentTimeMillis(), reason));
    }

    public LiveCall liveCall(String callId) {
        return store.byId(callId).orElseThrow(() -> CallsException.notFound("api.calls.not_found",
                "No running call with id " + callId + "."));
    }

    /**
     * Runs a change of the channel's call holding the channel's lock, in a transaction of its own that
     * commits — delivering the change's events — before the lock is released. The change is all or nothing:
     * when it fails or its commit does (a database refusal, a lost connection), its {@link CallChange} puts
     * the live call back as it was and takes its engine steps back, so the call goes on as before — a
     * channel never keeps a call or media session that its records do not have.
     */
    private <T> T change(String channelId, Supplier<T> change) {
        return locks.with(channelId, () -> {
            try {
                transaction.begin();
            } catch (NotSupportedException | SystemException e) {
                throw new EJBException(e);
            }
            CallChange work = new CallChange(channelId, store.byChannel(channelId).orElse(null));
            transactions.putResource(CallChange.class, work);
            T result;
            try {
                result = change.get();
            } catch (RuntimeException | Error e) {
                rollback();
                work.undo(store);
                throw e;
            }
            try {
                transaction.commit();
            } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException
                     | RuntimeException e) {
                LOG.errorf(e, "a change of the call in channel %s did not commit; it is undone", channelId);
                work.undo(store);
                throw new EJBException(e);
            }
            work.committed();
            return result;
        });
    }

    /** The change running on this thread, under its channel's lock. */
    private CallChange work() {
        return (CallChange) transactions.getResource(CallChange.class);
    }

    private void rollback() {
        try {
            transaction.rollback();
        } catch (SystemException | IllegalStateException e) {
            LOG.debugf("rolling back a call change: %s", e.getMessage());
        }
    }

    /** Changes the channel's running call as it is under the lock; nothing when none runs. */
    private void inChannelCall(String channelId, Consumer<LiveCall> change) {
        change(channelId, () -> {
            store.byChannel(channelId).ifPresent(change);
            return null;
        });
    }

    /** Changes the call with that id as it is under its channel's lock; refused when it is not running. */
    private void inCall(String callId, Consumer<LiveCall> change) {
        change(liveCall(callId).channelId(), () -> {
            change.accept(liveCall(callId));
            return null;
        });
    }

    /** Changes the call the session is in, as it is under the lock; nothing when the session is in none. */
    private void inCallOf(String sessionId, Consumer<LiveCall> change) {
        callOf(sessionId).ifPresent(found -> inChannelCall(found.channelId(), call -> {
            if (call.session(sessionId).isPresent()) {
                change.accept(call);
            }
        }));
    }

    /** Changes the session and its call as they are under the lock; refused when the session is in no call. */
    private void inCallOfSession(String sessionId, BiConsumer<LiveCall, LiveSession> change) {
        change(callOfSession(sessionId).channelId(), () -> {
            LiveCall call = callOfSession(sessionId);
            change.accept(call, call.session(sessionId).orElseThrow());
            return null;
        });
    }

    private void removeUserSessions(LiveCall call, String userId) {
        for (LiveSession session : call.sessions()) {
            if (session.userId().equals(userId)) {
                call = store.byId(call.id()).orElse(null);
                if (call == null) {
                    return;
                }
                removeSession(call, session.sessionId(), null);
            }
        }
    }

    private void removeSession(LiveCall call, String sessionId, String actorId) {
        long now = System.currentTimeMillis();
        LiveSession session = call.session(sessionId).orElseThrow();
        work().afterCommit(() -> media.close(sessionId, "closed"));
        CallSessionRecord sessionRecord = em.find(CallSessionRecord.class, sessionId);
        if (sessionRecord != null) {
            sessionRecord.leave(now);
        }
        CallAudit.sessionLeft(call.id(), sessionId, session.userId());
        LiveCall next = call.withoutSession(sessionId);
        if (next.sessions().isEmpty()) {
            callEvents.fire("user_left", call, Audience.CHANNEL, null, Map.of("user_id", session.userId(), "session_id", sessionId));
            endCall(next, now, CallEndReason.LAST_LEFT);
            return;
        }
        record(call.id()).touch(now);
        store.update(call.channelId(), c -> next);
        callEvents.fire("user_left", next, Audience.CHANNEL, null, Map.of("user_id", session.userId(), "session_id", sessionId));
        if (!next.hasUser(next.hostId())) {
            // The host left: the longest-present participant takes over, as in the reference product.
            changeHost(next, next.sessions().get(0).userId(), actorId);
        }
    }

    private void endCall(LiveCall call, long now, CallEndReason reason) {
        for (LiveSession session : call.sessions()) {
            work().afterCommit(() -> media.close(session.sessionId(), "closed"));
            CallSessionRecord sessionRecord = em.find(CallSessionRecord.class, session.sessionId());
            if (sessionRecord != null) {
                sessionRecord.leave(now);
            }
            CallAudit.sessionLeft(call.id(), session.sessionId(), session.userId());
            callEvents.fire("user_left", call, Audience.CHANNEL, null,
                    Map.of("user_id", session.userId(), "session_id", session.sessionId()));
        }
        CallAudit.callEnded(call.id(), call.channelId(), call.startAt(), now, reason);
        record(call.id()).end(now);
        store.update(call.channelId(), c -> c != null && c.id().equals(call.id()) ? null : c);
        callEvents.fire("call_end", call, Audience.CHANNEL, null, Map.of("end_at", now));
    }

    private void changeHost(LiveCall call, String newHostId, String changedBy) {
        long now = System.currentTimeMillis();
        record(call.id()).changeHost(newHostId, now);
        em.persist(new HostChangeRecord(Ids.newId(), call.id(), newHostId, changedBy, now));
        LiveCall next = store.update(call.channelId(), c -> c.withHost(newHostId));
        callEvents.fire("call_host_changed", next, Audience.PARTICIPANTS, null, Map.of("host_id", newHostId));
    }

    private LiveCall muteByHost(LiveCall call, LiveSession target) {
        callEvents.fire("host_mute", call, Audience.SESSION, target.sessionId(), Map.of("session_id", target.sessionId()));
        if (!target.unmuted()) {
            return call;
        }
        media.setMuted(target.sessionId(), true);
        work().undoWith(() -> media.setMuted(target.sessionId(), false));
        LiveCall next = store.update(call.channelId(), c -> c.withSessionChanged(target.sessionId(), s -> s.withUnmuted(false)));
        callEvents.fire("user_muted", next, Audience.PARTICIPANTS, null,
                Map.of("user_id", target.userId(), "session_id", target.sessionId()));
        return next;
    }

    private void applyHand(LiveCall call, LiveSession session, boolean raised) {
        long at = raised ? System.currentTimeMillis() : 0;
        LiveCall next = store.update(call.channelId(), c -> c.withSessionChanged(session.sessionId(), s -> s.withRaisedHand(at)));
        callEvents.fire(raised ? "user_raise_hand" : "user_unraise_hand", next, Audience.PARTICIPANTS, null,
                Map.of("user_id", session.userId(), "session_id", session.sessionId(), "raised_hand", at));
    }

    /** The session shares {@code streamId} (stops with null); participants hear when sharing starts or stops. */
    private void applyScreen(LiveCall call, LiveSession session, String streamId) {
        boolean on = streamId != null;
        LiveCall next = store.update(call.channelId(), c -> c
                .withSessionChanged(session.sessionId(), s -> s.withScreenStream(streamId))
                .withScreenSharingSession(on ? session.sessionId() : null));
        if (session.screenOn() != on) {
            callEvents.fire(on ? "user_screen_on" : "user_screen_off", next, Audience.PARTICIPANTS, null,
                    Map.of("user_id", session.userId(), "session_id", session.sessionId()));
        }
    }

    private LiveCall callOfSession(String sessionId) {
        for (LiveCall call : store.all()) {
            if (call.session(sessionId).isPresent()) {
                return call;
            }
        }
        throw CallsException.notFound("api.calls.session.not_found", "No call has session " + sessionId + ".");
    }

    private Channel channel(String channelId) {
        Channel channel = Ids.isValid(channelId) ? em.find(Channel.class, channelId) : null;
        if (channel == null) {
            throw CallsException.notFound("api.channel.not_found", "No channel with id " + channelId + ".");
        }
        return channel;
    }

    private User user(String userId) {
        return userId == null ? null : em.find(User.class, userId);
    }

    private ChannelMember membership(String channelId, String userId) {
        return userId == null ? null : em.find(ChannelMember.class, new ChannelMember.Key(channelId, userId));
    }

    private CallRecord record(String callId) {
        return em.find(CallRecord.class, callId);
    }
}
