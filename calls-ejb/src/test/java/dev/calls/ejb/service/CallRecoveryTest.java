package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.calls.ejb.model.CallPostProps;
import dev.calls.ejb.model.CallRecord;
import dev.calls.ejb.model.CallSessionRecord;
import dev.calls.ejb.model.Post;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallRecoveryTest {

    private static final String RUNNING_CALLS = "SELECT c FROM CallRecord c WHERE c.endAt = 0";
    private static final String OPEN_SESSIONS = "SELECT s FROM CallSessionRecord s "
            + "WHERE s.callId = :call AND s.leaveAt = 0 ORDER BY s.joinAt";

    private final FakeEntityManager records = new FakeEntityManager();
    private final CallRecovery recovery = new CallRecovery();
    private final CallRecord call = new CallRecord("call", "channel", "owner", "thread", 1_000);
    private final CallSessionRecord session = new CallSessionRecord("session", "call", "owner", 1_000);

    CallRecoveryTest() {
        recovery.em = records.em;
        records.answer(RUNNING_CALLS, List.of(call));
        records.answer(OPEN_SESSIONS, List.of(session));
    }

    @Test
    void aLeftoverCallEndsAtItsLastHeartbeatWhenThatCameAfterItsLastJoin() throws Exception {
        call.touch(2_000);
        seen(call, 95_000);

        recovery.endLeftoverCalls();

        assertEquals(95_000, call.getEndAt());
        assertEquals(95_000, session.getLeaveAt());
    }

    @Test
    void aLeftoverCallNeverBeatEndsAtItsLastRecordedChange() {
        call.touch(2_000);

        recovery.endLeftoverCalls();

        assertEquals(2_000, call.getEndAt());
        assertEquals(2_000, session.getLeaveAt());
    }

    @Test
    void aLeftoverCallsCardEndsAsARestartEndsIt() {
        Post card = records.put(new Post("thread", "channel", null, "owner", "Call started", 1_000), "thread");
        card.showCall(CallPostProps.started("call", 1_000, "owner", "").withParticipant("guest"));
        call.touch(2_000);

        recovery.endLeftoverCalls();

        assertEquals(new CallPostProps("call", 1_000, 2_000, List.of("owner", "guest"), "", "server_restart"),
                card.callProps().orElseThrow());
    }

    /** What the heartbeat's statement writes, as the entity reads it back. */
    private static void seen(CallRecord record, long at) throws ReflectiveOperationException {
        Field lastSeen = CallRecord.class.getDeclaredField("lastSeenAt");
        lastSeen.setAccessible(true);
        lastSeen.setLong(record, at);
    }
}
