package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import jakarta.persistence.PersistenceException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CallHeartbeatTest {

    private static final String UPDATE = "UPDATE calls SET last_seen_at = ?1 WHERE id = ?2 AND end_at = 0";

    private final CallCore core = new CallCore();
    private final CallHeartbeat heartbeat = new CallHeartbeat();
    private final User alice = core.user(Role.SYSTEM_USER);

    CallHeartbeatTest() {
        heartbeat.em = core.records.em;
        heartbeat.store = core.store;
    }

    @Test
    void eachRunningCallHeardIsWrittenOnceAndAgainOnlyWhenHeardLater() {
        LiveCall one = join("conn-a");
        LiveCall two = join("conn-b");

        heartbeat.beat(Map.of(one.id(), 1000L, two.id(), 1100L));
        assertEquals(2, core.records.updates.size());
        assertEquals(Map.of(one.id(), 1000L, two.id(), 1100L), written());

        core.records.updates.clear();
        heartbeat.beat(Map.of(one.id(), 1000L, two.id(), 2100L));

        assertEquals(List.of(List.of(UPDATE, 2100L, two.id())), core.records.updates,
                "one statement, for the call heard since");
    }

    @Test
    void aCallTheEngineHeardButThatNoLongerRunsIsNotWritten() {
        heartbeat.beat(Map.of("left-over-media", 1000L));

        assertEquals(List.of(), core.records.updates);
    }

    @Test
    void aBeatOnAnUnavailableDatabaseIsWrittenByTheNextOne() {
        LiveCall one = join("conn-a");
        core.records.updateFailure = new PersistenceException(new SQLTransientConnectionException("closed", "08003"));

        heartbeat.beat(Map.of(one.id(), 1000L));

        core.records.updateFailure = null;
        heartbeat.beat(Map.of(one.id(), 1000L));
        assertEquals(List.of(List.of(UPDATE, 1000L, one.id())), core.records.updates);
    }

    private LiveCall join(String connection) {
        Channel channel = core.channel(alice);
        return core.lifecycle.join(alice.getId(), channel.getId(), connection, null, null).call();
    }

    private Map<Object, Object> written() {
        return core.records.updates.stream().peek(update -> assertEquals(UPDATE, update.get(0)))
                .collect(Collectors.toMap(update -> update.get(2), update -> update.get(1)));
    }
}
