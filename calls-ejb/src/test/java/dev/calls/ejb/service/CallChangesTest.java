package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import dev.calls.ejb.error.CallsException;
import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallChangesTest {

    private final CallCore core = new CallCore();
    private final List<String> steps = new ArrayList<>();

    @Test
    void aCommittedChangeRunsItsHeldStepsAfterTheCommit() {
        String result = core.changes.inChannel("chan", change -> {
            change.afterCommit(() -> steps.add("after commit"));
            steps.add("change");
            return "done";
        });

        assertEquals("done", result);
        assertEquals(List.of("change", "after commit"), steps);
        assertEquals(1, core.transaction.committed);
    }

    @Test
    void aChangeThatDoesNotCommitIsUndoneInTheStoreAndTheEngine() {
        LiveCall before = call();
        core.store.update("chan", c -> before);
        core.transaction.failNextCommit = true;

        assertThrows(EJBException.class, () -> core.changes.inChannelCall("chan", (change, call) -> {
            core.store.update("chan", c -> c.withHost("u2"));
            change.undoWith(() -> steps.add("undo"));
            change.afterCommit(() -> steps.add("after commit"));
        }));

        assertEquals(before, core.store.byChannel("chan").orElseThrow());
        assertEquals(List.of("undo"), steps);
    }

    @Test
    void aChangeThatFailsRollsBackAndPassesTheFailureOn() {
        core.store.update("chan", c -> call());

        CallsException refused = assertThrows(CallsException.class, () -> core.changes.inCallOfSession("s1",
                (change, call, session) -> {
                    core.store.update("chan", c -> c.withoutSession("s1"));
                    throw CallsException.conflict("refused", "by the test");
                }));

        assertEquals("refused", refused.id());
        assertEquals(1, core.transaction.rolledBack);
        assertEquals(call(), core.store.bySession("s1").orElseThrow());
    }

    @Test
    void changesOfCallsThatDoNotRunAreRefusedOrIgnoredAsTheirDoorSays() {
        assertEquals("api.calls.not_found", assertThrows(CallsException.class,
                () -> core.changes.inCall("nothing", (change, call) -> steps.add("ran"))).id());
        assertEquals("api.calls.session.not_found", assertThrows(CallsException.class,
                () -> core.changes.inCallOfSession("nobody", (change, call, session) -> steps.add("ran"))).id());
        core.changes.inCallOf("nobody", (change, call) -> steps.add("ran"));
        core.changes.inChannelCall("chan", (change, call) -> steps.add("ran"));

        assertEquals(List.of(), steps);
    }

    private static LiveCall call() {
        return new LiveCall("call", "chan", 1, "u1", "u1", "t", null,
                List.of(new LiveSession("s1", "u1", "c1", 1, false, 0, null)));
    }
}
