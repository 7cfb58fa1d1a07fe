package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A channel's calls on/off switch, set by its admins. Switching calls off ends the running call at once. */
@ApplicationScoped
public class CallsSwitch {

    @Inject
    CallStateStore store;

    @Inject
    CallChanges changes;

    @Inject
    CallDepartures departures;

    @Inject
    CallEntities entities;

    @Inject
    ChannelAccessPolicy channelPolicy;

    public ChannelCall setEnabled(String actorId, String channelId, boolean enabled) {
        return changes.inChannel(channelId, change -> {
            Channel channel = entities.channel(channelId);
            channelPolicy.checkManageCalls(entities.user(actorId), channel, entities.membership(channelId, actorId));
            channel.setCallsEnabled(enabled);
            if (!enabled) {
                store.byChannel(channelId).ifPresent(call -> departures.endCall(change, call, System.currentTimeMillis(),
                        CallEndReason.CALLS_DISABLED));
            }
            return new ChannelCall(channelId, enabled, store.byChannel(channelId).orElse(null));
        });
    }
}
