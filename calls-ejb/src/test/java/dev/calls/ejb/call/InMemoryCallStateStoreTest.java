package dev.calls.ejb.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
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

    @Test
    void sessionsAndConnectionsAreFoundInTheirCall() {
        store.update("chan", c -> call("call", "chan").withSession(session("s1", "conn1")).withSession(session("s2", "conn2")));
        store.update("other", c -> call("call2", "other").withSession(session("s3", "conn3")));

        assertEquals("call", store.bySession("s2").orElseThrow().id());
        assertEquals("call2", store.bySession("s3").orElseThrow().id());
        assertEquals("call", store.byConnection("conn1").orElseThrow().id());
        assertEquals("call2", store.byConnection("conn3").orElseThrow().id());
        assertEquals("other", store.byId("call2").orElseThrow().channelId());
        assertTrue(store.bySession("nobody").isEmpty());
        assertTrue(store.byConnection(null).isEmpty());
    }

    @Test
    void theIndexesFollowChangesOfACall() {
        store.update("chan", c -> call("call", "chan").withSession(session("s1", "conn1")).withSession(session("s2", "conn2")));

        store.update("chan", c -> c.withSessionChanged("s1", s -> s.withUnmuted(true)).withHost("u2"));
        assertTrue(store.bySession("s1").orElseThrow().session("s1").orElseThrow().unmuted(),
                "a lookup finds the call as it is now");
        assertEquals("u2", store.byConnection("conn1").orElseThrow().hostId());

        store.update("chan", c -> c.withoutSession("s1"));
        assertTrue(store.bySession("s1").isEmpty());
        assertTrue(store.byConnection("conn1").isEmpty());
        assertEquals("call", store.bySession("s2").orElseThrow().id());
    }

    @Test
    void aRemovedOrReplacedCallLeavesNothingBehindInTheIndexes() {
        store.update("chan", c -> call("call", "chan").withSession(session("s1", "conn1")));
        store.update("chan", c -> null);
        assertTrue(store.byId("call").isEmpty());
        assertTrue(store.bySession("s1").isEmpty());
        assertTrue(store.byConnection("conn1").isEmpty());

        store.update("chan", c -> call("first", "chan").withSession(session("s1", "conn1")));
        store.update("chan", c -> call("second", "chan").withSession(session("s2", "conn1")));
        assertTrue(store.byId("first").isEmpty());
        assertTrue(store.bySession("s1").isEmpty());
        assertEquals("s2", store.byConnection("conn1").orElseThrow().sessionOfConnection("conn1").orElseThrow().sessionId());
    }

    @Test
    void aCallIsAValueThatSerializes() throws IOException, ClassNotFoundException {
        LiveCall call = call("call", "chan").withSession(session("s1", "conn1").withScreenStream("screen"))
                .withScreenSharingSession("s1");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(call);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(call, in.readObject());
        }
    }

    private static LiveCall call(String id, String channelId) {
        return new LiveCall(id, channelId, 1, "u1", "u1", "t", null, List.of());
    }

    private static LiveSession session(String sessionId, String connectionId) {
        return new LiveSession(sessionId, "user-" + sessionId, connectionId, 2, false, 0, null);
    }
}
