package dev.calls.ear;

import static dev.calls.ear.SignalingClient.data;

import java.net.URL;
import java.util.List;

import jakarta.json.JsonObject;

import dev.calls.media.peer.Poll;
import dev.calls.media.peer.TestPeer;

/**
 * A participant as a client would be one: a signaling connection and a libwebrtc peer sending a tone as
 * its microphone. Joining negotiates through the server: the client's offer, the server's answer as a
 * {@code signal} event, and from then on the server's offers answered automatically. Public for the
 * browser tests, which bring in someone without the cost of another browser.
 */
public final class CallParticipant implements AutoCloseable {

    final String name;
    final TestPeer peer;
    SignalingClient ws;
    public String sessionId;
    String callId;
    private int answersSeen;

    private CallParticipant(String name, SignalingClient ws) {
        this.name = name;
        this.ws = ws;
        this.peer = new TestPeer(name);
    }

    /** Connects, joins the channel's call, sends the tone and negotiates; unmuted when {@code unmute}. */
    public static CallParticipant join(String name, URL base, String token, String channelId, double toneHz, boolean unmute) {
        CallParticipant p = new CallParticipant(name, SignalingClient.connect(name, base, token));
        JsonObject joined = p.ws.ok("join", data().add("channel_id", channelId).build());
        p.sessionId = joined.getString("session_id");
        p.callId = joined.getString("call_id");
        p.peer.sendAudio(p.sessionId, "mic", toneHz);
        p.ws.attach(p.peer);
        p.offer();
        if (unmute) {
            p.ws.ok("unmute", data().build());
        }
        return p;
    }

    /** Sends the peer's offer; applies the server's answer, which arrives as a signal event before the reply. */
    void offer() {
        String offer = peer.createOffer();
        ws.ok("sdp", data().add("type", "offer").add("sdp", offer).build());
        int wanted = ++answersSeen;
        JsonObject answer = Poll.until(SignalingClient.TIMEOUT, () -> name + ": answer #" + wanted, () -> {
            List<JsonObject> answers = ws.events("signal", d -> "answer".equals(d.getString("type", "")));
            return answers.size() >= wanted ? answers.get(wanted - 1) : null;
        });
        peer.applyAnswer(answer.getString("sdp"));
    }

    /** Leaves the call; closing the WebSocket alone would keep the session for the contract's reconnect window. */
    public void leave() {
        ws.ok("leave", data().build());
    }

    @Override
    public void close() throws Exception {
        ws.close();
        peer.close();
    }
}
