package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Data survives a server restart: users, tokens, channels, members, settings, posts and deactivations
 * written before the server stops are all there, unchanged, when it has started again on the same
 * embedded H2 database; and a call that a kill left open in the database is ended at startup at its last
 * recorded activity, so no ghost call survives the restart, with the audit lines of a call's end.
 */
class RestartIT extends ManualServer {

    private static final String CONTAINER = "wildfly-restart";

    @Deployment(testable = false, managed = false, name = CallsEar.NAME)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive ear() {
        return CallsEar.built();
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        ServerBaseDirectory.prepare("restart");
        controller.start(CONTAINER);
        deployer.deploy(CallsEar.NAME);
        Api api = new Api(new URL("http://127.0.0.1:8080/calls/"));

        String admin = api.adminToken();
        String suffix = Api.unique();
        String keptId = api.createUser(admin, "kept" + suffix, "system_user");
        String goneId = api.createUser(admin, "gone" + suffix, "system_guest");
        String kept = api.token("kept" + suffix, Api.PASSWORD);
        String channel = api.createChannel(kept, "lasting-" + suffix, "P");
        api.addMember(kept, channel, goneId);
        api.post("calls/channels/" + channel, kept, "{\"enabled\":false}").expect(200);
        String post = api.post("posts", kept, "{\"channel_id\":\"" + channel + "\",\"message\":\"before\"}").expect(201).id();
        api.put("users/" + goneId + "/active", admin, "{\"active\":false}").expect(200);

        controller.stop(CONTAINER);
        // What a kill in the middle of a call leaves behind: a call and a session that never ended.
        String ghost = "ghost" + Api.unique() + "aaaaaaaaaaaaaaa";
        long startAt = System.currentTimeMillis() - 60_000;
        long lastActivity = startAt + 20_000;
        LeftoverCall.write(baseDirectory(), ghost, channel, keptId, post, startAt, lastActivity);
        controller.start(CONTAINER);
        try {
            awaitDeployed(api);
            assertEquals(keptId, api.get("users/me", kept).expect(200).id(), "a token issued before the restart still works");
            assertEquals("lasting-" + suffix, api.get("channels/" + channel, kept).expect(200).json().getString("name"));
            assertFalse(api.get("calls/channels/" + channel, kept).expect(200).json().getBoolean("enabled"));
            List<String> thread = api.get("posts/" + post + "/thread", kept).expect(200).json().getJsonArray("posts")
                    .stream().map(v -> v.asJsonObject().getString("message")).toList();
            assertEquals(List.of("before"), thread);
            api.login("gone" + suffix, Api.PASSWORD).expect(401);
            assertNotEquals(0L, api.get("users/" + goneId, kept).expect(200).json().getJsonNumber("delete_at").longValue());
            JsonObject ended = api.get("calls/history?channel_id=" + channel, kept).expect(200).array().getJsonObject(0);
            assertEquals(ghost, ended.getString("id"));
            assertEquals(lastActivity, ended.getJsonNumber("end_at").longValue(), "ended at its last recorded activity");
            assertEquals(List.of(keptId), ended.getJsonArray("participants").getValuesAs(JsonString::getString));
            String log = Files.readString(baseDirectory().resolve("log/server.log"));
            assertTrue(log.contains("call_end call=" + ghost + " channel=" + channel + " duration_ms=20000 reason=server_restart"),
                    "the audit trail records the recovered call's end with its ids and the reason");
            assertTrue(log.matches("(?s).*session_leave call=" + ghost + " session=\\w+ user=" + keptId + "\\b.*"),
                    "and the end of its session");
            assertTrue(api.get("calls", kept).expect(200).array().isEmpty(), "no ghost call is running");
            assertEquals(JsonValue.NULL, api.get("calls/channels/" + channel, kept).json().get("call"));
            assertEquals(1, api.get("users?per_page=200", admin).expect(200).array().stream()
                    .filter(u -> u.asJsonObject().getString("username").equals("admin")).count(), "no second admin on restart");
        } finally {
            deployer.undeploy(CallsEar.NAME);
            controller.stop(CONTAINER);
        }
    }

    /** The deployment was kept by the server across the restart; wait until it answers. */
    private static void awaitDeployed(Api api) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            int status = api.get("system/ping", null).status();
            if (status == 200 || status == 503) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("calls.ear did not come back after the restart");
    }

    private static Path baseDirectory() {
        return ServerBaseDirectory.of("restart");
    }
}
