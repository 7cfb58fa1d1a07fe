package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;
import dev.calls.ear.MediaPing;
import dev.calls.ear.ServerConfig;
import dev.calls.ear.TurnServer;

/**
 * Media through a real coturn: the admin lists it in turnServers with its shared secret and makes clients
 * relay-only; two browsers in a direct message are handed credentials the server generated, join, hear each
 * other, and the candidate pair each selected is a relayed one, which coturn's log shows allocated for each
 * user. With a secret coturn does not share, coturn refuses the credential and the browser cannot connect.
 * The settings are put back afterwards, so every other test sees the server as it was.
 */
class CallTurnIT extends DeployedEar {

    private static final String SECRET = "turn-secret-" + Api.unique();
    private static final List<String> SETTINGS = List.of("turnServers", "turnSecret", "iceTransportPolicy");

    private static TurnServer turn;

    @ArquillianResource
    ManagementClient management;

    @BeforeAll
    static void startTurnServer() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        Assumptions.assumeTrue(TurnServer.available(), "coturn is not installed");
        turn = TurnServer.start(SECRET);
    }

    @AfterAll
    static void stopTurnServer() throws Exception {
        if (turn != null) {
            turn.close();
        }
    }

    @Test
    void relayOnlyBrowsersHearEachOtherThroughCoturnAndAWrongSecretIsRefused() throws Exception {
        ServerConfig config = new ServerConfig(management.getControllerClient());
        Map<String, Optional<String>> original = new LinkedHashMap<>();
        for (String setting : SETTINGS) {
            original.put(setting, config.adapterProperty(setting));
        }
        try {
            useTurn(config, SECRET);
            twoBrowsersTalkThroughTheRelay();

            useTurn(config, "not-" + SECRET);
            aBrowserWithARefusedCredentialCannotConnect();
        } finally {
            for (String setting : SETTINGS) {
                config.restoreAdapterProperty(setting, original.get(setting));
            }
            config.reload();
            MediaPing.await(base, media -> true);
        }
    }

    private void twoBrowsersTalkThroughTheRelay() {
        Api api = new Api(base);
        try (Party party = new Party(api, base, "tia", "tom")) {
            JsonObject callsConfig = api.get("calls/config", api.token(party.names.get(0), Api.PASSWORD)).expect(200).json();
            assertEquals("relay", callsConfig.getString("ice_transport_policy"), callsConfig.toString());
            assertFalse(callsConfig.toString().contains(SECRET), "the secret is never handed out");

            Browser tia = party.join(Browser.DESKTOP);
            Browser tom = party.join(Browser.DESKTOP);
            Media.assertHears(tia, party.session(1));
            Media.assertHears(tom, party.session(0));
            for (Browser browser : List.of(tia, tom)) {
                Map<String, Object> path = browser.path();
                assertEquals("relay", path.get("candidateType"), browser.name + ": " + path);
            }
            String log = turn.log();
            for (String user : party.userIds) {
                assertTrue(log.contains(":" + user + ">: incoming packet ALLOCATE processed, success"),
                        "coturn allocated a relay for " + user + " with the generated credential");
                assertTrue(log.contains(":" + user + ">: incoming packet CREATE_PERMISSION processed, success"),
                        "coturn let " + user + " send to the server");
            }
        }
    }

    private void aBrowserWithARefusedCredentialCannotConnect() {
        Api api = new Api(base);
        String user = "turn" + Api.unique();
        String userId = api.createUser(api.adminToken(), user, "system_user");
        String channel = api.createChannel(api.token(user, Api.PASSWORD), "relay-" + Api.unique(), "O");
        try (Browser browser = Browser.start(user, Browser.DESKTOP)) {
            browser.open(base + "channels/" + channel);
            browser.signIn(user, Api.PASSWORD);
            browser.await(d -> browser.call() != null);
            browser.await(d -> browser.call() == null, Duration.ofSeconds(40));
            String reason = browser.endReason();
            assertTrue("rtc_timeout".equals(reason) || "rtc_failed".equals(reason), "the call failed for want of media: " + reason);
            assertFalse(browser.console().stream().anyMatch(line -> line.contains("rtc: connected")),
                    "no media path can have connected");
        }
        assertTrue(turn.log().contains("Cannot find credentials of user <"), "coturn refused the credential");
        assertTrue(turn.log().contains(":" + userId + ">"), "coturn saw the credential of " + user);
    }

    /** Lists coturn with a secret, makes clients relay-only, and waits for the reloaded server. */
    private void useTurn(ServerConfig config, String secret) throws InterruptedException {
        config.setAdapterProperty("turnServers", turn.urls());
        config.setAdapterProperty("turnSecret", secret);
        config.setAdapterProperty("iceTransportPolicy", "relay");
        config.reload();
        MediaPing.await(base, media -> true);
    }
}
