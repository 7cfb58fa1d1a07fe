package dev.calls.ejb.policy;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.ChannelMember;
import dev.calls.ejb.model.ChannelType;
import dev.calls.ejb.model.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Every decision about users, channels, members and posts (the contract's access tables). Methods
 * return normally when allowed and throw {@link CallsException} with the status and id when not.
 * {@code membership} is the actor's membership of the channel, or null when they are not a member.
 * Inputs only, no lookups: REST and WebSocket load the same facts and ask the same question here.
 */
@ApplicationScoped
public class ChannelAccessPolicy {

    public static final int GROUP_MIN_USERS = 3;
    public static final int GROUP_MAX_USERS = 8;

    public void checkActive(User actor) {
        if (actor == null || !actor.isActive()) {
            throw CallsException.unauthorized("api.context.session_expired", "Sign in again: this account is not active.");
        }
    }

    public void checkNotGuest(User actor, String what) {
        checkActive(actor);
        if (actor.isGuest()) {
            throw CallsException.forbidden("api.context.permissions", "Guests may not " + what + ".");
        }
    }

    public void checkSystemAdmin(User actor) {
        checkActive(actor);
        if (!actor.isSystemAdmin()) {
            throw CallsException.forbidden("api.context.permissions", "Only a system administrator may do this.");
        }
    }

    /** Reading a channel: its members, and any non-guest for an open channel. */
    public void checkView(User actor, Channel channel, ChannelMember membership) {
        checkActive(actor);
        if (membership != null || (channel.getType() == ChannelType.OPEN && !actor.isGuest())) {
            return;
        }
        throw notMember();
    }

    /** Reading what happens inside a channel (calls, history, threads, link): members only. */
    public void checkMember(User actor, ChannelMember membership) {
        checkActive(actor);
        if (membership == null) {
            throw notMember();
        }
    }

    /** Direct and group messages: the caller must be one of the users. */
    public void checkConversation(User actor, List<String> userIds) {
        checkActive(actor);
        if (!userIds.contains(actor.getId())) {
            throw CallsException.forbidden("api.channel.conversation.not_listed",
                    "You may only open a direct or group message that includes yourself.");
        }
    }

    public void checkAddMember(User actor, Channel channel, ChannelMember membership, User target) {
        checkActive(actor);
        checkNotArchived(channel);
        if (channel.getType().isConversation()) {
            throw CallsException.badRequest("api.channel.add_member.conversation",
                    "Members of direct and group messages cannot be changed.");
        }
        boolean allowed = switch (channel.getType()) {
            case OPEN -> !actor.isGuest() && (membership != null || actor.getId().equals(target.getId()));
            case PRIVATE -> membership != null;
            default -> false;
        };
        if (!allowed) {
            throw CallsException.forbidden("api.channel.add_member.permission",
                    "You may not add members to this channel.");
        }
        if (!target.isActive()) {
            throw CallsException.badRequest("api.channel.add_member.inactive", "A deactivated user cannot be added.");
        }
    }

    public void checkRemoveMember(User actor, Channel channel, ChannelMember membership, String targetUserId) {
        checkActive(actor);
        if (channel.getType().isConversation()) {
            throw CallsException.badRequest("api.channel.remove_member.conversation",
                    "Members of direct and group messages cannot be changed.");
        }
        if (!actor.getId().equals(targetUserId) && !isChannelAdmin(actor, membership)) {
            throw CallsException.forbidden("api.channel.remove_member.permission",
                    "Only the member, a channel admin or a system admin may remove a member.");
        }
    }

    public void checkArchive(User actor, Channel channel, ChannelMember membership) {
        checkActive(actor);
        if (channel.getType().isConversation()) {
            throw CallsException.badRequest("api.channel.archive.conversation",
                    "Direct and group messages cannot be archived.");
        }
        if (!isChannelAdmin(actor, membership)) {
            throw CallsException.forbidden("api.channel.archive.permission",
                    "Only a channel admin or a system admin may archive a channel.");
        }
        checkNotArchived(channel);
    }

    public void checkPost(User actor, Channel channel, ChannelMember membership) {
        checkMember(actor, membership);
        checkNotArchived(channel);
    }

    /** Switching calls on or off in a channel. */
    public void checkManageCalls(User actor, Channel channel, ChannelMember membership) {
        checkActive(actor);
        if (!isChannelAdmin(actor, membership)) {
            throw CallsException.forbidden("api.calls.enable.permission",
                    "Only a channel admin or a system admin may switch calls on or off here.");
        }
        checkNotArchived(channel);
    }

    private static boolean isChannelAdmin(User actor, ChannelMember membership) {
        return actor.isSystemAdmin() || (membership != null && membership.isChannelAdmin());
    }

    private static void checkNotArchived(Channel channel) {
        if (channel.isArchived()) {
            throw CallsException.forbidden("api.channel.archived", "This channel is archived.");
        }
    }

    private static CallsException notMember() {
        return CallsException.forbidden("api.channel.permission", "You are not a member of this channel.");
    }
}
