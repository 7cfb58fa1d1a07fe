package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.CallRecord;
import dev.calls.ejb.model.CallSessionRecord;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Post;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLifecycleTest {

    private final CallCore core = new CallCore();
    private final User alice = core.user(Role.SYSTEM_USER);
    private final User bob = core.user(Role.SYSTEM_USER);
    private final Channel channel = core.channel(alice, bob);

    @Test
    void theFirstJoinStartsTheCallWithAThreadAndOpensTheSessionsMedia() {
        CallLifecycle.JoinResult joined = core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", "Standup", null);

        assertTrue(joined.started());
        LiveCall call = joined.call();
        assertEquals(alice.getId(), call.hostId());
        assertEquals(List.of(joined.session()), call.sessions());
        assertEquals("Standup", core.records.find(Post.class, call.threadId()).getMessage());
        assertEquals(1, core.records.persisted(CallRecord.class).size());
        assertEquals(List.of("call_start", "posted", "user_joined"), core.takeEvents());
        assertEquals(List.of("open " + joined.session().sessionId()), core.takeEngine());
        assertEquals(1, core.transaction.committed);
    }

    @Test
    void laterJoinsJoinTheRunningCall() {
        LiveCall first = core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, null).call();
        core.takeEvents();

        CallLifecycle.JoinResult second = core.lifecycle.join(bob.getId(), channel.getId(), "conn-b", "ignored", null);

        assertFalse(second.started());
        assertEquals(first.id(), second.call().id());
        assertEquals(2, core.store.byId(first.id()).orElseThrow().sessions().size());
        assertEquals(List.of("post_edited", "user_joined"), core.takeEvents());
    }

    @Test
    void aConnectionJoinsOneCallAtATime() {
        core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, null);
        Channel other = core.channel(alice);

        CallsException refused = assertThrows(CallsException.class,
                () -> core.lifecycle.join(alice.getId(), other.getId(), "conn-a", null, null));
        assertEquals("already_in_call", refused.id());
        assertTrue(core.store.byChannel(other.getId()).isEmpty());
    }

    @Test
    void aJoinTheEngineRefusesLeavesNoCall() {
        core.engineRefusal = "engine_full";

        assertThrows(CallsException.class, () -> core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, null));

        assertTrue(core.store.byChannel(channel.getId()).isEmpty());
        assertEquals(1, core.transaction.rolledBack);
        assertEquals(0, core.transaction.committed);
    }

    @Test
    void theLastOneOutEndsTheCallAndEveryLeaveClosesItsMediaAfterTheCommit() {
        String a = core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, null).session().sessionId();
        String b = core.lifecycle.join(bob.getId(), channel.getId(), "conn-b", null, null).session().sessionId();
        core.takeEvents();
        core.takeEngine();

        core.lifecycle.leave(a);
        assertEquals(List.of("user_left", "call_host_changed"), core.takeEvents(), "the host left: bob takes over");
        assertEquals(bob.getId(), core.store.byChannel(channel.getId()).orElseThrow().hostId());
        assertTrue(core.records.find(CallSessionRecord.class, a).getLeaveAt() > 0);

        core.lifecycle.leave(b);
        assertEquals(List.of("user_left", "post_edited", "call_end"), core.takeEvents());
        assertEquals(List.of("close " + a, "close " + b), core.takeEngine());
        assertTrue(core.store.byChannel(channel.getId()).isEmpty());
        assertTrue(core.records.persisted(CallRecord.class).get(0).getEndAt() > 0);
    }

    @Test
    void leavingUnknownSessionsChangesNothing() {
        core.lifecycle.leave("nobody");

        assertEquals(List.of(), core.takeEvents());
        assertEquals(0, core.transaction.committed);
    }

    @Test
    void aMediaFailureTellsTheSessionWhyBeforeItLeaves() {
        String a = core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, null).session().sessionId();
        core.takeEvents();

        core.lifecycle.mediaClosed(a, "rtc_timeout");

        assertEquals(List.of("error", "user_left", "post_edited", "call_end"), core.takeEvents());
    }

    @Test
    void mediaClosedOnRequestOnlyLeaves() {
        String a = core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, null).session().sessionId();
        core.lifecycle.join(bob.getId(), channel.getId(), "conn-b", null, null);
        core.takeEvents();

        core.lifecycle.mediaClosed(a, "closed");

        assertEquals(List.of("user_left", "call_host_changed"), core.takeEvents());
    }

    @Test
    void aUserRemovedFromTheChannelLosesEveryOneOfTheirSessions() {
        core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, null);
        core.lifecycle.join(bob.getId(), channel.getId(), "conn-b1", null, null);
        core.lifecycle.join(bob.getId(), channel.getId(), "conn-b2", null, null);
        core.takeEvents();

        core.lifecycle.removeUserEverywhere(bob.getId());

        LiveCall call = core.store.byChannel(channel.getId()).orElseThrow();
        assertFalse(call.hasUser(bob.getId()));
        assertEquals(List.of("user_left", "user_left"), core.takeEvents());
    }

    @Test
    void anArchivedChannelsCallEnds() {
        core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, null);
        core.takeEvents();

        core.lifecycle.endChannelCall(channel.getId(), CallEndReason.CHANNEL_ARCHIVED);

        assertEquals(List.of("user_left", "post_edited", "call_end"), core.takeEvents());
        assertTrue(core.store.byChannel(channel.getId()).isEmpty());
    }
}
