package dev.calls.ejb.service;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.CallRecord;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.ChannelMember;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The records the call services read their rules from, found by id in the current transaction. */
@ApplicationScoped
public class CallEntities {

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    /** The channel; refused with 404 when there is none of that id. */
    public Channel channel(String channelId) {
        Channel channel = Ids.isValid(channelId) ? em.find(Channel.class, channelId) : null;
        if (channel == null) {
            throw CallsException.notFound("api.channel.not_found", "No channel with id " + channelId + ".");
        }
        return channel;
    }

    /** The user, null when there is none (the policies refuse a null actor). */
    public User user(String userId) {
        return userId == null ? null : em.find(User.class, userId);
    }

    /** The user's membership of the channel, null when they are not a member. */
    public ChannelMember membership(String channelId, String userId) {
        return userId == null ? null : em.find(ChannelMember.class, new ChannelMember.Key(channelId, userId));
    }

    public CallRecord record(String callId) {
        return em.find(CallRecord.class, callId);
    }
}
