package dev.calls.ear;

import static dev.calls.ear.SignalingUsers.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.json.JsonObject;
import jakarta.resource.spi.ConfigProperty;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.classloader.ShrinkWrapClassLoader;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.junit.jupiter.api.Test;

import dev.calls.ear.SignalingUsers.User;

/**
 * The resource adapter's configuration as an admin meets it in the console: every property registered with
 * its default by the shipped CLI script, and a change made through the management API (what the console and
 * the CLI use) taking effect after the reload: media on the new UDP port, the new participant cap refusing
 * the join that exceeds it; a value the adapter cannot read refused by name without failing the deployment.
 * The values found before are put back afterwards, so every other test sees them.
 */
class AdminConfigIT extends DeployedEar {

    private static final int NEW_PORT = 18443;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @ArquillianResource
    ManagementClient management;

    /**
     * The adapter's annotations are the one source of the defaults (the docs and configure.cli are checked
     * against them by the adapter's unit tests); here the running server must list them all.
     */
    @Test
    void everyPropertyIsRegisteredWithItsDefault() throws Exception {
        Map<String, String> registered = new ServerConfig(management.getControllerClient()).adapterProperties();
        assertEquals(declaredDefaults(), registered, "the server lists every property with its default");
    }

    @Test
    void aNewUdpPortAndParticipantCapTakeEffectAfterReload() throws Exception {
        Api api = new Api(base);
        assertEquals(0, api.get("calls/config", api.adminToken()).expect(200).json().getInt("max_call_participants"));
        String advertised = awaitPing(MediaPort.DEFAULT).getString("advertised_address");
        assertTrue(StunProbe.answers(advertised, MediaPort.DEFAULT), "the engine answers on the default port first");

        ServerConfig config = new ServerConfig(management.getControllerClient());
        Optional<String> port = config.adapterProperty("udpPort");
        Optional<String> cap = config.adapterProperty("maxParticipantsPerCall");
        try {
            config.setAdapterProperty("udpPort", String.valueOf(NEW_PORT));
            config.setAdapterProperty("maxParticipantsPerCall", "2");
            config.reload();

            JsonObject media = awaitPing(NEW_PORT);
            assertFalse(media.getString("advertised_address").isBlank(), media.toString());
            assertTrue(StunProbe.answers(media.getString("advertised_address"), NEW_PORT),
                    "a STUN check to the new port is answered");
            assertFalse(MediaPort.isBound(MediaPort.DEFAULT), "the old port is free");
            JsonObject callsConfig = api.get("calls/config", api.adminToken()).expect(200).json();
            assertEquals(2, callsConfig.getInt("max_call_participants"), callsConfig.toString());
            assertCapOfTwoApplies();
        } finally {
            config.restoreAdapterProperty("udpPort", port);
            config.restoreAdapterProperty("maxParticipantsPerCall", cap);
            config.reload();
            awaitPing(MediaPort.DEFAULT);
        }
    }

    /**
     * A value the adapter cannot read is refused by name: the server and the application still come up, and the
     * ping answers 503 as JSON, with the property and its value in {@code reason}, until the value is put back.
     */
    @Test
    void aBadValueIsRefusedByNameAndThePingSaysWhy() throws Exception {
        ServerConfig config = new ServerConfig(management.getControllerClient());
        Optional<String> port = config.adapterProperty("udpPort");
        try {
            config.setAdapterProperty("udpPort", "abc");
            config.reload();

            JsonObject ping = awaitUnhealthyPing();
            assertEquals("UNHEALTHY", ping.getString("status"), ping.toString());
            assertTrue(ping.getString("reason").contains("udpPort=abc"), ping.toString());
        } finally {
            config.restoreAdapterProperty("udpPort", port);
            config.reload();
            awaitPing(MediaPort.DEFAULT);
        }
    }

    /** Two members join the channel's call over the WebSocket; the third is refused as the contract says. */
    private void assertCapOfTwoApplies() {
        try (SignalingUsers users = new SignalingUsers(base)) {
            User first = users.user("system_user");
            User second = users.user("system_user");
            User third = users.user("system_user");
            String channel = users.channel(first, second, third);
            users.connect(first).ok("join", join(channel));
            users.connect(second).ok("join", join(channel));
            users.connect(third).fails("join", join(channel), "call_full");
        }
    }

    /** The defaults the adapter in the built EAR declares on its configuration properties. */
    private static Map<String, String> declaredDefaults() throws Exception {
        JavaArchive engine = CallsEar.built().getAsType(ResourceAdapterArchive.class, "calls-media-rar.rar")
                .getAsType(JavaArchive.class, "calls-media-engine.jar");
        Map<String, String> defaults = new TreeMap<>();
        try (ShrinkWrapClassLoader loader = new ShrinkWrapClassLoader(AdminConfigIT.class.getClassLoader(), engine)) {
            for (Field field : loader.loadClass("dev.calls.media.jca.MediaResourceAdapter").getDeclaredFields()) {
                ConfigProperty property = field.getAnnotation(ConfigProperty.class);
                if (property != null) {
                    defaults.put(field.getName(), property.defaultValue());
                }
            }
        }
        return defaults;
    }

    /** The ping's body once it answers 503 with a reason. */
    private JsonObject awaitUnhealthyPing() throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        Http.Reply reply = null;
        while (Instant.now().isBefore(deadline)) {
            reply = Http.get(base, "api/v1/system/ping");
            if (reply.status() == 503 && reply.json().containsKey("reason")) {
                return reply.json();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the ping never reported a reason: " + (reply == null ? "no reply" : reply.body()));
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
