package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelDirectoryTest {

    private static final String QUERY = "SELECT c FROM Channel c WHERE c.type = :open AND c.deleteAt = 0 "
            + "AND (LOWER(c.name) LIKE :term ESCAPE '\\' OR LOWER(c.displayName) LIKE :term ESCAPE '\\') "
            + "ORDER BY LOWER(c.displayName), c.id";

    private final CallCore core = new CallCore();
    private final ChannelDirectory directory = new ChannelDirectory();

    ChannelDirectoryTest() {
        UserService users = new UserService();
        users.em = core.records.em;
        users.policy = new ChannelAccessPolicy();
        directory.em = core.records.em;
        directory.policy = new ChannelAccessPolicy();
        directory.users = users;
    }

    @Test
    void nonGuestsBrowseThePublicChannels() {
        User user = core.user(Role.SYSTEM_USER);
        Channel open = core.channel();
        core.records.answer(QUERY, List.of(open));

        assertEquals(List.of(open), directory.publicChannels(user.getId(), "tow", new Page(0, 60)));
    }

    @Test
    void guestsDoNotBrowse() {
        User guest = core.user(Role.SYSTEM_GUEST);

        assertEquals(403, assertThrows(CallsException.class,
                () -> directory.publicChannels(guest.getId(), null, new Page(0, 60))).status());
    }
}
