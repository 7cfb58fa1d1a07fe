package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.config.CallsConfig;
import dev.calls.ejb.model.CallRecord;
import dev.calls.ejb.model.CallSessionRecord;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.policy.CallAccessPolicy;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Questions about calls that change nothing: a channel's call and switch, the calls a user can see, the
 * ended calls of a channel, the call link. They take no lock: the live state is swapped atomically.
 * Methods with an {@code actorId} check the actor may ask.
 */
@ApplicationScoped
public class CallHistory {

    public static final int HISTORY_LIMIT = 200;

    /** An ended call and everyone who took part. */
    public record Entry(CallRecord call, List<String> participants) {
    }

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    CallStateStore store;

    @Inject
    CallEntities entities;

    @Inject
    CallsConfig config;

    @Inject
    CallAccessPolicy callPolicy;

    @Inject
    ChannelAccessPolicy channelPolicy;

    public ChannelCall channelCall(String actorId, String channelId) {
        Channel channel = entities.channel(channelId);
        callPolicy.checkView(entities.user(actorId), entities.membership(channelId, actorId));
        return new ChannelCall(channelId, channel.callsEnabled(config.defaultEnabled()),
                store.byChannel(channelId).orElse(null));
    }

    /** Checks the actor may use the channel's call link; returns the channel the link names. */
    public Channel checkLink(String actorId, String channelId) {
        Channel channel = entities.channel(channelId);
        callPolicy.checkLink(entities.user(actorId), channel, entities.membership(channelId, actorId));
        return channel;
    }

    /** The running calls of the channels the actor is a member of. */
    public List<LiveCall> activeCalls(String actorId) {
        channelPolicy.checkActive(entities.user(actorId));
        List<LiveCall> mine = new ArrayList<>();
        for (LiveCall call : store.all()) {
            if (entities.membership(call.channelId(), actorId) != null) {
                mine.add(call);
            }
        }
        return mine;
    }

    /** Ended calls of the channel, newest first, at most {@link #HISTORY_LIMIT}. */
    public List<Entry> history(String actorId, String channelId) {
        entities.channel(channelId);
        callPolicy.checkView(entities.user(actorId), entities.membership(channelId, actorId));
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
        return ended.stream().map(c -> new Entry(c, participants.getOrDefault(c.getId(), List.of()))).toList();
    }

    /** The call the session is in, if any. */
    public Optional<LiveCall> callOf(String sessionId) {
        return store.bySession(sessionId);
    }
}
