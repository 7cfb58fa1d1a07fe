package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.event.EventDelivery;
import dev.calls.ejb.model.CallPostProps;
import dev.calls.ejb.model.CallRecord;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.Post;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallPostsTest {

    private final CallCore core = new CallCore();
    private final User alice = core.user(Role.SYSTEM_USER);
    private final User bob = core.user(Role.SYSTEM_USER);
    private final Channel channel = core.channel(alice, bob);

    @Test
    void aCallThatStartsGetsACardWithItsStarterAndTitle() {
        LiveCall call = core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", "Standup", null).call();

        Post card = core.records.find(Post.class, call.threadId());
        assertEquals(CallPostProps.TYPE, card.getType());
        assertEquals(new CallPostProps(call.id(), call.startAt(), 0, List.of(alice.getId()), "Standup", ""),
                card.callProps().orElseThrow());
        CallEvent.Post posted = ((CallEvent.Posted) core.events.stream().map(EventDelivery::event)
                .filter(CallEvent.Posted.class::isInstance).findFirst().orElseThrow()).post();
        assertEquals(CallPostProps.TYPE, posted.type());
        assertEquals(call.id(), posted.props().getString("call_id"));
    }

    @Test
    void eachNewParticipantIsAddedOnceAndTheChannelHearsOfIt() {
        LiveCall call = core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, null).call();
        core.takeEvents();

        core.lifecycle.join(bob.getId(), channel.getId(), "conn-b", null, null);
        assertEquals(List.of("post_edited", "user_joined"), core.takeEvents());
        core.lifecycle.join(bob.getId(), channel.getId(), "conn-b2", null, null);
        assertEquals(List.of("user_joined"), core.takeEvents(), "a second session of bob changes no card");

        assertEquals(List.of(alice.getId(), bob.getId()), props(call).participants());
    }

    @Test
    void theLastOneOutEndsTheCardWithTheEndAndItsReason() {
        LiveCall call = core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, null).call();
        String b = core.lifecycle.join(bob.getId(), channel.getId(), "conn-b", null, null).session().sessionId();
        core.lifecycle.leave(call.sessions().get(0).sessionId());
        core.takeEvents();

        core.lifecycle.leave(b);

        CallPostProps ended = props(call);
        assertEquals(core.records.find(CallRecord.class, call.id()).getEndAt(), ended.endAt());
        assertEquals(CallEndReason.LAST_LEFT.id(), ended.endedReason());
        assertEquals(List.of(alice.getId(), bob.getId()), ended.participants());
        assertEquals(List.of("user_left", "post_edited", "call_end"), core.takeEvents());
    }

    @Test
    void aCallEndedForItsChannelEndsItsCardToo() {
        LiveCall call = core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, null).call();

        core.lifecycle.endChannelCall(channel.getId(), CallEndReason.SERVER_SHUTDOWN);

        assertEquals(CallEndReason.SERVER_SHUTDOWN.id(), props(call).endedReason());
    }

    @Test
    void aCallInAThreadSomeoneWroteLeavesThatPostAlone() {
        String id = Ids.newId();
        Post own = core.records.put(new Post(id, channel.getId(), null, bob.getId(), "Let's talk", 1), id);

        core.lifecycle.join(alice.getId(), channel.getId(), "conn-a", null, own.getId());
        core.lifecycle.join(bob.getId(), channel.getId(), "conn-b", null, null);
        core.lifecycle.endChannelCall(channel.getId(), CallEndReason.LAST_LEFT);

        assertEquals("", own.getType());
        assertFalse(core.takeEvents().contains("post_edited"));
    }

    private CallPostProps props(LiveCall call) {
        return core.records.find(Post.class, call.threadId()).callProps().orElseThrow();
    }
}
