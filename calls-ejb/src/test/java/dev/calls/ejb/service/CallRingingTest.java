package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.event.EventDelivery;
import dev.calls.ejb.event.EventDelivery.Audience;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.ChannelType;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallRingingTest {

    private static final String MEMBERS = "SELECT m.userId FROM ChannelMember m WHERE m.channelId = :channel";

    private final CallCore core = new CallCore();
    private final User alice = core.user(Role.SYSTEM_USER);
    private final User bob = core.user(Role.SYSTEM_USER);
    private final User carol = core.user(Role.SYSTEM_USER);
    private final User stranger = core.user(Role.SYSTEM_USER);

    private Channel conversation(ChannelType type, User... members) {
        core.records.answer(MEMBERS, Arrays.stream(members).map(User::getId).toList());
        return core.channel(type, members);
    }

    private List<EventDelivery> rings() {
        return core.events.stream().filter(d -> d.event() instanceof CallEvent.CallsRinging).toList();
    }

    @Test
    void aDirectMessageCallRingsTheOtherMemberButNotTheCaller() {
        Channel dm = conversation(ChannelType.DIRECT, alice, bob);

        String callId = core.lifecycle.join(alice.getId(), dm.getId(), "conn-a", null, null).call().id();

        List<EventDelivery> rings = rings();
        assertEquals(1, rings.size());
        assertEquals(Audience.CHANNEL, rings.get(0).audience());
        assertEquals(List.of(bob.getId()), rings.get(0).recipients());
        assertEquals(new CallEvent.CallsRinging(callId, dm.getId(), alice.getId()), rings.get(0).event());
        assertEquals(List.of("call_start", "calls_ringing", "posted", "user_joined"), core.takeEvents());
    }

    @Test
    void aGroupMessageCallRingsEveryOtherMemberAndNobodyElse() {
        Channel group = conversation(ChannelType.GROUP, alice, bob, carol);

        core.lifecycle.join(bob.getId(), group.getId(), "conn-b", null, null);

        assertEquals(List.of(alice.getId(), carol.getId()), rings().get(0).recipients());
    }

    @Test
    void joiningARunningCallRingsNobodyAgain() {
        Channel dm = conversation(ChannelType.DIRECT, alice, bob);
        core.lifecycle.join(alice.getId(), dm.getId(), "conn-a", null, null);
        core.events.clear();

        core.lifecycle.join(bob.getId(), dm.getId(), "conn-b", null, null);

        assertEquals(List.of(), rings());
    }

    @Test
    void publicAndPrivateChannelsNeverRing() {
        for (ChannelType type : List.of(ChannelType.OPEN, ChannelType.PRIVATE)) {
            Channel channel = conversation(type, alice, bob);
            core.lifecycle.join(alice.getId(), channel.getId(), "conn-" + type, null, null);
        }

        assertEquals(List.of(), rings());
    }

    @Test
    void withRingingOffNothingRings() {
        core.ringingEnabled = false;
        Channel dm = conversation(ChannelType.DIRECT, alice, bob);

        core.lifecycle.join(alice.getId(), dm.getId(), "conn-a", null, null);

        assertEquals(List.of(), rings());
    }

    @Test
    void aRungMemberDeclinesOnceAndEveryMemberHearsWho() {
        Channel group = conversation(ChannelType.GROUP, alice, bob, carol);
        String callId = core.lifecycle.join(alice.getId(), group.getId(), "conn-a", null, null).call().id();
        core.events.clear();

        core.ringing.decline(bob.getId(), group.getId());
        core.ringing.decline(bob.getId(), group.getId());

        assertEquals(1, core.events.size());
        EventDelivery declined = core.events.get(0);
        assertEquals(new CallEvent.CallsDeclined(callId, group.getId(), bob.getId()), declined.event());
        assertEquals(List.of(alice.getId(), bob.getId(), carol.getId()), declined.recipients());
    }

    @Test
    void theCallerAndNonMembersCannotDecline() {
        Channel dm = conversation(ChannelType.DIRECT, alice, bob);
        core.lifecycle.join(alice.getId(), dm.getId(), "conn-a", null, null);

        assertEquals("not_ringing", assertThrows(CallsException.class,
                () -> core.ringing.decline(alice.getId(), dm.getId())).id());
        assertThrows(CallsException.class, () -> core.ringing.decline(stranger.getId(), dm.getId()));
    }

    @Test
    void nothingToDeclineWithoutARingingCall() {
        Channel dm = conversation(ChannelType.DIRECT, alice, bob);
        Channel open = conversation(ChannelType.OPEN, alice, bob);
        core.lifecycle.join(alice.getId(), open.getId(), "conn-a", null, null);

        assertEquals("not_ringing", assertThrows(CallsException.class,
                () -> core.ringing.decline(bob.getId(), dm.getId())).id());
        assertEquals("not_ringing", assertThrows(CallsException.class,
                () -> core.ringing.decline(bob.getId(), open.getId())).id());
    }

    @Test
    void withRingingOffThereIsNothingToDecline() {
        Channel dm = conversation(ChannelType.DIRECT, alice, bob);
        core.lifecycle.join(alice.getId(), dm.getId(), "conn-a", null, null);
        core.ringingEnabled = false;

        assertEquals("not_ringing", assertThrows(CallsException.class,
                () -> core.ringing.decline(bob.getId(), dm.getId())).id());
    }
}
