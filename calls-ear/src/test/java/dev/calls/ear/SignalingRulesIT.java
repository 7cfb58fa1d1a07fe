package dev.calls.ear;

import static dev.calls.ear.SignalingClient.data;
import static dev.calls.ear.SignalingUsers.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.calls.ear.SignalingUsers.User;
import dev.calls.media.peer.Poll;

/**
 * The signaling rules through the deployed server, each allowed and denied: the three ways to
 * authenticate and the Origin check, bad input answered with stable error ids on a connection and call
 * that survive, the rate limit and frame size, who may join, host controls, and changes that act on live
 * calls at once. (Media flow is SignalingMediaIT's; here sessions join without negotiating.)
 */
class SignalingRulesIT extends DeployedEar {

    @ArquillianResource
    ManagementClient management;

    private SignalingUsers users;
    private Api api;
    private String admin;

    @BeforeEach
    void setUp() {
        users = new SignalingUsers(base);
        api = users.api();
        admin = users.adminToken();
    }

    @AfterEach
    void closeClients() {
        users.close();
    }

    @Test
    void authenticatesByBearerCookieOrFirstFrameAndRefusesEverythingElse() {
        User u = users.user("system_user");
        SignalingClient bearer = users.connect(u);
        JsonObject hello = bearer.awaitEvent("hello", d -> true);
        assertEquals(26, hello.getString("connection_id").length());
        assertTrue(hello.containsKey("server_version"));
        assertTrue(hello.getJsonNumber("server_started_at").longValue() > 0, "when this run of the server began");
        bearer.assertSeqWithoutGaps();
        assertEquals("pong", bearer.ok("ping", data().build()).getString("text"));

        try (SignalingClient cookie = SignalingClient.open("cookie", base, "Cookie", "MMAUTHTOKEN=" + u.token());
             SignalingClient sameOrigin = SignalingClient.open("same", base, "Cookie", "MMAUTHTOKEN=" + u.token(),
                     "Origin", "http://" + base.getHost() + ":" + base.getPort());
             SignalingClient foreign = SignalingClient.open("foreign", base, "Cookie", "MMAUTHTOKEN=" + u.token(),
                     "Origin", "http://evil.example");
             SignalingClient challenge = SignalingClient.open("challenge", base);
             SignalingClient wrongFirst = SignalingClient.open("wrong", base);
             SignalingClient badToken = SignalingClient.open("bad", base);
             SignalingClient silent = SignalingClient.open("silent", base)) {
            cookie.awaitEvent("hello", d -> true);
            sameOrigin.awaitEvent("hello", d -> true);
            assertEquals(1008, foreign.awaitClose());

            JsonObject reply = challenge.request("authentication_challenge", data().add("token", u.token()).build());
            assertEquals("OK", reply.getString("status"), reply.toString());
            challenge.awaitEvent("hello", d -> true);
            challenge.assertSeqWithoutGaps();

            wrongFirst.sendText("{\"action\":\"ping\",\"seq\":1,\"data\":{}}");
            assertEquals(1008, wrongFirst.awaitClose());
            badToken.sendText("{\"action\":\"authentication_challenge\",\"seq\":1,\"data\":{\"token\":\"" + Api.UNKNOWN_ID + "\"}}");
            assertEquals(1008, badToken.awaitClose());
            assertEquals(1008, silent.awaitClose(), "closed after 5 s without authentication");
            assertTrue(silent.names().isEmpty());
        }
    }

    @Test
    void badInputGetsAStableErrorAndTheConnectionAndTheCallSurvive() {
        User a = users.user("system_user");
        User b = users.user("system_user");
        String channel = users.channel(a, b);
        SignalingClient ca = users.connect(a);
        SignalingClient cb = users.connect(b);

        ca.sendText("{not json");
        JsonObject malformed = Poll.until(SignalingClient.TIMEOUT, () -> "reply to malformed JSON", ca::lastFailure);
        assertEquals(0, malformed.getInt("seq_reply"));
        assertEquals("bad_frame", malformed.getJsonObject("error").getString("id"));
        ca.fails("no_such_action", data().build(), "unknown_action");
        ca.fails("mute", data().build(), "not_in_call");
        ca.fails("sdp", data().add("type", "offer").add("sdp", "x").build(), "not_in_call");
        ca.fails("join", data().build(), "invalid_data");

        String session = ca.ok("join", join(channel)).getString("session_id");
        cb.ok("join", join(channel));
        ca.fails("join", join(channel), "already_in_call");
        ca.fails("sdp", data().add("type", "offer").add("sdp", "v=0\r\ngarbage").build(), "invalid_sdp");
        ca.fails("sdp", data().add("type", "pranswer").add("sdp", "v=0").build(), "invalid_sdp");
        ca.fails("sdp", data().add("type", "answer").add("sdp", "v=0").build(), "no_offer_pending");
        ca.fails("ice", data().add("candidate", "candidate:1 1 udp 2122260223 10.0.0.1 50000 typ host")
                .add("sdp_mid", "0").add("sdp_mline_index", 0).add("username_fragment", "someoneelse").build(), "wrong_session");
        ca.fails("ice", data().add("candidate", "not a candidate").build(), "invalid_candidate");
        ca.ok("ice", data().add("candidate", "").add("sdp_mid", "0").add("sdp_mline_index", 0).build());
        ca.fails("react", data().add("emoji", "smile").build(), "invalid_emoji");
        ca.fails("screen_on", data().build(), "invalid_data");
        ca.fails("call_state", data().add("channel_id", Api.UNKNOWN_ID).build(), "api.channel.not_found");

        JsonObject state = ca.ok("call_state", data().add("channel_id", channel).build());
        assertEquals(2, state.getJsonArray("sessions").size());
        ca.ok("leave", data().build());
        ca.fails("leave", data().build(), "not_in_call");
        ca.fails("unmute", data().build(), "not_in_call");
        assertEquals("pong", ca.ok("ping", data().build()).getString("text"));
        cb.awaitEventOfSession("user_left", session);
        assertEquals(1, cb.ok("call_state", data().add("channel_id", channel).build()).getJsonArray("sessions").size());
        assertTrue(cb.findEvent("call_end", d -> true) == null, "the call survives");

        SignalingClient big = users.connect(a);
        big.sendText("{\"action\":\"ping\",\"seq\":1,\"data\":{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}}");
        assertEquals(1009, big.awaitClose());
    }

    @Test
    void moreThanTheBurstOfActionsIsRateLimited() {
        SignalingClient c = users.connect(users.user("system_user"));
        for (int i = 1; i <= 150; i++) {
            c.sendText("{\"action\":\"ping\",\"seq\":" + i + ",\"data\":{}}");
        }
        List<JsonObject> replies = Poll.until(SignalingClient.TIMEOUT, () -> "150 replies",
                () -> c.repliesSoFar().size() >= 150 ? c.repliesSoFar() : null);
        long limited = replies.stream().filter(r -> "FAIL".equals(r.getString("status"))).peek(r ->
                assertEquals("rate_limited", r.getJsonObject("error").getString("id"))).count();
        // The burst of 100 passes; what follows faster than 10 a second is refused.
        assertTrue(limited > 0 && replies.size() - limited >= 100, "refused " + limited + " of " + replies.size());
    }

    /**
     * Attack: frames that are not actions — a flood of garbage, and a frame nested thousands deep. Garbage
     * spends the action rate like actions do; a deep frame gets bad_frame (with the seq read before the deep
     * part, else 0) and the connection stays open; others' calls and actions go on.
     */
    @Test
    void malformedFramesSpendTheActionRateAndDeepFramesGetBadFrame() {
        User a = users.user("system_user");
        User b = users.user("system_user");
        String channel = users.channel(a, b);
        SignalingClient ca = users.connect(a);
        SignalingClient cb = users.connect(b);
        ca.ok("join", join(channel));
        cb.ok("join", join(channel));

        SignalingClient attacker = users.connect(users.user("system_user"));
        String deep = "[".repeat(5000) + "]".repeat(5000);
        attacker.sendText("{\"seq\":7,\"action\":\"ping\",\"data\":{\"x\":" + deep + "}}");
        JsonObject deepReply = Poll.until(SignalingClient.TIMEOUT, () -> "reply to a deep frame", attacker::lastFailure);
        assertEquals(7, deepReply.getInt("seq_reply"));
        assertEquals("bad_frame", deepReply.getJsonObject("error").getString("id"));
        attacker.sendText("[".repeat(5000));
        Poll.until(SignalingClient.TIMEOUT, () -> "reply to an unclosed deep frame",
                () -> attacker.repliesSoFar().size() >= 2 ? attacker.repliesSoFar() : null);
        JsonObject unclosed = attacker.lastFailure();
        assertEquals(0, unclosed.getInt("seq_reply"));
        assertEquals("bad_frame", unclosed.getJsonObject("error").getString("id"));
        assertEquals("pong", attacker.ok("ping", data().build()).getString("text"));

        for (int i = 0; i < 150; i++) {
            attacker.sendText("{not json");
        }
        List<JsonObject> replies = Poll.until(SignalingClient.TIMEOUT, () -> "replies to 150 garbage frames",
                () -> attacker.repliesSoFar().size() >= 153 ? attacker.repliesSoFar() : null);
        assertTrue(replies.stream().filter(r -> "FAIL".equals(r.getString("status")))
                        .anyMatch(r -> "rate_limited".equals(r.getJsonObject("error").getString("id"))),
                "garbage past the burst is rate-limited");
        assertTrue(!attacker.isClosed(), "the connection stays open");

        cb.ok("mute", data().build());
        assertEquals(2, ca.ok("call_state", data().add("channel_id", channel).build()).getJsonArray("sessions").size());
        assertEquals("pong", cb.ok("ping", data().build()).getString("text"));
    }

    /**
     * Attack: one user opens WebSockets without end. Past Limit.WEBSOCKETS_PER_USER (32) the next is closed
     * with 1008 right after authenticating; closing one frees its place; the user's call and other users'
     * connections are not disturbed.
     */
    @Test
    void aUsersWebSocketsAreCappedAndAClosedOneFreesItsPlace() {
        User u = users.user("system_user");
        User v = users.user("system_user");
        String channel = users.channel(u, v);
        SignalingClient inCall = users.connect(u);
        SignalingClient cv = users.connect(v);
        inCall.ok("join", join(channel));
        cv.ok("join", join(channel));
        List<SignalingClient> more = new ArrayList<>();
        try {
            for (int i = 1; i < 32; i++) {
                more.add(SignalingClient.connect("more" + i, base, u.token()));
            }
            try (SignalingClient over = SignalingClient.open("over", base, "Authorization", "Bearer " + u.token());
                 SignalingClient overByFrame = SignalingClient.open("overByFrame", base)) {
                assertEquals(1008, over.awaitClose());
                assertTrue(over.names().isEmpty(), "no hello: " + over.names());
                overByFrame.sendText("{\"action\":\"authentication_challenge\",\"seq\":1,\"data\":{\"token\":\""
                        + u.token() + "\"}}");
                assertEquals(1008, overByFrame.awaitClose());
            }
            assertEquals("pong", cv.ok("ping", data().build()).getString("text"));
            inCall.ok("unmute", data().build());
            cv.awaitEvent("user_unmuted", d -> u.id().equals(d.getString("user_id")));

            more.remove(0).close();
            SignalingClient again = Poll.until(SignalingClient.TIMEOUT, () -> "a connection in the freed place", () -> {
                SignalingClient attempt = SignalingClient.open("again", base, "Authorization", "Bearer " + u.token());
                Poll.until(SignalingClient.TIMEOUT, () -> "hello or close",
                        () -> attempt.isClosed() || !attempt.names().isEmpty() ? Boolean.TRUE : null);
                return attempt.isClosed() ? null : attempt;
            });
            more.add(again);
            assertEquals("pong", again.ok("ping", data().build()).getString("text"));
        } finally {
            more.forEach(SignalingClient::close);
        }
    }

    /**
     * Attack: a join whose title is over 4000 characters failed in the database's commit after the call
     * and its media were made, and every later join, host action and calls switch of the channel answered
     * 500. The title is refused before anything changes, and the channel's calls work on.
     */
    @Test
    void aJoinWithAnOverlongTitleIsRefusedAndTheChannelWorksOn() {
        User a = users.user("system_user");
        User b = users.user("system_user");
        String channel = users.channel(a, b);
        SignalingClient ca = users.connect(a);
        SignalingClient cb = users.connect(b);
        ca.fails("join", data().add("channel_id", channel).add("title", "t".repeat(4001)).build(), "invalid_title");
        assertEquals(JsonValue.NULL, ca.request("call_state", data().add("channel_id", channel).build()).get("data"));

        String callId = ca.ok("join", data().add("channel_id", channel).add("title", "t".repeat(256)).build())
                .getString("call_id");
        cb.fails("join", data().add("channel_id", channel).add("title", "t".repeat(4001)).build(), "invalid_title");
        cb.ok("join", join(channel));
        assertEquals(2, cb.ok("call_state", data().add("channel_id", channel).build()).getJsonArray("sessions").size());
        api.post("calls/" + callId + "/host/end", a.token(), null).expect(200);
        cb.awaitEvent("call_end", d -> callId.equals(d.getString("call_id")));
        api.post("calls/channels/" + channel, a.token(), "{\"enabled\":false}").expect(200);
        api.post("calls/channels/" + channel, a.token(), "{\"enabled\":true}").expect(200);
        ca.ok("join", join(channel));
    }

    @Test
    void aCallStartsInTheGivenThreadOrUnderItsTitle() {
        User a = users.user("system_user");
        String channel = users.channel(a);
        SignalingClient ca = users.connect(a);
        ca.fails("join", data().add("channel_id", channel).add("thread_id", "x".repeat(26)).build(), "invalid_thread");

        String postId = api.post("posts", a.token(), "{\"channel_id\":\"" + channel + "\",\"message\":\"agenda\"}")
                .expect(201).json().getString("id");
        ca.ok("join", data().add("channel_id", channel).add("thread_id", postId).build());
        assertEquals(postId, ca.ok("call_state", data().add("channel_id", channel).build()).getString("thread_id"));
        ca.ok("leave", data().build());

        ca.ok("join", data().add("channel_id", channel).add("title", "Standup").build());
        String thread = ca.ok("call_state", data().add("channel_id", channel).build()).getString("thread_id");
        JsonObject posted = ca.awaitEvent("posted", d -> thread.equals(d.getJsonObject("post").getString("id")))
                .getJsonObject("post");
        assertEquals("Standup", posted.getString("message"));
    }

    @Test
    void whoMayJoinAndSettingsThatActOnLiveCalls() throws Exception {
        User owner = users.user("system_user");
        User member = users.user("system_user");
        User third = users.user("system_user");
        User outsider = users.user("system_user");
        String channel = users.channel(owner, member, third);
        SignalingClient co = users.connect(owner);
        SignalingClient cm = users.connect(member);
        SignalingClient ct = users.connect(third);
        users.connect(outsider).fails("join", join(channel), "not_member");

        try (ServerProperty max = ServerProperty.set(management, "calls.maxCallParticipants", "2")) {
            co.ok("join", join(channel));
            String memberSession = cm.ok("join", join(channel)).getString("session_id");
            ct.fails("join", join(channel), "call_full");
            // Removal from the channel drops the member from the call at once.
            api.delete("channels/" + channel + "/members/" + member.id(), owner.token()).expect(200);
            co.awaitEventOfSession("user_left", memberSession);
            ct.ok("join", join(channel));
        }
        // Deactivation takes the user out of the call at once.
        String thirdSession = ct.ok("call_state", data().add("channel_id", channel).build()).getJsonArray("sessions")
                .stream().map(JsonValue::asJsonObject).filter(s -> s.getString("user_id").equals(third.id()))
                .findFirst().orElseThrow().getString("session_id");
        api.put("users/" + third.id() + "/active", admin, "{\"active\":false}").expect(200);
        co.awaitEventOfSession("user_left", thirdSession);
        assertEquals(1008, ct.awaitClose(), "a deactivated user's WebSocket is closed");

        // Switching calls off ends the running call, and joins are refused until it is on again.
        String callId = co.ok("call_state", data().add("channel_id", channel).build()).getString("id");
        api.post("calls/channels/" + channel, owner.token(), "{\"enabled\":false}").expect(200);
        co.awaitEvent("call_end", d -> callId.equals(d.getString("call_id")));
        co.fails("join", join(channel), "calls_disabled");
        api.post("calls/channels/" + channel, owner.token(), "{\"enabled\":true}").expect(200);
        String second = co.ok("join", join(channel)).getString("call_id");
        // Archiving ends it too, and nobody joins an archived channel's call.
        api.delete("channels/" + channel, owner.token()).expect(200);
        co.awaitEvent("call_end", d -> second.equals(d.getString("call_id")));
        co.fails("join", join(channel), "channel_archived");

        // Test mode: with calls off by default only system admins start calls; others may join them.
        User adminUser = users.admin();
        String testChannel = api.createChannel(admin, "test-" + Api.unique(), "O");
        api.addMember(owner.token(), testChannel, owner.id());
        try (ServerProperty testMode = ServerProperty.set(management, "calls.defaultEnabled", "false")) {
            co.fails("join", join(testChannel), "calls_disabled");
            SignalingClient ca = users.connect(adminUser);
            ca.ok("join", join(testChannel));
            co.ok("join", join(testChannel));
            co.ok("leave", data().build());
            ca.ok("leave", data().build());
        }
    }

    @Test
    void hostControlsParticipantStateAndSeveralDevices() throws Exception {
        User a = users.user("system_user");
        User b = users.user("system_user");
        User c = users.user("system_user");
        String channel = users.channel(a, b, c);
        SignalingClient ca = users.connect(a);
        SignalingClient cb = users.connect(b);
        SignalingClient cc = users.connect(c);
        JsonObject joined = ca.ok("join", join(channel));
        String callId = joined.getString("call_id");
        String sa = joined.getString("session_id");
        String sb = cb.ok("join", join(channel)).getString("session_id");
        String sc = cc.ok("join", join(channel)).getString("session_id");
        JsonObject state = ca.ok("call_state", data().add("channel_id", channel).build());
        assertEquals(a.id(), state.getString("host_id"));

        // Only the host (or a system admin) uses host controls.
        api.post("calls/" + callId + "/host/mute", b.token(), "{\"session_id\":\"" + sa + "\"}").expect(403);
        cb.ok("unmute", data().build());
        ca.awaitEventOfSession("user_unmuted", sb);
        api.post("calls/" + callId + "/host/mute", a.token(), "{\"session_id\":\"" + sb + "\"}").expect(200);
        cb.awaitEventOfSession("host_mute", sb);
        cc.awaitEventOfSession("user_muted", sb);
        cc.ok("raise_hand", data().build());
        assertTrue(cb.awaitEventOfSession("user_raise_hand", sc).getJsonNumber("raised_hand").longValue() > 0);
        api.post("calls/" + callId + "/host/lower-hand", a.token(), "{\"session_id\":\"" + sc + "\"}").expect(200);
        cc.awaitEventOfSession("host_lower_hand", sc);
        assertEquals(0, cb.awaitEventOfSession("user_unraise_hand", sc).getJsonNumber("raised_hand").longValue());

        cc.ok("screen_on", data().add("stream_id", "screen-stream").build());
        ca.awaitEventOfSession("user_screen_on", sc);
        cb.fails("screen_on", data().add("stream_id", "mine").build(), "screen_already_shared");
        api.post("calls/" + callId + "/host/screen-off", a.token(), "{\"session_id\":\"" + sc + "\"}").expect(200);
        cc.awaitEventOfSession("host_screen_off", sc);
        ca.awaitEventOfSession("user_screen_off", sc);
        try (ServerProperty off = ServerProperty.set(management, "calls.allowScreenSharing", "false")) {
            cb.fails("screen_on", data().add("stream_id", "mine").build(), "screen_sharing_disabled");
        }
        cb.ok("react", data().add("emoji", data().add("name", "tada").add("unified", "1f389")).build());
        assertEquals("tada", cc.awaitEventOfSession("user_reacted", sb).getJsonObject("emoji").getString("name"));

        // make is sticky: the owner coming back does not take the host role back.
        api.post("calls/" + callId + "/host/make", a.token(), "{\"new_host_id\":\"" + b.id() + "\"}").expect(200);
        cc.awaitEvent("call_host_changed", d -> b.id().equals(d.getString("host_id")));
        ca.ok("leave", data().build());
        String again = ca.ok("join", join(channel)).getString("session_id");
        assertNotEquals(sa, again);
        assertEquals(b.id(), ca.ok("call_state", data().add("channel_id", channel).build()).getString("host_id"));
        // When the host leaves, the earliest remaining joiner hosts.
        cb.ok("leave", data().build());
        ca.awaitEvent("call_host_changed", d -> c.id().equals(d.getString("host_id")));

        // Several devices: the same user in the call from a second connection, as a second session.
        SignalingClient phone = users.connect(c);
        String second = phone.ok("join", join(channel)).getString("session_id");
        JsonObject both = phone.ok("call_state", data().add("channel_id", channel).build());
        assertEquals(2, both.getJsonArray("sessions").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("user_id").equals(c.id())).count());
        ca.awaitEventOfSession("user_joined", second);

        api.post("calls/" + callId + "/host/remove", c.token(), "{\"session_id\":\"" + again + "\"}").expect(200);
        ca.awaitEventOfSession("host_removed", again);
        ca.fails("mute", data().build(), "not_in_call");
        api.post("calls/" + callId + "/host/end", admin, null).expect(200);
        for (SignalingClient client : List.of(ca, cb, cc, phone)) {
            client.awaitEvent("call_end", d -> callId.equals(d.getString("call_id")));
            client.assertSeqWithoutGaps();
        }
    }
}
