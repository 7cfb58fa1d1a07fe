package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.event.EventDelivery;
import dev.calls.ejb.event.EventDelivery.Audience;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostControlsTest {

    private final CallCore core = new CallCore();
    private final User hostUser = core.user(Role.SYSTEM_USER);
    private final User bob = core.user(Role.SYSTEM_USER);
    private final User carol = core.user(Role.SYSTEM_USER);
    private final Channel channel = core.channel(hostUser, bob, carol);
    private String callId;
    private String hostSession;
    private String bobSession;
    private String carolSession;

    @BeforeEach
    void threeInACall() {
        callId = core.lifecycle.join(hostUser.getId(), channel.getId(), "conn-h", null, null).call().id();
        hostSession = session("conn-h");
        bobSession = core.lifecycle.join(bob.getId(), channel.getId(), "conn-b", null, null).session().sessionId();
        carolSession = core.lifecycle.join(carol.getId(), channel.getId(), "conn-c", null, null).session().sessionId();
        core.participants.setUnmuted(hostSession, true);
        core.participants.setUnmuted(bobSession, true);
        core.takeEvents();
        core.takeEngine();
    }

    @Test
    void onlyTheHostControlsTheCall() {
        CallsException refused = assertThrows(CallsException.class, () -> core.host.hostEnd(bob.getId(), callId));

        assertEquals(403, refused.status());
        assertTrue(core.store.byId(callId).isPresent());
    }

    @Test
    void muteOthersMutesEveryoneButTheHostAndTellsEachTarget() {
        core.host.hostMuteOthers(hostUser.getId(), callId);

        assertEquals(List.of("host_mute", "user_muted", "host_mute"), core.takeEvents(),
                "carol was muted already: she only hears the host asked");
        assertEquals(List.of("mute " + bobSession), core.takeEngine());
        LiveCall call = core.store.byId(callId).orElseThrow();
        assertTrue(call.session(hostSession).orElseThrow().unmuted());
        assertFalse(call.session(bobSession).orElseThrow().unmuted());
    }

    @Test
    void theRemovedSessionHearsOfItBeforeItLeaves() {
        core.host.hostRemove(hostUser.getId(), callId, bobSession);

        EventDelivery removed = core.events.get(0);
        assertEquals(Audience.PARTICIPANTS, removed.audience());
        assertEquals(List.of("host_removed", "user_left"), core.takeEvents());
        assertEquals(List.of("close " + bobSession), core.takeEngine());
        assertTrue(core.store.bySession(bobSession).isEmpty());
    }

    @Test
    void screenOffAndLowerHandChangeOnlyWhatIsOn() {
        core.participants.setScreenOn(carolSession, true, "stream");
        core.participants.setRaisedHand(carolSession, true);
        core.takeEvents();
        core.takeEngine();

        core.host.hostScreenOff(hostUser.getId(), callId, carolSession);
        core.host.hostLowerHand(hostUser.getId(), callId, carolSession);
        core.host.hostLowerHand(hostUser.getId(), callId, carolSession);

        assertEquals(List.of("host_screen_off", "user_screen_off", "host_lower_hand", "user_unraise_hand", "host_lower_hand"),
                core.takeEvents());
        assertEquals(List.of("screen " + carolSession + " null"), core.takeEngine());
    }

    @Test
    void makeHostPassesTheHostOnAndEndStopsEverySession() {
        core.host.makeHost(hostUser.getId(), callId, bob.getId());
        assertEquals(bob.getId(), core.store.byId(callId).orElseThrow().hostId());
        assertEquals(List.of("call_host_changed"), core.takeEvents());

        core.host.hostEnd(bob.getId(), callId);
        CallEvent.CallEnd end = (CallEvent.CallEnd) core.events.get(4).event();
        assertEquals(bob.getId(), end.endedBy(), "the call's end says who ended it");
        assertEquals("host_ended", end.reason());
        assertEquals(List.of("user_left", "user_left", "user_left", "post_edited", "call_end"), core.takeEvents());
        assertEquals(3, core.takeEngine().size());
        assertTrue(core.store.byId(callId).isEmpty());
    }

    @Test
    void theHostsSessionEventsGoToTheTargetSessionOnly() {
        core.host.hostMute(hostUser.getId(), callId, carolSession);

        EventDelivery mute = core.events.get(0);
        assertEquals(Audience.SESSION, mute.audience());
        assertEquals(List.of(carolSession), mute.recipients());
    }

    private String session(String connectionId) {
        return core.store.byConnection(connectionId).orElseThrow().sessionOfConnection(connectionId).orElseThrow().sessionId();
    }
}
