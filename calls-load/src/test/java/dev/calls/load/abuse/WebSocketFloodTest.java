package dev.calls.load.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import dev.calls.load.signaling.SignalingException;

class WebSocketFloodTest {

    @Test
    void aCloseBeforeHelloIsReportedAsTheServerSaidIt() {
        SignalingException closed = new SignalingException("closed by the server: 1008 too many connections");

        assertEquals("closed by the server: 1008 too many connections", WebSocketFlood.refusal(closed));
        assertEquals("closed by the server: 1008 too many connections",
                WebSocketFlood.refusal(new CompletionException(closed)), "unwrapped from the future's failure");
        assertEquals("IllegalStateException", WebSocketFlood.refusal(new IllegalStateException()));
    }
}
