package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.config.CallsConfig;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.event.EventDelivery;
import dev.calls.ejb.event.EventDelivery.Audience;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.policy.CallAccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ringing (an extension, on with {@code enableRinging}): a call that starts in a direct or group message
 * rings every other member wherever they are signed in ({@code calls_ringing}); a rung member may decline,
 * and every member hears who did ({@code calls_declined}). How long a ring lasts is the client's: the
 * server only says that a call rings, the call's end says it stopped.
 */
@ApplicationScoped
public class CallRinging {

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    CallsConfig config;

    @Inject
    CallEvents callEvents;

    @Inject
    CallStateStore store;

    @Inject
    CallEntities entities;

    @Inject
    CallAccessPolicy callPolicy;

    /**
     * Who declined which call; each decline first forgets the calls that ended, so it never holds more than
     * the running calls and the last one declined.
     */
    private final Map<String, Set<String>> declined = new ConcurrentHashMap<>();

    /** Rings the other members of the channel whose call just started (within the starting transaction). */
    void callStarted(Channel channel, LiveCall call) {
        if (!rings(channel)) {
            return;
        }
        List<String> rung = rung(ChannelService.memberIds(em, channel.getId()), call.ownerId());
        if (!rung.isEmpty()) {
            callEvents.publish(new EventDelivery(new CallEvent.CallsRinging(call.id(), channel.getId(), call.ownerId()),
                    channel.getId(), Audience.CHANNEL, rung));
        }
    }

    /** The members to ring: everyone but the caller. */
    static List<String> rung(List<String> memberIds, String callerId) {
        return memberIds.stream().filter(id -> !id.equals(callerId)).distinct().toList();
    }

    /**
     * The user declines the channel's ringing call. Only a member other than the caller may, only while the
     * call runs in a conversation that rings; declining again changes nothing and tells nobody again.
     */
    public void decline(String userId, String channelId) {
        Channel channel = entities.channel(channelId);
        callPolicy.checkView(entities.user(userId), entities.membership(channelId, userId));
        LiveCall call = store.byChannel(channelId).orElse(null);
        if (call == null || !rings(channel) || userId.equals(call.ownerId())) {
            throw CallsException.conflict("not_ringing", "No call rings for you in this channel.");
        }
        declined.keySet().removeIf(callId -> store.byId(callId).isEmpty());
        if (declined.computeIfAbsent(call.id(), id -> ConcurrentHashMap.newKeySet()).add(userId)) {
            callEvents.toChannel(channelId, new CallEvent.CallsDeclined(call.id(), channelId, userId));
        }
    }

    private boolean rings(Channel channel) {
        return config.enableRinging() && channel.getType().isConversation();
    }
}
