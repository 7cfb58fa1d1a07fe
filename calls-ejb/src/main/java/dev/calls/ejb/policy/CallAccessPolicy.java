package dev.calls.ejb.policy;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.ChannelMember;
import dev.calls.ejb.model.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Who may join a call and see one. The contract's join rule: an active user who is a member of a
 * channel that is not archived, where calls are enabled, while the call is below the participant
 * limit (0 = unlimited). Guests need membership like everyone else, so no rule grants them more.
 * The call link, REST and WebSocket all decide here.
 */
@ApplicationScoped
public class CallAccessPolicy {

    /**
     * @param membership   the user's membership of the channel, null if none
     * @param participants sessions in the channel's call now (0 when no call runs)
     * @param maxParticipants the configured limit, 0 for none
     */
    public Optional<JoinDenial> joinDenial(User user, Channel channel, ChannelMember membership,
                                           boolean callsEnabled, int participants, int maxParticipants) {
        if (user == null || !user.isActive()) {
            return Optional.of(JoinDenial.USER_INACTIVE);
        }
        if (membership == null) {
            return Optional.of(JoinDenial.NOT_MEMBER);
        }
        if (channel.isArchived()) {
            return Optional.of(JoinDenial.CHANNEL_ARCHIVED);
        }
        if (!callsEnabled) {
            return Optional.of(JoinDenial.CALLS_DISABLED);
        }
        if (maxParticipants > 0 && participants >= maxParticipants) {
            return Optional.of(JoinDenial.CALL_FULL);
        }
        return Optional.empty();
    }

    /**
     * Whether calls are on for this user's join. The channel's own switch decides where it is set;
     * otherwise the server default, except that with the default off (test mode, as in the reference
     * product) system admins may still start calls and anyone allowed in may join a running one.
     */
    public boolean callsEnabled(User user, Boolean channelSwitch, boolean defaultEnabled, boolean callRunning) {
        if (channelSwitch != null) {
            return channelSwitch;
        }
        return defaultEnabled || callRunning || (user != null && user.isSystemAdmin());
    }

    public void checkJoin(User user, Channel channel, ChannelMember membership,
                          boolean callsEnabled, int participants, int maxParticipants) {
        Optional<JoinDenial> denial = joinDenial(user, channel, membership, callsEnabled, participants, maxParticipants);
        if (denial.isPresent()) {
            throw denial.get().toException();
        }
    }

    /** Seeing a channel's call state and history: the channel's active members. */
    public void checkView(User user, ChannelMember membership) {
        if (user == null || !user.isActive()) {
            throw JoinDenial.USER_INACTIVE.toException();
        }
        if (membership == null) {
            throw JoinDenial.NOT_MEMBER.toException();
        }
    }

    /** The call link: members, and only until the channel is archived. */
    public void checkLink(User user, Channel channel, ChannelMember membership) {
        checkView(user, membership);
        if (channel.isArchived()) {
            throw CallsException.forbidden(JoinDenial.CHANNEL_ARCHIVED.id(),
                    "The call link of an archived channel is no longer valid.");
        }
    }
}
