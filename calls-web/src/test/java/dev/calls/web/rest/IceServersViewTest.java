package dev.calls.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.calls.media.api.CallSettings;
import dev.calls.media.api.TurnSettings;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ice_servers one user is given: static servers as configured, then TURN with that user's credential. */
class IceServersViewTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final String STATIC = "[{\"urls\":[\"turn:static.example.com\"],\"username\":\"u\",\"credential\":\"p\"}]";

    @Test
    void withoutTurnServersTheConfiguredServersAreGivenAsWritten() {
        JsonArray servers = IceServersView.of(CallSettings.DEFAULT_ICE_SERVERS, TurnSettings.NONE, "user1", NOW);

        assertEquals("[{\"urls\":[\"stun:stun.global.calls.mattermost.com:3478\"]}]", servers.toString());
    }

    @Test
    void turnServersFollowTheStaticOnesWithTheUsersGeneratedCredential() {
        TurnSettings turn = new TurnSettings(List.of("turn:turn.example.com:3478?transport=udp",
                "turns:turn.example.com:5349"), "north-wind-secret", 1440);

        JsonArray servers = IceServersView.of(STATIC, turn, "3mq8o1ua4p8ntq9yg6y1f7ymfa", NOW);

        assertEquals(2, servers.size());
        assertEquals("p", servers.getJsonObject(0).getString("credential"), "static credentials stay as configured");
        JsonObject generated = servers.getJsonObject(1);
        assertEquals("[\"turn:turn.example.com:3478?transport=udp\",\"turns:turn.example.com:5349\"]",
                generated.getJsonArray("urls").toString());
        assertEquals("1700086400:3mq8o1ua4p8ntq9yg6y1f7ymfa", generated.getString("username"));
        assertEquals("HgfKw+xtN86eSBKO6JqM51wf8Ts=", generated.getString("credential"));
        assertFalse(servers.toString().contains("north-wind-secret"), "the secret is never handed out");
    }

    @Test
    void aMalformedStaticListLeavesOnlyTheTurnServers() {
        TurnSettings turn = new TurnSettings(List.of("turn:turn.example.com"), "s", 60);

        JsonArray servers = IceServersView.of("not json", turn, "user1", NOW);

        assertEquals(1, servers.size());
        assertEquals("1700003600:user1", servers.getJsonObject(0).getString("username"));
    }
}
