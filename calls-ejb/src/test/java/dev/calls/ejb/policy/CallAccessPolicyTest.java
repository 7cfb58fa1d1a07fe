package dev.calls.ejb.policy;

import static dev.calls.ejb.policy.Fixtures.archived;
import static dev.calls.ejb.policy.Fixtures.channel;
import static dev.calls.ejb.policy.Fixtures.deactivated;
import static dev.calls.ejb.policy.Fixtures.member;
import static dev.calls.ejb.policy.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.ChannelType;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract's join rule, one condition at a time, both ways. */
class CallAccessPolicyTest {

    private final CallAccessPolicy policy = new CallAccessPolicy();
    private final User user = user(Role.SYSTEM_USER);
    private final Channel open = channel(ChannelType.OPEN);

    @Test
    void memberOfLiveChannelWithCallsOnJoins() {
        assertEquals(Optional.empty(), policy.joinDenial(user, open, member(open, user), true, 3, 0));
        assertEquals(Optional.empty(), policy.joinDenial(user, open, member(open, user), true, 3, 4));
    }

    @Test
    void everyConversationTypeFollowsTheSameRule() {
        for (ChannelType type : ChannelType.values()) {
            Channel channel = channel(type);
            assertEquals(Optional.empty(), policy.joinDenial(user, channel, member(channel, user), true, 0, 0));
            assertEquals(Optional.of(JoinDenial.NOT_MEMBER), policy.joinDenial(user, channel, null, true, 0, 0));
        }
    }

    @Test
    void nonMemberIsRefusedEvenInOpenChannelsAndEvenAsSystemAdmin() {
        assertEquals(Optional.of(JoinDenial.NOT_MEMBER), policy.joinDenial(user, open, null, true, 0, 0));
        assertEquals(Optional.of(JoinDenial.NOT_MEMBER),
                policy.joinDenial(user(Role.SYSTEM_ADMIN), open, null, true, 0, 0));
    }

    @Test
    void guestJoinsOnlyWhereMember() {
        User guest = user(Role.SYSTEM_GUEST);
        Channel priv = channel(ChannelType.PRIVATE);
        assertEquals(Optional.empty(), policy.joinDenial(guest, priv, member(priv, guest), true, 0, 0));
        assertEquals(Optional.of(JoinDenial.NOT_MEMBER), policy.joinDenial(guest, open, null, true, 0, 0));
    }

    @Test
    void deactivatedUserIsRefused() {
        User gone = deactivated(Role.SYSTEM_USER);
        assertEquals(Optional.of(JoinDenial.USER_INACTIVE), policy.joinDenial(gone, open, member(open, gone), true, 0, 0));
    }

    @Test
    void archivedChannelIsRefused() {
        Channel gone = archived(ChannelType.OPEN);
        assertEquals(Optional.of(JoinDenial.CHANNEL_ARCHIVED), policy.joinDenial(user, gone, member(gone, user), true, 0, 0));
    }

    @Test
    void disabledCallsAreRefused() {
        assertEquals(Optional.of(JoinDenial.CALLS_DISABLED), policy.joinDenial(user, open, member(open, user), false, 0, 0));
    }

    @Test
    void fullCallIsRefusedAndZeroMeansUnlimited() {
        assertEquals(Optional.of(JoinDenial.CALL_FULL), policy.joinDenial(user, open, member(open, user), true, 4, 4));
        assertEquals(Optional.empty(), policy.joinDenial(user, open, member(open, user), true, 1000, 0));
    }

    @Test
    void checkJoinThrowsTheContractErrorId() {
        CallsException e = assertThrows(CallsException.class,
                () -> policy.checkJoin(user, open, member(open, user), false, 0, 0));
        assertEquals("calls_disabled", e.id());
        assertEquals(403, e.status());
    }

    @Test
    void linkIsForMembersUntilArchived() {
        assertDoesNotThrow(() -> policy.checkLink(user, open, member(open, user)));
        assertEquals("not_member", assertThrows(CallsException.class, () -> policy.checkLink(user, open, null)).id());
        Channel gone = archived(ChannelType.OPEN);
        assertEquals("channel_archived",
                assertThrows(CallsException.class, () -> policy.checkLink(user, gone, member(gone, user))).id());
    }

    @Test
    void theChannelSwitchDecidesWhereSetElseTheDefaultWithTestModeForAdmins() {
        User admin = user(Role.SYSTEM_ADMIN);
        assertEquals(false, policy.callsEnabled(admin, false, true, true));
        assertEquals(true, policy.callsEnabled(user, true, false, false));
        assertEquals(true, policy.callsEnabled(user, null, true, false));
        // Test mode: only system admins start calls; a running call may be joined.
        assertEquals(false, policy.callsEnabled(user, null, false, false));
        assertEquals(true, policy.callsEnabled(admin, null, false, false));
        assertEquals(true, policy.callsEnabled(user, null, false, true));
    }
}
