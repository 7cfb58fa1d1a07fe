package dev.calls.ejb.policy;

import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.ChannelMember;
import dev.calls.ejb.model.ChannelType;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;

/** Users, channels and memberships for policy tests. */
final class Fixtures {

    private Fixtures() {
    }

    static User user(Role role) {
        return new User(Ids.newId(), "u" + Ids.newId().substring(0, 8), "U", role, "hash", 1);
    }

    static User deactivated(Role role) {
        User user = user(role);
        user.deactivate(2);
        return user;
    }

    static Channel channel(ChannelType type) {
        return new Channel(Ids.newId(), type, "c" + Ids.newId().substring(0, 8), "C", null, 1);
    }

    static Channel archived(ChannelType type) {
        Channel channel = channel(type);
        channel.archive(2);
        return channel;
    }

    static ChannelMember member(Channel channel, User user) {
        return new ChannelMember(channel.getId(), user.getId(), false, 1);
    }

    static ChannelMember admin(Channel channel, User user) {
        return new ChannelMember(channel.getId(), user.getId(), true, 1);
    }
}
