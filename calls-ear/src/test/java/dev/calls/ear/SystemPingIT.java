package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.JarFile;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import dev.calls.media.peer.Poll;

/** The EAR deploys, answers the health check as the contract says, and its media engine holds the UDP port. */
class SystemPingIT extends DeployedEar {

    @Test
    void pingReportsTheRunningMediaEngine() {
        Http.Reply reply = Http.get(base, "api/v1/system/ping");

        assertEquals(200, reply.status(), reply.body());
        JsonObject body = reply.json();
        assertEquals("OK", body.getString("status"));
        assertEquals(earVersion(), body.getString("version"), "the ping reports the EAR's version");
        JsonObject media = body.getJsonObject("media");
        assertEquals(MediaPort.DEFAULT, media.getInt("udp_port"));
        assertFalse(media.getString("advertised_address").isBlank(), body.toString());
        assertFalse(media.containsKey("sessions"), "live counts are for system admins: " + body);
    }

    @Test
    void pingShowsLiveCountsToSystemAdminsOnly() {
        Api api = new Api(base);
        String admin = api.adminToken();
        assertEquals(0, api.get("system/ping", admin).expect(200).json().getJsonObject("media").getInt("sessions"));
        String user = "ping" + Api.unique();
        api.createUser(admin, user, "system_user");
        JsonObject media = api.get("system/ping", api.token(user, Api.PASSWORD)).expect(200).json().getJsonObject("media");
        assertFalse(media.containsKey("sessions"), media.toString());
        assertTrue(media.containsKey("udp_port"), media.toString());
    }

    @Test
    void mediaEngineHoldsItsUdpPort() {
        assertTrue(MediaPort.isBound(MediaPort.DEFAULT), "the engine should have bound UDP " + MediaPort.DEFAULT);
    }

    @Test
    void statsAreForSystemAdminsOnly() {
        Api api = new Api(base);
        JsonObject stats = api.get("system/stats", api.adminToken()).expect(200).json();
        assertEquals(0, stats.getInt("sessions"), stats.toString());
        stats.getJsonObject("dropped").getJsonNumber("unknown_source");

        String user = "stats" + Api.unique();
        api.createUser(api.adminToken(), user, "system_user");
        api.get("system/stats", api.token(user, Api.PASSWORD)).expect(403);
        api.get("system/stats", null).expect(401);
    }

    /**
     * The startup self-check in the server log: the advertised address and port, the UDP buffers granted,
     * and the outcome of STUN discovery, which here (no route to the default STUN server) is a failure.
     */
    @Test
    void startupSelfCheckIsLogged() throws Exception {
        Path log = Path.of(System.getProperty("calls.server.base"), "log", "server.log");
        String text = Poll.until(Duration.ofSeconds(60), () -> "the STUN outcome in " + log, () -> {
            try {
                String now = Files.readString(log);
                return now.contains("STUN discovery via") ? now : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertTrue(text.contains("to clients"), "advertised address logged");
        assertTrue(text.contains(":" + MediaPort.DEFAULT + " to clients"), "advertised port logged");
        assertTrue(text.contains("the kernel granted UDP buffers of"), "buffers logged");
        assertTrue(text.matches("(?s).*STUN discovery via stun:stun\\.global\\.calls\\.mattermost\\.com:3478"
                + "( failed| timed out|: this server's public address).*"), "STUN outcome logged");
    }

    @Test
    void pingIsServedUnderTheContextRootCalls() {
        assertTrue(base.getPath().startsWith("/calls"), base.toString());
    }

    /** The version in the deployed EAR's manifest, written by the build. */
    private static String earVersion() {
        try (JarFile ear = new JarFile(System.getProperty("calls.ear"))) {
            String version = ear.getManifest().getMainAttributes().getValue("Implementation-Version");
            assertTrue(version != null && version.matches("\\d+\\.\\d+\\.\\d+.*"), "EAR manifest version: " + version);
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
