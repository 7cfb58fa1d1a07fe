package dev.calls.load.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import dev.calls.load.signaling.SignalingException;

/** Frames as the contract's WebSocket section shows them. */
class ServerFrameTest {

    @Test
    void anOkReplyCarriesItsData() throws SignalingException {
        ServerFrame.Reply reply = assertInstanceOf(ServerFrame.Reply.class, ServerFrame.parse(
                "{\"status\": \"OK\", \"seq_reply\": 2, \"data\": {\"session_id\": \"s1\", \"call_id\": \"c1\"}}"));

        assertEquals(2, reply.seqReply());
        assertTrue(reply.ok());
        assertEquals("s1", reply.dataOrThrow("join").getString("session_id"));
    }

    @Test
    void aFailReplyThrowsItsErrorIdWhenItsDataIsAskedFor() throws SignalingException {
        ServerFrame.Reply reply = assertInstanceOf(ServerFrame.Reply.class, ServerFrame.parse(
                "{\"status\": \"FAIL\", \"seq_reply\": 3, \"error\": {\"id\": \"call_full\", \"message\": \"The call is full.\"}}"));

        assertFalse(reply.ok());
        assertEquals("call_full", reply.errorId());
        SignalingException refusal = assertThrows(SignalingException.class, () -> reply.dataOrThrow("join"));
        assertTrue(refusal.getMessage().contains("call_full"), refusal.getMessage());
        assertEquals("call_full", refusal.refusalId());
    }

    @Test
    void aReplyWithoutDataHasAnEmptyObject() throws SignalingException {
        ServerFrame.Reply reply = assertInstanceOf(ServerFrame.Reply.class,
                ServerFrame.parse("{\"status\": \"OK\", \"seq_reply\": 4}"));

        assertTrue(reply.dataOrThrow("unmute").isEmpty());
    }

    @Test
    void aReplyKeepsTheFrameAsItCame() throws SignalingException {
        ServerFrame.Reply reply = assertInstanceOf(ServerFrame.Reply.class,
                ServerFrame.parse("{\"status\": \"OK\", \"seq_reply\": 5, \"data\": null}"));

        assertTrue(reply.dataOrThrow("call_state").isEmpty());
        assertEquals(JsonValue.NULL, reply.frame().get("data"));
    }

    @Test
    void anEventCarriesItsNameSeqAndData() throws SignalingException {
        ServerFrame.Event event = assertInstanceOf(ServerFrame.Event.class, ServerFrame.parse(
                "{\"event\": \"signal\", \"data\": {\"type\": \"offer\", \"sdp\": \"v=0\\r\\n\", \"call_id\": \"c\"},"
                        + " \"broadcast\": {\"channel_id\": \"ch\"}, \"seq\": 7}"));

        assertEquals("signal", event.name());
        assertEquals(7, event.seq());
        assertEquals("offer", event.text("type"));
        assertEquals("v=0\r\n", event.text("sdp"));
        assertEquals(null, event.text("missing"));
    }

    @Test
    void garbageIsRefusedWithTheSignalingException() {
        for (String text : new String[] {"", "[]", "42", "{", "{\"seq_reply\": 1}", "{\"status\": \"OK\"}",
                "{\"event\": 5}", "not json"}) {
            assertThrows(SignalingException.class, () -> ServerFrame.parse(text), text);
        }
    }
}
