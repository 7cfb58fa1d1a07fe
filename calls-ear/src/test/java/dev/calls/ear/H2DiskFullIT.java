package dev.calls.ear;

import static dev.calls.ear.SignalingClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.logging.Logger;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.calls.media.peer.Poll;

/**
 * The disk under the embedded H2 database runs full in the middle of a call, then has room again. Meanwhile a
 * request that fails on the database gets the contract's JSON 503 {@code database_unavailable} (never the
 * container's HTML page: bearer REST, the sign-in, the call's {@code leave}), the ping says UNHEALTHY with a
 * reason, and the call's audio keeps flowing. Once the space is freed the server recovers by itself, without a
 * restart, and every write it acknowledged, before or during the fault, is there. On a server of its own (its
 * failsafe execution) whose H2 directory is a small tmpfs; needs root.
 */
@EnabledIfSystemProperty(named = "arquillian.launch", matches = H2DiskFullIT.CONTAINER)
class H2DiskFullIT extends ManualServer {

    static final String CONTAINER = "wildfly-diskfull";

    /** Bounds the fault's showing and the recovery; each is expected within a few seconds. */
    private static final Duration BOUND = Duration.ofSeconds(60);

    /**
     * Refused writes that show the fault, each beside a bearer request and a sign-in. One: how many writes a
     * full disk refuses varies from run to run, as H2 fits some of them into free pages of its own file.
     */
    private static final int REFUSALS = 1;

    private static final Logger LOG = Logger.getLogger(H2DiskFullIT.class);

    @Deployment(testable = false, managed = false, name = CallsEar.NAME)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive ear() {
        return CallsEar.built();
    }

    private Api api;
    private String admin;
    private final List<String> acknowledged = new ArrayList<>();
    private int refused;
    private final Map<String, Integer> answers = new TreeMap<>();

    @Test
    void aFullDiskIsAnsweredInJsonShownByThePingAndRecoveredWithoutRestartOrLoss() throws Exception {
        Path base = ServerBaseDirectory.prepare("diskfull");
        try (Tmpfs disk = Tmpfs.mount("calls-h2-diskfull", base.resolve("data").resolve("calls"), "16m")) {
            controller.start(CONTAINER);
            try {
                deployer.deploy(CallsEar.NAME);
                fillAndFreeDuringACall(base, disk);
            } finally {
                try {
                    deployer.undeploy(CallsEar.NAME);
                } finally {
                    controller.stop(CONTAINER);
                }
            }
        }
    }

    private void fillAndFreeDuringACall(Path base, Tmpfs disk) throws Exception {
        URL url = new URL("http://127.0.0.1:8080/calls/");
        api = new Api(url);
        admin = api.adminToken();
        String suffix = Api.unique();
        api.createUser(admin, "speaker" + suffix, "system_user");
        String listenerId = api.createUser(admin, "listener" + suffix, "system_user");
        String leaverId = api.createUser(admin, "leaver" + suffix, "system_user");
        api.createUser(admin, "signer" + suffix, "system_user");
        String speakerToken = api.token("speaker" + suffix, Api.PASSWORD);
        String listenerToken = api.token("listener" + suffix, Api.PASSWORD);
        String leaverToken = api.token("leaver" + suffix, Api.PASSWORD);
        String channel = api.createChannel(speakerToken, "call-" + suffix, "O");
        api.addMember(listenerToken, channel, listenerId);
        api.addMember(leaverToken, channel, leaverId);
        assertTrue(!refusedWrite(), "a write before the fault");

        try (CallParticipant speaker = CallParticipant.join("speaker", url, speakerToken, channel, 440, true);
             CallParticipant listener = CallParticipant.join("listener", url, listenerToken, channel, 660, false);
             CallParticipant leaver = CallParticipant.join("leaver", url, leaverToken, channel, 880, false)) {
            Hearing.assertHears(listener.peer, speaker.sessionId, 440);
            ServerLog log = ServerLog.mark(base.resolve("log").resolve("server.log"));

            disk.fill();
            boolean[] unhealthy = {false};
            Poll.until(BOUND, () -> "a refused write (" + refused + ") and an UNHEALTHY ping", () -> {
                refusedWrite();
                answered("bearer REST", api.get("users/me", speakerToken));
                answered("sign-in", api.login("signer" + suffix, Api.PASSWORD));
                unhealthy[0] |= unhealthy();
                return refused >= REFUSALS && unhealthy[0] ? Boolean.TRUE : null;
            });
            LOG.infof("disk full (%d bytes free): %d writes acknowledged, %d refused; other requests: %s",
                    disk.usable(), acknowledged.size(), refused, answers);
            Hearing.awaitFlowing(listener.peer, speaker.sessionId, Hearing.packets(listener.peer, speaker.sessionId));
            JsonObject leave = leaver.ws.request("leave", data().build());
            boolean left = "OK".equals(leave.getString("status"));
            LOG.infof("leave during the fault: %s", leave);
            if (!left) {
                assertEquals("database_unavailable", leave.getJsonObject("error").getString("id"), leave.toString());
            }

            int refusedBeforeFree = refused;
            long freed = System.nanoTime();
            disk.free();
            Poll.until(BOUND, () -> "the ping to say OK again", () -> {
                refusedWrite();
                return api.get("system/ping", null).status() == 200 ? Boolean.TRUE : null;
            });
            long recoveryMillis = (System.nanoTime() - freed) / 1_000_000;
            LOG.infof("space freed: the ping said OK after %d ms; %d writes refused meanwhile, %d refused in all, %d acknowledged",
                    recoveryMillis, refused - refusedBeforeFree, refused, acknowledged.size());

            api.get("users/me", speakerToken).expect(200);
            api.login("listener" + suffix, Api.PASSWORD).expect(200);
            for (String id : acknowledged) {
                api.get("channels/" + id, admin).expect(200);
            }
            assertTrue(!refusedWrite(), "a write after the recovery");
            Hearing.awaitFlowing(listener.peer, speaker.sessionId, Hearing.packets(listener.peer, speaker.sessionId));
            if (!left) {
                leaver.leave();
            }
            listener.leave();
            speaker.leave();

            assertEquals(0, log.linesWith("component DatabaseProbe"), "no stack trace of the health probe at each probe");
            assertEquals(log.linesWith("the database cannot be written"), log.linesWith("the database takes writes again"),
                    "each outage the probe saw is logged once, with its end");
        }
    }

    /** Creates a channel; true when the database refused, as the contract says. Acknowledged ones are kept. */
    private boolean refusedWrite() {
        Api.Reply reply = api.post("channels", admin, "{\"name\":\"w" + Api.unique() + "\",\"display_name\":\"w\",\"type\":\"O\"}");
        if (reply.status() == 201) {
            acknowledged.add(reply.id());
            return false;
        }
        reply.expectDatabaseUnavailable();
        refused++;
        return true;
    }

    private boolean unhealthy() {
        Api.Reply ping = api.get("system/ping", null);
        if (ping.status() == 200) {
            return false;
        }
        assertEquals(503, ping.status(), ping.body());
        assertEquals("UNHEALTHY", ping.json().getString("status"), ping.body());
        assertTrue(ping.json().getString("reason").contains("database"), ping.body());
        return true;
    }

    /** A request during the fault: served, or refused in the contract's JSON; counted by path and status. */
    private void answered(String what, Api.Reply reply) {
        answers.merge(what + " " + reply.status(), 1, Integer::sum);
        if (reply.status() != 200) {
            reply.expectDatabaseUnavailable();
        }
    }
}
