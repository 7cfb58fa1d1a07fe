package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.model.CallRecord;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallDrainTest {

    private final CallCore core = new CallCore();
    private final User alice = core.user(Role.SYSTEM_USER);
    private final User bob = core.user(Role.SYSTEM_USER);
    private final Channel first = core.channel(alice, bob);
    private final Channel second = core.channel(alice, bob);

    @Test
    void everyRunningCallEndsNowWithTheShutdownReasonAndItsRecordEnds() {
        LiveCall one = core.lifecycle.join(alice.getId(), first.getId(), "conn-a", null, null).call();
        LiveCall two = core.lifecycle.join(bob.getId(), second.getId(), "conn-b", null, null).call();
        core.takeEvents();
        long before = System.currentTimeMillis();

        int ended = core.drain.endAll(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));

        assertEquals(2, ended);
        assertTrue(core.store.all().isEmpty());
        List<CallEvent.CallEnd> ends = core.events.stream().map(d -> d.event())
                .filter(CallEvent.CallEnd.class::isInstance).map(CallEvent.CallEnd.class::cast).toList();
        assertEquals(2, ends.size());
        for (CallEvent.CallEnd end : ends) {
            assertEquals("server_shutdown", end.reason());
            assertTrue(end.endAt() >= before);
        }
        for (LiveCall call : List.of(one, two)) {
            assertTrue(core.records.find(CallRecord.class, call.id()).getEndAt() >= before);
        }
    }

    @Test
    void onceTheDrainStartedAJoinIsRefusedAsShuttingDown() {
        core.drain.endAll(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));

        CallsException refused = assertThrows(CallsException.class,
                () -> core.lifecycle.join(alice.getId(), first.getId(), "conn-a", null, null));

        assertEquals("server_shutting_down", refused.id());
        assertEquals(503, refused.status());
        assertTrue(refused.retryAfterSeconds() > 0);
        assertTrue(core.store.all().isEmpty());
    }

    @Test
    void signalingWaitsForTheCallsToEndAndNoLongerOnceTheyDid() throws InterruptedException {
        assertFalse(core.drain.awaitEnded(System.nanoTime()), "not before the drain ran");

        core.drain.endAll(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));

        assertTrue(core.drain.awaitEnded(System.nanoTime()));
    }

    @Test
    void noCallEndsOnceTheTimeIsUp() {
        core.lifecycle.join(alice.getId(), first.getId(), "conn-a", null, null);

        assertEquals(0, core.drain.endAll(System.nanoTime()));

        assertEquals(1, core.store.all().size());
    }
}
