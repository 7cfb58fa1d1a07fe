package dev.calls.ejb.policy;

import static dev.calls.ejb.policy.Fixtures.admin;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ChannelAccessPolicyTest {

    private final ChannelAccessPolicy policy = new ChannelAccessPolicy();
    private final User userA = user(Role.SYSTEM_USER);
    private final User userB = user(Role.SYSTEM_USER);
    private final User guest = user(Role.SYSTEM_GUEST);
    private final User sysadmin = user(Role.SYSTEM_ADMIN);

    @Test
    void viewOpenChannelNeedsMembershipOnlyFromGuests() {
        Channel open = channel(ChannelType.OPEN);
        assertDoesNotThrow(() -> policy.checkView(userA, open, null));
        assertDenied(403, () -> policy.checkView(guest, open, null));
        assertDoesNotThrow(() -> policy.checkView(guest, open, member(open, guest)));
    }

    @Test
    void viewPrivateAndConversationsNeedsMembership() {
        for (ChannelType type : List.of(ChannelType.PRIVATE, ChannelType.DIRECT, ChannelType.GROUP)) {
            Channel channel = channel(type);
            assertDenied(403, () -> policy.checkView(userA, channel, null));
            assertDenied(403, () -> policy.checkView(sysadmin, channel, null));
            assertDoesNotThrow(() -> policy.checkView(userA, channel, member(channel, userA)));
        }
    }

    @Test
    void deactivatedActorIsUnauthorizedEverywhere() {
        User gone = deactivated(Role.SYSTEM_ADMIN);
        Channel open = channel(ChannelType.OPEN);
        assertDenied(401, () -> policy.checkView(gone, open, admin(open, gone)));
        assertDenied(401, () -> policy.checkSystemAdmin(gone));
        assertDenied(401, () -> policy.checkPost(gone, open, member(open, gone)));
    }

    @Test
    void guestsMayNotCreateChannelsOrListUsers() {
        assertDenied(403, () -> policy.checkNotGuest(guest, "create channels"));
        assertDoesNotThrow(() -> policy.checkNotGuest(userA, "create channels"));
    }

    @Test
    void onlySystemAdminsManageAccounts() {
        assertDoesNotThrow(() -> policy.checkSystemAdmin(sysadmin));
        assertDenied(403, () -> policy.checkSystemAdmin(userA));
        assertDenied(403, () -> policy.checkSystemAdmin(guest));
    }

    @Test
    void addMemberToOpenChannel() {
        Channel open = channel(ChannelType.OPEN);
        assertDoesNotThrow(() -> policy.checkAddMember(userA, open, member(open, userA), userB));
        assertDoesNotThrow(() -> policy.checkAddMember(userA, open, null, userA));
        assertDenied(403, () -> policy.checkAddMember(userA, open, null, userB));
        assertDenied(403, () -> policy.checkAddMember(guest, open, null, guest));
        assertDenied(403, () -> policy.checkAddMember(guest, open, member(open, guest), userB));
    }

    @Test
    void addMemberToPrivateChannelNeedsMembership() {
        Channel priv = channel(ChannelType.PRIVATE);
        assertDoesNotThrow(() -> policy.checkAddMember(userA, priv, member(priv, userA), userB));
        assertDoesNotThrow(() -> policy.checkAddMember(guest, priv, member(priv, guest), userB));
        assertDenied(403, () -> policy.checkAddMember(userA, priv, null, userA));
        assertDenied(403, () -> policy.checkAddMember(sysadmin, priv, null, userB));
    }

    @Test
    void addMemberRefusesArchivedConversationsAndDeactivatedTargets() {
        Channel gone = archived(ChannelType.OPEN);
        assertDenied(403, () -> policy.checkAddMember(userA, gone, member(gone, userA), userB));
        Channel direct = channel(ChannelType.DIRECT);
        assertDenied(400, () -> policy.checkAddMember(userA, direct, admin(direct, userA), userB));
        Channel open = channel(ChannelType.OPEN);
        assertDenied(400, () -> policy.checkAddMember(userA, open, member(open, userA), deactivated(Role.SYSTEM_USER)));
    }

    @Test
    void removeMemberBySelfChannelAdminOrSystemAdmin() {
        Channel open = channel(ChannelType.OPEN);
        assertDoesNotThrow(() -> policy.checkRemoveMember(userB, open, member(open, userB), userB.getId()));
        assertDoesNotThrow(() -> policy.checkRemoveMember(userA, open, admin(open, userA), userB.getId()));
        assertDoesNotThrow(() -> policy.checkRemoveMember(sysadmin, open, null, userB.getId()));
        assertDenied(403, () -> policy.checkRemoveMember(userA, open, member(open, userA), userB.getId()));
        Channel group = channel(ChannelType.GROUP);
        assertDenied(400, () -> policy.checkRemoveMember(userA, group, admin(group, userA), userA.getId()));
    }

    @Test
    void archiveByChannelAdminOrSystemAdmin() {
        Channel priv = channel(ChannelType.PRIVATE);
        assertDoesNotThrow(() -> policy.checkArchive(userA, priv, admin(priv, userA)));
        assertDoesNotThrow(() -> policy.checkArchive(sysadmin, priv, null));
        assertDenied(403, () -> policy.checkArchive(userB, priv, member(priv, userB)));
        Channel gone = archived(ChannelType.OPEN);
        assertDenied(403, () -> policy.checkArchive(sysadmin, gone, null));
        Channel direct = channel(ChannelType.DIRECT);
        assertDenied(400, () -> policy.checkArchive(userA, direct, admin(direct, userA)));
    }

    @Test
    void postNeedsMembershipOfALiveChannel() {
        Channel open = channel(ChannelType.OPEN);
        assertDoesNotThrow(() -> policy.checkPost(guest, open, member(open, guest)));
        assertDenied(403, () -> policy.checkPost(userA, open, null));
        Channel gone = archived(ChannelType.OPEN);
        assertDenied(403, () -> policy.checkPost(userA, gone, member(gone, userA)));
    }

    @Test
    void manageCallsByChannelAdminOrSystemAdmin() {
        Channel open = channel(ChannelType.OPEN);
        assertDoesNotThrow(() -> policy.checkManageCalls(userA, open, admin(open, userA)));
        assertDoesNotThrow(() -> policy.checkManageCalls(sysadmin, open, null));
        assertDenied(403, () -> policy.checkManageCalls(userB, open, member(open, userB)));
        Channel gone = archived(ChannelType.OPEN);
        assertDenied(403, () -> policy.checkManageCalls(sysadmin, gone, null));
    }

    @Test
    void conversationMustIncludeTheCaller() {
        assertDoesNotThrow(() -> policy.checkConversation(userA, List.of(userA.getId(), userB.getId())));
        assertDenied(403, () -> policy.checkConversation(sysadmin, List.of(userA.getId(), userB.getId())));
    }

    private static void assertDenied(int status, Executable check) {
        CallsException e = assertThrows(CallsException.class, check);
        assertEquals(status, e.status(), e.getMessage());
    }
}
