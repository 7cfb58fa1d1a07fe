package dev.calls.ear;

import static dev.calls.ear.SignalingClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.calls.media.peer.Poll;

/**
 * Whole calls through the deployed server: libwebrtc peers signal over the WebSocket, negotiate with the
 * engine through it, and hear each other; mute, reconnection, and the host's remove and end act on the media.
 */
class SignalingMediaIT extends DeployedEar {

    private Api api;
    private String admin;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        admin = api.adminToken();
    }

    /** Creates users (tokens returned in order) who are all members of one new open channel, created by the first. */
    private record Cast(String channelId, List<String> tokens, List<String> ids) {
    }

    private Cast cast(int users) {
        String suffix = Api.unique();
        List<String> ids = new java.util.ArrayList<>();
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < users; i++) {
            ids.add(api.createUser(admin, "u" + i + suffix, "system_user"));
            tokens.add(api.token("u" + i + suffix, Api.PASSWORD));
        }
        String channel = api.createChannel(tokens.get(0), "media-" + suffix, "O");
        for (int i = 1; i < users; i++) {
            api.addMember(tokens.get(i), channel, ids.get(i));
        }
        return new Cast(channel, tokens, ids);
    }

    @Test
    void threeParticipantsHearEachOtherMuteStopsAVoiceAndEveryoneHearsTheEventsInOrder() throws Exception {
        Cast cast = cast(4);
        try (SignalingClient watcher = SignalingClient.connect("watcher", base, cast.tokens().get(3));
             CallParticipant a = CallParticipant.join("a", base, cast.tokens().get(0), cast.channelId(), 440, true);
             CallParticipant b = CallParticipant.join("b", base, cast.tokens().get(1), cast.channelId(), 660, true);
             CallParticipant c = CallParticipant.join("c", base, cast.tokens().get(2), cast.channelId(), 1000, true)) {
            Hearing.assertHears(a.peer, b.sessionId, 660);
            Hearing.assertHears(a.peer, c.sessionId, 1000);
            Hearing.assertHears(b.peer, a.sessionId, 440);
            Hearing.assertHears(b.peer, c.sessionId, 1000);
            Hearing.assertHears(c.peer, a.sessionId, 440);
            Hearing.assertHears(c.peer, b.sessionId, 660);

            b.ws.ok("mute", data().build());
            a.ws.awaitEventOfSession("user_muted", b.sessionId);
            Hearing.awaitSilence(a.peer, b.sessionId);
            Hearing.awaitSilence(c.peer, b.sessionId);
            long before = Hearing.packets(a.peer, b.sessionId);
            b.ws.ok("unmute", data().build());
            Hearing.awaitFlowing(a.peer, b.sessionId, before);

            // A channel member outside the call hears of its start, joins, leaves and end; the call's thread too.
            JsonObject start = watcher.awaitEvent("call_start", d -> a.callId.equals(d.getString("call_id")));
            assertEquals(cast.ids().get(0), start.getString("host_id"));
            watcher.awaitEvent("posted", d -> d.getJsonObject("post").getString("id").equals(start.getString("thread_id")));
            for (CallParticipant p : List.of(a, b, c)) {
                watcher.awaitEventOfSession("user_joined", p.sessionId);
            }
            c.ws.ok("leave", data().build());
            watcher.awaitEventOfSession("user_left", c.sessionId);
            b.ws.ok("leave", data().build());
            a.ws.ok("leave", data().build());
            assertTrue(watcher.awaitEvent("call_end", d -> a.callId.equals(d.getString("call_id"))).getJsonNumber("end_at")
                    .longValue() > 0);
            for (SignalingClient client : List.of(watcher, a.ws, b.ws, c.ws)) {
                client.assertSeqWithoutGaps();
            }
            assertEquals(List.of(), a.ws.events("user_voice_on", d -> !d.containsKey("user_id")),
                    "voice events name the speaker");
        }
    }

    @Test
    void aDroppedWebSocketReconnectsWithItsSessionAndTheAudioKeepsFlowing() throws Exception {
        Cast cast = cast(3);
        try (CallParticipant a = CallParticipant.join("ra", base, cast.tokens().get(0), cast.channelId(), 440, true);
             CallParticipant b = CallParticipant.join("rb", base, cast.tokens().get(1), cast.channelId(), 660, true);
             CallParticipant c = CallParticipant.join("rc", base, cast.tokens().get(2), cast.channelId(), 1000, false)) {
            Hearing.assertHears(a.peer, b.sessionId, 660);
            Hearing.assertHears(b.peer, a.sessionId, 440);
            b.ws.ok("raise_hand", data().build());

            String original = b.ws.connectionId();
            b.ws.abort();
            long during = Hearing.packets(a.peer, b.sessionId);
            Hearing.awaitFlowing(a.peer, b.sessionId, during);

            SignalingClient again = SignalingClient.connect("rb2", base, cast.tokens().get(1));
            b.ws = again;
            again.attach(b.peer);
            JsonObject restored = again.ok("reconnect", data().add("channel_id", cast.channelId())
                    .add("original_connection_id", original).add("prev_connection_id", original).build());
            assertEquals(b.sessionId, restored.getString("session_id"));
            JsonObject mine = restored.getJsonObject("call").getJsonArray("sessions").stream().map(v -> v.asJsonObject())
                    .filter(s -> s.getString("session_id").equals(b.sessionId)).findFirst().orElseThrow();
            assertTrue(mine.getBoolean("unmuted"), "still unmuted after the reconnect: " + mine);
            assertTrue(mine.getJsonNumber("raised_hand").longValue() > 0, "hand still raised: " + mine);
            again.ok("mute", data().build());
            Hearing.awaitSilence(a.peer, b.sessionId);
            again.ok("unmute", data().build());
            Hearing.awaitFlowing(a.peer, b.sessionId, Hearing.packets(a.peer, b.sessionId));

            // Without a reconnect the session leaves after the grace period (30 s), which the wait must exceed.
            c.ws.abort();
            Poll.until(Duration.ofSeconds(45), () -> "user_left of the dropped session",
                    () -> a.ws.findEvent("user_left", d -> c.sessionId.equals(d.getString("session_id"))));
            assertTrue(b.ws.findEvent("user_left", d -> b.sessionId.equals(d.getString("session_id"))) == null);
            again.assertSeqWithoutGaps();
        }
    }

    @Test
    void hostRemovalClosesTheMediaWithinThreeSecondsAndEndClosesEverySessionWithinFive() throws Exception {
        Cast cast = cast(3);
        try (CallParticipant a = CallParticipant.join("ha", base, cast.tokens().get(0), cast.channelId(), 440, true);
             CallParticipant b = CallParticipant.join("hb", base, cast.tokens().get(1), cast.channelId(), 660, true);
             CallParticipant c = CallParticipant.join("hc", base, cast.tokens().get(2), cast.channelId(), 1000, true)) {
            Hearing.assertHears(a.peer, b.sessionId, 660);
            Hearing.assertHears(b.peer, c.sessionId, 1000);
            int sessions = mediaSessions();

            api.post("calls/" + a.callId + "/host/remove", cast.tokens().get(0),
                    "{\"session_id\":\"" + b.sessionId + "\"}").expect(200);
            Poll.until(Duration.ofSeconds(3), () -> "media session of the removed participant closed",
                    () -> mediaSessions() == sessions - 1 ? Boolean.TRUE : null);
            b.ws.awaitEventOfSession("host_removed", b.sessionId);
            c.ws.awaitEventOfSession("user_left", b.sessionId);
            Hearing.awaitSilence(a.peer, b.sessionId);
            b.ws.fails("mute", data().build(), "not_in_call");

            api.post("calls/" + a.callId + "/host/end", cast.tokens().get(0), null).expect(200);
            Poll.until(Duration.ofSeconds(5), () -> "every media session closed",
                    () -> mediaSessions() == sessions - 3 ? Boolean.TRUE : null);
            for (CallParticipant p : List.of(a, b, c)) {
                p.ws.awaitEvent("call_end", d -> a.callId.equals(d.getString("call_id")));
            }
            Hearing.awaitSilence(c.peer, a.sessionId);
        }
    }

    private int mediaSessions() {
        return api.get("system/ping", admin).expect(200).json().getJsonObject("media").getInt("sessions");
    }
}
