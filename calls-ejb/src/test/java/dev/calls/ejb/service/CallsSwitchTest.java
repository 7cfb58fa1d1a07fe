package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallsSwitchTest {

    private final CallCore core = new CallCore();
    private final User admin = core.user(Role.SYSTEM_ADMIN);
    private final User member = core.user(Role.SYSTEM_USER);
    private final Channel channel = core.channel(admin, member);

    @Test
    void switchingCallsOffEndsTheRunningCall() {
        core.lifecycle.join(member.getId(), channel.getId(), "conn-m", null, null);
        core.takeEvents();

        ChannelCall off = core.callsSwitch.setEnabled(admin.getId(), channel.getId(), false);

        assertFalse(off.enabled());
        assertNull(off.call());
        assertEquals(List.of("user_left", "post_edited", "call_end"), core.takeEvents());
        assertEquals("calls_disabled", assertThrows(CallsException.class,
                () -> core.lifecycle.join(member.getId(), channel.getId(), "conn-m", null, null)).id());
    }

    @Test
    void onlyChannelAdminsSwitch() {
        assertThrows(CallsException.class, () -> core.callsSwitch.setEnabled(member.getId(), channel.getId(), false));
    }
}
