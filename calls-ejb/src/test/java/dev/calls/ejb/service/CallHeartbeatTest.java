package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CallHeartbeatTest {

    private final CallCore core = new CallCore();
    private final CallHeartbeat heartbeat = new CallHeartbeat();
    private final User alice = core.user(Role.SYSTEM_USER);

    CallHeartbeatTest() {
        heartbeat.em = core.records.em;
        heartbeat.store = core.store;
    }

    @Test
    void eachRunningCallIsMarkedSeenOncePerBeatAndOnlyWhileItHasNotEnded() {
        Channel first = core.channel(alice);
        Channel second = core.channel(alice);
        LiveCall one = core.lifecycle.join(alice.getId(), first.getId(), "conn-a", null, null).call();
        LiveCall two = core.lifecycle.join(alice.getId(), second.getId(), "conn-b", null, null).call();

        heartbeat.beat(1234);

        assertEquals(2, core.records.updates.size());
        Set<Object> marked = core.records.updates.stream().map(update -> update.get(2)).collect(Collectors.toSet());
        assertEquals(Set.of(one.id(), two.id()), marked);
        for (List<Object> update : core.records.updates) {
            assertEquals("UPDATE calls SET last_seen_at = ?1 WHERE id = ?2 AND end_at = 0", update.get(0));
            assertEquals(1234L, update.get(1));
        }
    }

    @Test
    void withNoCallRunningNothingIsWritten() {
        heartbeat.beat(1234);

        assertEquals(List.of(), core.records.updates);
    }
}
