package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallHistoryTest {

    private final CallCore core = new CallCore();
    private final User alice = core.user(Role.SYSTEM_USER);
    private final User bob = core.user(Role.SYSTEM_USER);

    @Test
    void activeCallsAreThoseOfTheCallersChannels() {
        Channel shared = core.channel(alice, bob);
        Channel alicesOwn = core.channel(alice);
        String sharedCall = core.lifecycle.join(alice.getId(), shared.getId(), "conn-1", null, null).call().id();
        core.lifecycle.join(alice.getId(), alicesOwn.getId(), "conn-2", null, null);

        assertEquals(2, core.history.activeCalls(alice.getId()).size());
        assertEquals(List.of(sharedCall), core.history.activeCalls(bob.getId()).stream().map(LiveCall::id).toList());
    }

    @Test
    void aChannelsCallIsForItsMembers() {
        Channel channel = core.channel(alice);

        ChannelCall idle = core.history.channelCall(alice.getId(), channel.getId());
        assertNull(idle.call());
        assertTrue(idle.enabled());
        assertEquals("not_member", assertThrows(CallsException.class,
                () -> core.history.channelCall(bob.getId(), channel.getId())).id());
    }

    @Test
    void theCallLinkNamesItsChannelUntilItIsArchived() {
        Channel channel = core.channel(alice);
        assertEquals(channel, core.history.checkLink(alice.getId(), channel.getId()));

        channel.archive(2);
        assertThrows(CallsException.class, () -> core.history.checkLink(alice.getId(), channel.getId()));
    }

    @Test
    void noEndedCallsNoHistory() {
        Channel channel = core.channel(alice);

        assertEquals(List.of(), core.history.history(alice.getId(), channel.getId()));
    }

    @Test
    void theSessionsCallIsFoundByItsIndex() {
        Channel channel = core.channel(alice);
        String session = core.lifecycle.join(alice.getId(), channel.getId(), "conn-1", null, null).session().sessionId();

        assertEquals(channel.getId(), core.history.callOf(session).orElseThrow().channelId());
    }
}
