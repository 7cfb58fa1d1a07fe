package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParticipantStateTest {

    private final CallCore core = new CallCore();
    private final User alice = core.user(Role.SYSTEM_USER);
    private final User bob = core.user(Role.SYSTEM_USER);
    private final Channel channel = core.channel(alice, bob);
    private String a;
    private String b;

    @BeforeEach
    void twoInACall() {
        a = core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, null).session().sessionId();
        b = core.lifecycle.join(bob.getId(), channel.getId(), "conn-b", null, null).session().sessionId();
        core.takeEvents();
        core.takeEngine();
    }

    @Test
    void muteReachesTheEngineEveryTimeAndTheCallOnlyWhenItChanges() {
        core.participants.setUnmuted(a, true);
        core.participants.setUnmuted(a, true);
        core.participants.setUnmuted(a, false);

        assertEquals(List.of("unmute " + a, "unmute " + a, "mute " + a), core.takeEngine());
        assertEquals(List.of("user_unmuted", "user_muted"), core.takeEvents());
    }

    @Test
    void oneSharerPerCall() {
        core.participants.setScreenOn(a, true, "stream-a");
        CallsException refused = assertThrows(CallsException.class, () -> core.participants.setScreenOn(b, true, "stream-b"));

        assertEquals("screen_already_shared", refused.id());
        LiveCall call = core.store.byChannel(channel.getId()).orElseThrow();
        assertEquals(a, call.screenSharingSessionId());
        assertEquals(List.of("screen " + a + " stream-a"), core.takeEngine(), "a refused share never reaches the engine");
        assertEquals(List.of("user_screen_on"), core.takeEvents());
    }

    @Test
    void sharingRefusedWhenSwitchedOff() {
        core.screenSharing = false;

        assertEquals("screen_sharing_disabled",
                assertThrows(CallsException.class, () -> core.participants.setScreenOn(a, true, "s")).id());
        core.participants.setScreenOn(a, false, null);
        assertEquals(List.of(), core.takeEvents());
    }

    @Test
    void handsGoUpWithATimeAndDownToZero() {
        core.participants.setRaisedHand(a, true);
        core.participants.setRaisedHand(a, true);
        assertTrue(core.store.bySession(a).orElseThrow().session(a).orElseThrow().raisedHand() > 0);
        core.participants.setRaisedHand(a, false);

        assertEquals(List.of("user_raise_hand", "user_unraise_hand"), core.takeEvents());
        assertEquals(0, core.store.bySession(a).orElseThrow().session(a).orElseThrow().raisedHand());
    }

    @Test
    void aReactionIsHeardAndNotKept() {
        LiveCall before = core.store.bySession(a).orElseThrow();
        core.participants.react(a, Map.of("name", "tada"));

        assertEquals(List.of("user_reacted"), core.takeEvents());
        assertEquals(before, core.store.bySession(a).orElseThrow());
        assertThrows(CallsException.class, () -> core.participants.react("nobody", Map.of("name", "tada")));
    }
}
