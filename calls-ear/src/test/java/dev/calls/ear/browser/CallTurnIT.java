package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.json.JsonObject;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;
import dev.calls.ear.MediaPing;
import dev.calls.ear.ServerConfig;
import dev.calls.ear.TurnServer;
import dev.calls.ear.UdpBlock;

/**
 * Media through a real coturn: the admin lists it in turnServers with its shared secret and makes clients
 * relay-only; two browsers in a direct message are handed credentials the server generated, join, hear each
 * other, and the candidate pair each selected is a relayed one, which coturn's log shows allocated for each
 * user, and the page says "Relayed". With a secret coturn does not share, coturn refuses the credential and the
 * browser cannot connect. On a network that drops the browsers' UDP to the server and to coturn, with ICE-TCP
 * off on the server, the browsers fall back by themselves to TURN over TCP (RFC 8656 §3.1) and hear each other
 * through it. Listed only by its {@code turns:} URL, coturn relays over TLS. The settings are put back
 * afterwards, so every other test sees the server as it was.
 */
class CallTurnIT extends DeployedEar {

    private static final String SECRET = "turn-secret-" + Api.unique();
    private static final List<String> SETTINGS =
            List.of("turnServers", "turnSecret", "iceTransportPolicy", "iceTcpPort");

    private static TurnServer turn;

    @ArquillianResource
    ManagementClient management;

    /** The settings the server had before the test changed them; null while it changed nothing. */
    private Map<String, Optional<String>> original;

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

    @AfterEach
    void restoreSettings() throws Exception {
        if (original == null) {
            return;
        }
        ServerConfig config = new ServerConfig(management.getControllerClient());
        original.forEach(config::restoreAdapterProperty);
        config.reload();
        MediaPing.await(base, media -> true);
    }

    @Test
    void relayOnlyBrowsersHearEachOtherThroughCoturnAndAWrongSecretIsRefused() throws Exception {
        ServerConfig config = rememberedConfig();
        useTurn(config, turn.urls(), SECRET, "relay");
        // coturn is listed over UDP and TCP: either relay may be chosen, as long as the page names the one it is.
        twoBrowsersTalkThroughTheRelay("relay", List.of("udp", "tcp")::contains);

        useTurn(config, turn.urls(), "not-" + SECRET, "relay");
        aBrowserWithARefusedCredentialCannotConnect();
    }

    @Test
    void browsersWithoutUdpOrIceTcpHearEachOtherThroughCoturnOverTcp() throws Exception {
        ServerConfig config = rememberedConfig();
        config.setAdapterProperty("iceTcpPort", "0");
        JsonObject media = useTurn(config, turn.urls(), SECRET, "all");
        // coturn's relay sends from an address of its own, so it still reaches the media port over UDP.
        int mediaPort = media.getInt("udp_port");
        try (UdpBlock block = UdpBlock.toPortsExceptFrom(TurnServer.RELAY_ADDRESS, mediaPort, turn.port())) {
            twoBrowsersTalkThroughTheRelay("all", "tcp"::equals);
            assertTrue(block.dropped() > 0, "the browsers tried UDP to the server and to coturn; it was dropped");
        }
    }

    /**
     * Chromium checks a TURN server's certificate as it does a web site's (it refuses coturn's self-signed one:
     * error 701), so these browsers are told to accept it; an admin's {@code turns:} server needs a certificate
     * browsers trust for the name in its URL.
     */
    @Test
    void relayOnlyBrowsersHearEachOtherThroughCoturnOverTls() throws Exception {
        ServerConfig config = rememberedConfig();
        useTurn(config, turn.tlsUrl(), SECRET, "relay");
        twoBrowsersTalkThroughTheRelay("relay", "tls"::equals, "--ignore-certificate-errors");
    }

    private void twoBrowsersTalkThroughTheRelay(String policy, Predicate<Object> relayProtocol,
            String... browserArguments) {
        Api api = new Api(base);
        try (Party party = new Party(api, base, "tia", "tom")) {
            JsonObject callsConfig = api.get("calls/config", api.token(party.names.get(0), Api.PASSWORD)).expect(200).json();
            assertEquals(policy, callsConfig.getString("ice_transport_policy"), callsConfig.toString());
            assertFalse(callsConfig.toString().contains(SECRET), "the secret is never handed out");

            Browser tia = party.join(Browser.DESKTOP, browserArguments);
            Browser tom = party.join(Browser.DESKTOP, browserArguments);
            Media.assertHears(tia, party.session(1));
            Media.assertHears(tom, party.session(0));
            for (Browser browser : List.of(tia, tom)) {
                Map<String, Object> path = browser.path();
                assertEquals("relay", path.get("candidateType"), browser.name + ": " + path);
                assertTrue(relayProtocol.test(path.get("relayProtocol")), browser.name + ": " + path);
                String label = browser.await(d -> {
                    String text = browser.text(By.id("call-status"));
                    return text.startsWith("Relayed") ? text : null;
                });
                String protocol = path.get("relayProtocol").toString().toUpperCase(Locale.ROOT);
                assertEquals("Relayed (TURN over " + protocol + ")", label);
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

    /**
     * Lists coturn by its URLs with a secret, sets the clients' ICE transport policy, and waits for the reloaded
     * server: its media engine as the ping reports it.
     */
    private JsonObject useTurn(ServerConfig config, String urls, String secret, String policy)
            throws InterruptedException {
        config.setAdapterProperty("turnServers", urls);
        config.setAdapterProperty("turnSecret", secret);
        config.setAdapterProperty("iceTransportPolicy", policy);
        config.reload();
        return MediaPing.await(base, media -> true);
    }

    /** The server's configuration, its TURN and ICE-TCP settings remembered for {@link #restoreSettings()}. */
    private ServerConfig rememberedConfig() {
        ServerConfig config = new ServerConfig(management.getControllerClient());
        original = new LinkedHashMap<>();
        for (String setting : SETTINGS) {
            original.put(setting, config.adapterProperty(setting));
        }
        return config;
    }
}
