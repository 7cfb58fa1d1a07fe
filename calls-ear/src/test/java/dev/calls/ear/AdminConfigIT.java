package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin changes the resource adapter's properties through the management API (what the console and
 * the CLI use), reloads, and the server behaves accordingly: media on the new UDP port, the new
 * participant cap in the calls config. The properties are removed again afterwards, so every other test
 * sees the defaults.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConfigIT {

    private static final int NEW_PORT = 18443;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Deployment(testable = false, name = CallsEar.NAME)
    static EnterpriseArchive ear() {
        return CallsEar.built();
    }

    @ArquillianResource
    URL base;

    @ArquillianResource
    ManagementClient management;

    @AfterEach
    void restoreDefaults() throws Exception {
        ServerConfig config = new ServerConfig(management.getControllerClient());
        config.removeAdapterProperty("udpPort");
        config.removeAdapterProperty("maxParticipantsPerCall");
        config.reload();
        awaitPing(MediaPort.DEFAULT);
    }

    @Test
    void aNewUdpPortAndParticipantCapTakeEffectAfterReload() throws Exception {
        Api api = new Api(base);
        assertEquals(0, api.get("calls/config", api.adminToken()).expect(200).json().getInt("max_call_participants"));
        assertTrue(StunProbe.answers(MediaPort.DEFAULT), "the engine answers on the default port first");

        ServerConfig config = new ServerConfig(management.getControllerClient());
        config.setAdapterProperty("udpPort", String.valueOf(NEW_PORT));
        config.setAdapterProperty("maxParticipantsPerCall", "3");
        config.reload();

        JsonObject media = awaitPing(NEW_PORT);
        assertFalse(media.getString("advertised_address").isBlank(), media.toString());
        assertTrue(StunProbe.answers(NEW_PORT), "a STUN check to the new port is answered");
        assertFalse(MediaPort.isBound(MediaPort.DEFAULT), "the old port is free");
        JsonObject callsConfig = api.get("calls/config", api.adminToken()).expect(200).json();
        assertEquals(3, callsConfig.getInt("max_call_participants"), callsConfig.toString());
    }

    /** The ping's media object once it reports the engine running on {@code port}. */
    private JsonObject awaitPing(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        Http.Reply reply = null;
        while (Instant.now().isBefore(deadline)) {
            reply = Http.get(base, "api/v1/system/ping");
            if (reply.status() == 200 && reply.json().getJsonObject("media").getInt("udp_port") == port) {
                return reply.json().getJsonObject("media");
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the ping never reported UDP port " + port + ": " + (reply == null ? "no reply" : reply.body()));
    }
}
