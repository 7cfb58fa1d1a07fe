package dev.calls.ejb.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryCallStateStoreTest {

    private final InMemoryCallStateStore store = new InMemoryCallStateStore();

    @Test
    void updateCreatesChangesAndRemovesTheChannelsCall() {
        LiveCall call = new LiveCall("call", "chan", 1, "u1", "u1", "t", null, List.of());
        store.update("chan", current -> current == null ? call : current);
        assertEquals("call", store.byId("call").orElseThrow().id());

        store.update("chan", c -> c.withSession(new LiveSession("s1", "u1", "conn1", 2, false, 0, null)));
        LiveCall shared = store.update("chan", c -> c.withSessionChanged("s1", s -> s.withScreenStream("screen")).withScreenSharingSession("s1"));
        assertTrue(shared.session("s1").orElseThrow().screenOn());

        LiveCall left = store.update("chan", c -> c.withoutSession("s1"));
        assertNull(left.screenSharingSessionId(), "the sharer leaving ends the share");
        assertTrue(left.sessions().isEmpty());

        assertNull(store.update("chan", c -> null));
        assertTrue(store.byChannel("chan").isEmpty());
        assertTrue(store.all().isEmpty());
    }
}
