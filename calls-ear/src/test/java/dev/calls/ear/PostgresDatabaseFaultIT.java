package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.json.JsonObject;

import org.jboss.as.arquillian.api.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.calls.media.peer.Poll;

/**
 * The database goes away and comes back while the server runs: first it refuses writes, then every connection.
 * Meanwhile every request that needs it gets the contract's JSON 503 {@code database_unavailable} with a
 * Retry-After (never the container's HTML page, not even when the bearer token cannot be checked), a signaling
 * action gets a FAIL reply, and the ping says UNHEALTHY with a reason. Once the database is back the server
 * recovers by itself, without a restart, and what it acknowledged before the outage is still there. Only on the
 * PostgreSQL server (failsafe execution "postgres"); the faults need root.
 */
@ServerSetup(UsePostgreSQL.class)
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly-postgres")
class PostgresDatabaseFaultIT extends DeployedEar {

    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private final PostgresOutage outage = new PostgresOutage();

    @AfterEach
    void databaseBack() {
        outage.end();
    }

    @Test
    void outageIsAnsweredInJsonReportedByThePingAndRecoveredWithoutRestart() {
        assertEquals("root", System.getProperty("user.name"), "the faults are made as root through su postgres");
        Api api = new Api(base);
        String admin = api.adminToken();
        String before = api.createChannel(admin, "before" + Api.unique(), "O");
        String callChannel = api.createChannel(admin, "call" + Api.unique(), "O");
        api.get("system/ping", null).expect(200);

        try (SignalingClient client = SignalingClient.connect("fault", base, admin)) {
            outage.readOnly();
            api.post("channels", admin, "{\"name\":\"w" + Api.unique() + "\",\"display_name\":\"w\",\"type\":\"O\"}").expectDatabaseUnavailable();
            client.fails("join", SignalingClient.data().add("channel_id", callChannel).build(), "database_unavailable");
            unhealthy(api);

            outage.refuseLogins();
            api.get("users/me", admin).expectDatabaseUnavailable();
            api.get("channels/" + before, admin).expectDatabaseUnavailable();
            unhealthy(api);
        }
        try (SignalingClient refused = SignalingClient.open("refused", base)) {
            refused.sendText("{\"seq\":1,\"action\":\"authentication_challenge\",\"data\":{\"token\":\"" + admin + "\"}}");
            assertEquals(1013, refused.awaitClose(), "try again later (RFC 6455 section 11.7), not a policy violation");
        }

        outage.end();
        Poll.until(RECOVERY, () -> "the ping to say OK again", () -> api.get("system/ping", null).status() == 200 ? true : null);
        api.get("users/me", admin).expect(200);
        assertEquals(before, api.get("channels/" + before, admin).expect(200).id(), "acknowledged before the outage");
        api.createChannel(admin, "after" + Api.unique(), "O");
        try (SignalingClient client = SignalingClient.connect("after", base, admin)) {
            client.ok("join", SignalingClient.data().add("channel_id", callChannel).build());
            client.ok("leave", SignalingClient.data().build());
        }
    }

    /** The ping probes the database at most every few seconds, so the outage shows within that. */
    private static void unhealthy(Api api) {
        JsonObject ping = Poll.until(RECOVERY, () -> "the ping to say UNHEALTHY", () -> {
            Api.Reply reply = api.get("system/ping", null);
            return reply.status() == 503 ? reply.json() : null;
        });
        assertEquals("UNHEALTHY", ping.getString("status"), ping.toString());
        assertTrue(ping.getString("reason").contains("database"), ping.toString());
    }
}
