package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;
import dev.calls.ear.MediaPing;
import dev.calls.ear.ServerConfig;

/**
 * A server whose media cannot be reached over UDP: the admin set the resource adapter's iceHostOverride
 * to an address where no server listens (a documentation address, RFC 5737), so the browser's connectivity
 * checks go nowhere.
 * The browser joins, the contract's 10 s RTC timeout closes its session, and the page says the media server
 * could not be reached over UDP, on which port and address, and what an administrator should check. The
 * property is put back afterwards, so every other test sees the server as it was.
 */
class CallUdpTimeoutIT extends DeployedEar {

    /**
     * An RFC 5737 documentation address (never routed) that is not this machine's own: test networks
     * number their machines from those ranges too.
     */
    private static final String UNREACHABLE = Stream.of("203.0.113.1", "198.51.100.1", "192.0.2.1")
            .filter(address -> !isLocal(address)).findFirst().orElseThrow();

    @ArquillianResource
    ManagementClient management;

    /** The override the server had before the test changed it; null while the test changed nothing. */
    private Optional<String> original;

    @AfterEach
    void restoreDefaults() throws Exception {
        if (original == null) {
            return;
        }
        ServerConfig config = new ServerConfig(management.getControllerClient());
        config.restoreAdapterProperty("iceHostOverride", original);
        config.reload();
        MediaPing.await(base, media -> !UNREACHABLE.equals(media.getString("advertised_address")));
    }

    @Test
    void theBrowserSaysTheMediaServerCannotBeReachedOverUdp() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        ServerConfig config = new ServerConfig(management.getControllerClient());
        original = config.adapterProperty("iceHostOverride");
        config.setAdapterProperty("iceHostOverride", UNREACHABLE);
        config.reload();
        JsonObject media = MediaPing.await(base, m -> UNREACHABLE.equals(m.getString("advertised_address")));
        int port = media.getInt("udp_port");

        Api api = new Api(base);
        String user = "udp" + Api.unique();
        api.createUser(api.adminToken(), user, "system_user");
        String channel = api.createChannel(api.token(user, Api.PASSWORD), "far-" + Api.unique(), "O");
        try (Browser browser = Browser.start(user, Browser.DESKTOP)) {
            browser.open(base + "channels/" + channel);
            browser.signIn(user, Api.PASSWORD);
            browser.await(d -> browser.call() != null);
            browser.await(d -> browser.call() == null, Duration.ofSeconds(40));
            browser.await(d -> "rtc_timeout".equals(browser.endReason()));

            String text = browser.text(By.id("call-outcome"));
            assertTrue(text.contains("Could not reach the media server over UDP"), text);
            browser.await(d -> browser.text(By.id("call-outcome")).contains(UNREACHABLE));
            text = browser.text(By.id("call-outcome"));
            assertTrue(text.contains("UDP port " + port + " is open in every firewall"), text);
            assertTrue(text.contains("iceHostOverride"), text);
            assertEquals("alert", browser.attribute(By.id("call-outcome"), "role"));
            assertTrue(browser.driver().findElements(By.id("call-panel")).isEmpty());
            assertFalse(browser.console().stream().anyMatch(line -> line.contains("rtc: connected")),
                    "no media path can have connected");
            browser.screenshot("udp-timeout-desktop");
        }
    }

    private static boolean isLocal(String address) {
        try {
            return NetworkInterface.getByInetAddress(InetAddress.getByName(address)) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
