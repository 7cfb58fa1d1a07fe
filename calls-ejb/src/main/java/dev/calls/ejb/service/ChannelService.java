package dev.calls.ejb.service;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.ChannelMember;
import dev.calls.ejb.model.ChannelType;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.User;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** Channels, direct and group messages, and their members. Every decision goes through {@link ChannelAccessPolicy}. */
@Stateless
public class ChannelService {

    /** A channel and whether this request created it (201) or found it (200). */
    public record Opened(Channel channel, boolean created) {
    }

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    ChannelAccessPolicy policy;

    @EJB
    UserService users;

    @Inject
    CallLifecycle calls;

    public Channel create(String actorId, String name, String displayName, String type) {
        User actor = users.actor(actorId);
        policy.checkNotGuest(actor, "create channels");
        ChannelType channelType = ChannelType.fromWire(type)
                .filter(t -> !t.isConversation())
                .orElseThrow(() -> CallsException.badRequest("api.channel.type.invalid", "'type' must be \"O\" or \"P\"."));
        String checkedName = InputRules.channelName(name);
        String shown = InputRules.displayName(displayName, null);
        return insert(new Channel(Ids.newId(), channelType, checkedName, shown, actor.getId(), System.currentTimeMillis()),
                List.of(actor.getId()));
    }

    /** The direct message of two users: the same channel every time for the same pair. */
    public Opened direct(String actorId, List<String> userIds) {
        User actor = users.actor(actorId);
        List<String> ids = distinctIds(userIds);
        if (ids.size() != 2) {
            throw CallsException.badRequest("api.channel.direct.invalid", "A direct message is between exactly two different users.");
        }
        policy.checkConversation(actor, ids);
        return openConversation(ChannelType.DIRECT, ids, ids.get(0) + "__" + ids.get(1), actor.getId());
    }

    public Opened group(String actorId, List<String> userIds) {
        User actor = users.actor(actorId);
        List<String> ids = distinctIds(userIds);
        if (ids.size() < ChannelAccessPolicy.GROUP_MIN_USERS || ids.size() > ChannelAccessPolicy.GROUP_MAX_USERS) {
            throw CallsException.badRequest("api.channel.group.invalid", "A group message has "
                    + ChannelAccessPolicy.GROUP_MIN_USERS + " to " + ChannelAccessPolicy.GROUP_MAX_USERS + " different users.");
        }
        policy.checkConversation(actor, ids);
        return openConversation(ChannelType.GROUP, ids, "gm__" + sha1Hex(String.join(",", ids)), actor.getId());
    }

    public Channel get(String actorId, String channelId) {
        User actor = users.actor(actorId);
        Channel channel = require(channelId);
        policy.checkView(actor, channel, membership(channelId, actorId));
        return channel;
    }

    /** The channel's members by user id, to whoever may see the channel. */
    public List<ChannelMember> members(String actorId, String channelId, Page page) {
        get(actorId, channelId);
        return page.of(em.createQuery("SELECT m FROM ChannelMember m WHERE m.channelId = :channel ORDER BY m.userId",
                ChannelMember.class).setParameter("channel", channelId));
    }

    public List<Channel> myChannels(String actorId) {
        users.actor(actorId);
        return em.createQuery("SELECT c FROM Channel c, ChannelMember m WHERE m.channelId = c.id AND m.userId = :user "
                        + "ORDER BY c.displayName, c.id", Channel.class)
                .setParameter("user", actorId)
                .getResultList();
    }

    public ChannelMember addMember(String actorId, String channelId, String userId) {
        User actor = users.actor(actorId);
        Channel channel = require(channelId);
        User target = users.require(userId);
        policy.checkAddMember(actor, channel, membership(channelId, actorId), target);
        ChannelMember existing = membership(channelId, userId);
        if (existing != null) {
            return existing;
        }
        ChannelMember member = new ChannelMember(channelId, userId, false, System.currentTimeMillis());
        em.persist(member);
        return member;
    }

    /** A removed user is dropped from the channel's call at once. */
    public void removeMember(String actorId, String channelId, String userId) {
        User actor = users.actor(actorId);
        Channel channel = require(channelId);
        policy.checkRemoveMember(actor, channel, membership(channelId, actorId), userId);
        ChannelMember member = membership(channelId, userId);
        if (member == null) {
            throw CallsException.notFound("api.channel.member.not_found", "That user is not a member of this channel.");
        }
        em.remove(member);
        calls.removeUserFromChannelCall(userId, channelId);
    }

    /** Archives the channel (nothing is deleted) and ends its call. */
    public Channel archive(String actorId, String channelId) {
        User actor = users.actor(actorId);
        Channel channel = require(channelId);
        policy.checkArchive(actor, channel, membership(channelId, actorId));
        channel.archive(System.currentTimeMillis());
        calls.endChannelCall(channelId, CallEndReason.CHANNEL_ARCHIVED);
        return channel;
    }

    public Channel require(String channelId) {
        Channel channel = Ids.isValid(channelId) ? em.find(Channel.class, channelId) : null;
        if (channel == null) {
            throw CallsException.notFound("api.channel.not_found", "No channel with id " + channelId + ".");
        }
        return channel;
    }

    /** The user's membership of the channel, or null. */
    public ChannelMember membership(String channelId, String userId) {
        return em.find(ChannelMember.class, new ChannelMember.Key(channelId, userId));
    }

    /** The ids of the channel's members: who hears the channel's events. */
    public static List<String> memberIds(EntityManager em, String channelId) {
        return em.createQuery("SELECT m.userId FROM ChannelMember m WHERE m.channelId = :channel", String.class)
                .setParameter("channel", channelId)
                .getResultList();
    }

    /**
     * The conversation of exactly these members, found by {@code membersKey} (which also names a new one:
     * it holds "__", which user channel names cannot), or created.
     */
    private Opened openConversation(ChannelType type, List<String> ids, String membersKey, String actorId) {
        Channel existing = em.createQuery("SELECT c FROM Channel c WHERE c.membersKey = :key", Channel.class)
                .setParameter("key", membersKey).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            return new Opened(existing, false);
        }
        List<User> members = ids.stream().map(users::require).toList();
        for (User member : members) {
            if (!member.isActive()) {
                throw CallsException.badRequest("api.channel.conversation.inactive",
                        "A deactivated user cannot be in a new conversation.");
            }
        }
        String shown = members.stream().map(User::getUsername).collect(Collectors.joining(", "));
        if (shown.length() > InputRules.DISPLAY_NAME_MAX) {
            shown = shown.substring(0, InputRules.DISPLAY_NAME_MAX - 1) + "…";
        }
        // Everyone in a direct or group message manages it, calls included, as in the reference product.
        return new Opened(insert(new Channel(Ids.newId(), type, membersKey, shown, actorId, System.currentTimeMillis(),
                membersKey), ids), true);
    }

    /** Stores the new channel with {@code memberIds} as its first members, each a channel admin. */
    private Channel insert(Channel channel, List<String> memberIds) {
        String name = channel.getName();
        if (!em.createQuery("SELECT c.id FROM Channel c WHERE c.name = :name", String.class)
                .setParameter("name", name).getResultList().isEmpty()) {
            throw CallsException.conflict("api.channel.name.exists", "A channel named '" + name + "' exists already.");
        }
        em.persist(channel);
        for (String memberId : memberIds) {
            em.persist(new ChannelMember(channel.getId(), memberId, true, channel.getCreateAt()));
        }
        UserService.flushUnique(em, "api.channel.name.exists", "A channel named '" + name + "' exists already.");
        return channel;
    }

    /** Distinct, valid ids in a stable (sorted) order, so the same set always names the same conversation. */
    private static List<String> distinctIds(List<String> userIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(userIds));
        for (String id : ids) {
            InputRules.id(id, "user_id");
        }
        ids.sort(null);
        return ids;
    }

    private static String sha1Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
