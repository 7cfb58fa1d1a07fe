package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.calls.ejb.call.InMemoryCallStateStore;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallChangeTest {

    private final InMemoryCallStateStore store = new InMemoryCallStateStore();
    private final List<String> engine = new ArrayList<>();

    @Test
    void aChangeThatDoesNotCommitLeavesTheCallAndTheEngineAsTheyWere() {
        LiveCall running = new LiveCall("call", "chan", 1, "u1", "u1", "t", null,
                List.of(new LiveSession("s1", "u1", "c1", 1, false, 0, null)));
        store.update("chan", c -> running);
        CallChange change = new CallChange("chan", running);

        store.update("chan", c -> c.withSession(new LiveSession("s2", "u2", "c2", 2, false, 0, null)));
        engine.add("open s2");
        change.undoWith(() -> engine.add("close s2"));
        change.undoWith(() -> {
            throw new IllegalStateException("engine gone");
        });
        change.undoWith(() -> engine.add("unmute s1"));
        change.afterCommit(() -> engine.add("close s1"));
        change.undo(store);

        assertEquals(running, store.byChannel("chan").orElseThrow());
        assertEquals(List.of("open s2", "unmute s1", "close s2"), engine, "newest first, past a failing step");
    }

    @Test
    void aCallStartedByAChangeThatDoesNotCommitIsGone() {
        CallChange change = new CallChange("chan", null);
        store.update("chan", c -> new LiveCall("call", "chan", 1, "u1", "u1", "t", null, List.of()));
        change.undo(store);
        assertNull(store.byChannel("chan").orElse(null));
    }

    @Test
    void stepsThatCannotBeTakenBackWaitForTheCommit() {
        CallChange change = new CallChange("chan", null);
        change.afterCommit(() -> engine.add("close s1"));
        change.afterCommit(() -> engine.add("close s2"));
        change.undoWith(() -> engine.add("never"));
        assertEquals(List.of(), engine);
        change.committed();
        assertEquals(List.of("close s1", "close s2"), engine);
    }
}
