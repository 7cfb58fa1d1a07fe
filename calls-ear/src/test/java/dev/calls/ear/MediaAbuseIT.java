package dev.calls.ear;

import static dev.calls.ear.SignalingClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.calls.media.StunChecks;
import dev.calls.media.ice.ErrorCode;
import dev.calls.media.peer.TestPeer;

/**
 * Attacks on the media engine through the deployed server, from the security review: an offer announcing
 * hundreds of sources, a hundred joins that answer and then never do ICE, an ICE restart for another
 * user's session and connectivity checks with a ufrag the server never gave out. Each is refused or
 * harmless, and a call beside it keeps its media.
 */
class MediaAbuseIT extends DeployedEar {

    private Api api;
    private String admin;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        admin = api.adminToken();
    }

    /** Users (tokens in order), all members of one new open channel created by the first. */
    private record Cast(String channelId, List<String> tokens) {
    }

    private Cast cast(int users) {
        String suffix = Api.unique();
        List<String> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            ids.add(api.createUser(admin, "ab" + i + suffix, "system_user"));
            tokens.add(api.token("ab" + i + suffix, Api.PASSWORD));
        }
        String channel = api.createChannel(tokens.get(0), "abuse-" + suffix, "O");
        for (int i = 1; i < users; i++) {
            api.addMember(tokens.get(i), channel, ids.get(i));
        }
        return new Cast(channel, tokens);
    }

    @Test
    void anOfferWithSixHundredSourcesGetsAFailReplyAndTheCallKeepsItsMedia() throws Exception {
        Cast cast = cast(3);
        try (CallParticipant a = CallParticipant.join("a", base, cast.tokens().get(0), cast.channelId(), 440, true);
                CallParticipant b = CallParticipant.join("b", base, cast.tokens().get(1), cast.channelId(), 660, true);
                SignalingClient attacker = SignalingClient.connect("attacker", base, cast.tokens().get(2));
                TestPeer attackerPeer = new TestPeer("attacker")) {
            Hearing.assertHears(a.peer, b.sessionId, 660);
            JsonObject joined = attacker.ok("join", data().add("channel_id", cast.channelId()).build());
            attackerPeer.sendAudio(joined.getString("session_id"), "mic", 1000);
            String offer = attackerPeer.createOffer();
            StringBuilder bloated = new StringBuilder(offer);
            for (int i = 0; i < 600; i++) {
                bloated.append("a=ssrc:").append(1_000_000 + i).append(" cname:abuse\r\n");
            }
            assertTrue(bloated.length() > 13_000, "the review's offer was 13 KB: " + bloated.length());

            attacker.fails("sdp", data().add("type", "offer").add("sdp", bloated.toString()).build(), "too_many_sources");

            long before = Hearing.packets(a.peer, b.sessionId);
            Hearing.awaitFlowing(a.peer, b.sessionId, before);
            Hearing.awaitFlowing(b.peer, a.sessionId, Hearing.packets(b.peer, a.sessionId));
            // Nothing of the refused offer was kept: the same session's real offer is answered.
            attacker.ok("sdp", data().add("type", "offer").add("sdp", offer).build());
            JsonObject refusal = attacker.lastFailure();
            assertEquals("too_many_sources", refusal.getJsonObject("error").getString("id"));
            assertTrue(refusal.getJsonObject("error").getString("message").contains("sources"), refusal.toString());
        }
    }

    @Test
    void aRestartForAnotherUsersSessionAndChecksWithAForeignUfragAreRefusedAndTheCallKeepsItsMedia() throws Exception {
        Cast cast = cast(3);
        try (CallParticipant a = CallParticipant.join("a", base, cast.tokens().get(0), cast.channelId(), 440, true);
                CallParticipant b = CallParticipant.join("b", base, cast.tokens().get(1), cast.channelId(), 660, true);
                SignalingClient attacker = SignalingClient.connect("attacker", base, cast.tokens().get(2));
                TestPeer attackerPeer = new TestPeer("attacker");
                DatagramSocket udp = new DatagramSocket()) {
            Hearing.assertHears(a.peer, b.sessionId, 660);

            // A restart reaches a session only through the signaling connection that carries it: another
            // user can neither take a's session over (reconnect) nor signal without a session of their own.
            String connection = a.ws.connectionId();
            long notFoundBefore = signalingRefused("session_not_found");
            long notInCallBefore = signalingRefused("not_in_call");
            attacker.fails("reconnect", data().add("channel_id", cast.channelId()).add("original_connection_id", connection)
                    .add("prev_connection_id", connection).build(), "session_not_found");
            attackerPeer.sendAudio("attacker", "mic", 1000);
            attackerPeer.restartIce();
            attacker.fails("sdp", data().add("type", "offer").add("sdp", attackerPeer.createOffer()).build(), "not_in_call");
            assertEquals(notFoundBefore + 1, signalingRefused("session_not_found"), "the takeover is counted");
            assertEquals(notInCallBefore + 1, signalingRefused("not_in_call"), "the restart offer is counted");

            // Checks naming a ufrag the server never gave out are answered 401 and counted as from a stranger.
            JsonObject media = MediaPing.await(base, m -> true);
            long strangersBefore = droppedUnknownSource();
            udp.setSoTimeout(5000);
            byte[] check = StunChecks.bindingRequest("Fr0g:attk", "foreignPassword0123456789");
            udp.send(new DatagramPacket(check, check.length, InetAddress.getByName(media.getString("advertised_address")),
                    media.getInt("udp_port")));
            DatagramPacket answer = StunChecks.receive(udp);
            assertNotNull(answer, "the engine answers a stranger's check");
            assertEquals(ErrorCode.UNAUTHENTICATED, StunChecks.errorCodeOf(answer));
            assertTrue(droppedUnknownSource() > strangersBefore, "counted as a stranger's datagram");

            // The call beside it goes on, with the same sessions: media both ways, nobody left.
            Hearing.awaitFlowing(a.peer, b.sessionId, Hearing.packets(a.peer, b.sessionId));
            Hearing.awaitFlowing(b.peer, a.sessionId, Hearing.packets(b.peer, a.sessionId));
            assertEquals(List.of(), b.ws.events("user_left", d -> true));
            a.ws.ok("mute", data().build());
            b.ws.awaitEventOfSession("user_muted", a.sessionId);
        }
    }

    private long signalingRefused(String id) {
        JsonObject byId = api.get("system/stats", admin).expect(200).json().getJsonObject("signaling_refused");
        return byId.containsKey(id) ? byId.getJsonNumber(id).longValue() : 0;
    }

    private long droppedUnknownSource() {
        return api.get("system/stats", admin).expect(200).json().getJsonObject("dropped").getJsonNumber("unknown_source")
                .longValue();
    }

    @Test
    void aHundredJoinsThatNeverDoIceLeaveARealCallToConnectAndHearEachOther() throws Exception {
        int junkUsers = 34;
        int connectionsEach = 3;
        Cast cast = cast(junkUsers + 2);
        List<AutoCloseable> open = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (TestPeer template = new TestPeer("junk")) {
            template.sendAudio("junk", "mic", 300);
            String offer = template.createOffer();
            List<Future<?>> joins = new ArrayList<>();
            for (int i = 0; i < junkUsers * connectionsEach; i++) {
                String token = cast.tokens().get(2 + i % junkUsers);
                String name = "junk" + i;
                joins.add(pool.submit(() -> {
                    SignalingClient junk = SignalingClient.connect(name, base, token);
                    open.add(junk);
                    junk.ok("join", data().add("channel_id", cast.channelId()).build());
                    // Answered, and then nothing: no ICE check ever follows.
                    junk.ok("sdp", data().add("type", "offer").add("sdp", offer).build());
                    return null;
                }));
            }
            for (Future<?> join : joins) {
                join.get(5, TimeUnit.MINUTES);
            }

            try (CallParticipant a = CallParticipant.join("real-a", base, cast.tokens().get(0), cast.channelId(), 440, true);
                    CallParticipant b = CallParticipant.join("real-b", base, cast.tokens().get(1), cast.channelId(), 660, true)) {
                Hearing.assertHears(a.peer, b.sessionId, 660);
                Hearing.assertHears(b.peer, a.sessionId, 440);
            }
            JsonObject stats = api.get("system/stats", admin).expect(200).json();
            assertEquals(0, stats.getJsonNumber("dtls_refused").longValue(), stats.toString());
        } finally {
            for (AutoCloseable c : open) {
                c.close();
            }
            pool.shutdownNow();
        }
    }
}
