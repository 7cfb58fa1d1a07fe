package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;

import dev.calls.ear.Api;
import dev.calls.ear.CallsEar;
import dev.calls.ear.RestartableServer;
import dev.calls.media.peer.Poll;

/**
 * Amy and Bo are in a call when the server goes away, first cleanly (the container's stop: the management
 * {@code :shutdown}), then by {@code kill -9} of its JVM, and each time comes back. Their pages never show the
 * UDP card; after the clean shutdown they say "Server restarting — rejoining…". Once the server is back (the
 * issue's bound: within 30 s), each page joins the channel's call again by itself with the mute state it had,
 * and they hear each other again; the server runs exactly one call with the two of them, and the history has
 * the old call ended: at the shutdown, or within 2 s of the kill (the heartbeat writes every second when the
 * call was last heard). The figures (time to rejoin, how far the recorded end is from the kill) are logged.
 */
class CallServerRestartIT extends RestartableServer {

    private static final Logger LOG = Logger.getLogger(CallServerRestartIT.class);

    /** The bound on rejoining after the server is back. */
    private static final Duration REJOIN_BOUND = Duration.ofSeconds(30);
    /** Slack on that bound for this shared 2-core machine; the figure itself is logged. */
    private static final Duration REJOIN_SLACK = Duration.ofSeconds(20);
    /** The bound on how far a crashed call's recorded end may be from the crash. */
    private static final long END_BOUND_MILLIS = 2000;

    @Test
    void bothPagesRejoinByThemselvesAfterACleanShutdownAndAfterAKill() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        prepareBaseDirectory();
        controller.start(CONTAINER);
        deployer.deploy(CallsEar.NAME);
        URL base = new URL("http://127.0.0.1:8080/calls/");
        Api api = new Api(base);
        try (Party party = new Party(api, base, "amy", "bo")) {
            Browser amy = party.join(Browser.DESKTOP);
            Browser bo = party.join(Browser.DESKTOP);
            List<Browser> pages = List.of(amy, bo);
            String token = api.token(party.names.get(0), Api.PASSWORD);
            Media.assertHears(amy, party.session(1));
            Media.assertHears(bo, party.session(0));
            amy.click(By.id("ctl-mute"));
            bo.await(d -> bo.attribute(party.tile(0), "class").contains("muted"));

            String first = (String) amy.call().get("callId");
            long stoppedAt = System.currentTimeMillis();
            controller.stop(CONTAINER);
            for (Browser page : pages) {
                await(page, d -> "server_restarting".equals(page.endReason()), Media.PATIENCE, "ended by the shutdown");
                assertTrue(page.text(By.id("call-outcome")).contains("Server restarting — rejoining…"),
                        page.text(By.id("call-outcome")));
                assertNoUdpCard(page);
            }
            amy.screenshot("server-restarting");
            controller.start(CONTAINER);
            long backAt = awaitDeployed(api);
            awaitRejoined(pages, backAt, "clean shutdown");
            assertMuteKeptAndMediaBack(amy, bo);
            assertOneCallWithBoth(api, token, party);
            JsonObject ended = historyOf(api, token, party.channel, first);
            long endAt = ended.getJsonNumber("end_at").longValue();
            assertTrue(endAt >= stoppedAt, "the call ended at the shutdown: end_at " + endAt + ", stop at " + stoppedAt);

            bo.click(By.id("ctl-mute"));
            bo.await(d -> "true".equals(bo.attribute(By.id("ctl-mute"), "aria-pressed")));
            String second = (String) amy.call().get("callId");
            // The heartbeat writes every second: let it see the call heard after the mute.
            Poll.pause(3000);
            long killedAt = kill();
            Set<String> seen = new LinkedHashSet<>();
            try {
                controller.stop(CONTAINER);
            } catch (Exception e) {
                // The container finds its process gone and says so; all that matters is that it can start again.
                LOG.infof("stopping the killed server's container: %s", e.getMessage());
            }
            for (Browser page : pages) {
                seen.add(page.name + ": " + pageSays(page));
                assertNoUdpCard(page);
            }
            controller.start(CONTAINER);
            backAt = awaitDeployed(api);
            awaitRejoined(pages, backAt, "kill -9");
            LOG.infof("after kill -9, while the server was away the pages said: %s", seen);
            assertEquals(Boolean.FALSE, amy.call().get("muted"), "Amy had unmuted before the kill");
            assertEquals(Boolean.TRUE, bo.call().get("muted"), "Bo had muted before the kill");
            Media.assertHears(bo, sessionOf(amy));
            bo.click(By.id("ctl-mute"));
            Media.assertHears(amy, sessionOf(bo));
            assertOneCallWithBoth(api, token, party);
            ended = historyOf(api, token, party.channel, second);
            endAt = ended.getJsonNumber("end_at").longValue();
            LOG.infof("kill -9 at %d, the call's recorded end at %d: %d ms before the kill", killedAt, endAt, killedAt - endAt);
            assertTrue(endAt <= killedAt && killedAt - endAt <= END_BOUND_MILLIS,
                    "the crashed call ends within 2 s of the kill: end_at " + endAt + ", kill at " + killedAt);
        } finally {
            // A test that failed while the server was away must report that, not that nothing could be undeployed.
            if (controller.isStarted(CONTAINER)) {
                deployer.undeploy(CallsEar.NAME);
            }
            controller.stop(CONTAINER);
        }
    }

    /** Waits until the page is in the state; else fails saying what the page shows instead. */
    private static void await(Browser page, Function<WebDriver, Boolean> state, Duration patience, String what) {
        try {
            page.await(state, patience);
        } catch (TimeoutException e) {
            throw new AssertionError(page.name + " not " + what + " within " + patience + ": its call ended for "
                    + page.endReason() + ", it says: " + pageSays(page), e);
        }
    }

    /** Every page is in a connected call again, on a new session, within the bound of the server being back. */
    private static void awaitRejoined(List<Browser> pages, long backAt, String fault) {
        Duration patience = REJOIN_BOUND.plus(REJOIN_SLACK).minusMillis(System.currentTimeMillis() - backAt);
        for (Browser page : pages) {
            await(page, d -> {
                assertNoUdpCard(page);
                return "connected".equals(Media.status(page));
            }, patience, "in the call again");
            LOG.infof("after %s: %s connected again %d ms after the server was back", fault, page.name,
                    ((Number) page.call().get("connectedAt")).longValue() - backAt);
        }
    }

    /** Amy's mute (on) survived the rejoin and Bo's (off); Amy hears Bo, and Bo hears Amy once she unmutes. */
    private static void assertMuteKeptAndMediaBack(Browser amy, Browser bo) {
        assertEquals(Boolean.TRUE, amy.call().get("muted"), "Amy's mute state after the rejoin");
        assertEquals(Boolean.FALSE, bo.call().get("muted"), "Bo's mute state after the rejoin");
        assertEquals("true", amy.attribute(By.id("ctl-mute"), "aria-pressed"));
        Media.assertHears(amy, sessionOf(bo));
        amy.click(By.id("ctl-mute"));
        Media.assertHears(bo, sessionOf(amy));
    }

    /** No ghost: the server runs one call, in the party's channel, with one session of each of the two. */
    private static void assertOneCallWithBoth(Api api, String token, Party party) {
        JsonArray calls = api.get("calls", token).expect(200).array();
        assertEquals(1, calls.size(), calls.toString());
        JsonObject call = calls.getJsonObject(0).getJsonObject("call");
        assertEquals(party.channel, call.getString("channel_id"));
        List<String> users = call.getJsonArray("sessions").stream()
                .map(s -> s.asJsonObject().getString("user_id")).sorted().toList();
        assertEquals(party.userIds.stream().sorted().toList(), users, calls.toString());
    }

    private static JsonObject historyOf(Api api, String token, String channel, String callId) {
        JsonArray history = api.get("calls/history?channel_id=" + channel, token).expect(200).array();
        return history.stream().map(v -> v.asJsonObject()).filter(c -> callId.equals(c.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("call " + callId + " not in the history: " + history));
    }

    private static String sessionOf(Browser page) {
        return (String) page.call().get("sessionId");
    }

    private static void assertNoUdpCard(Browser page) {
        assertTrue(page.driver().findElements(By.cssSelector("#call-outcome.problem")).isEmpty(),
                page.name + " shows the UDP card: " + pageSays(page));
    }

    /** What the page shows about the call: the outcome card's text, else the call's status line. */
    private static String pageSays(Browser page) {
        for (String id : new String[] {"call-outcome", "call-status"}) {
            var found = page.driver().findElements(By.id(id));
            if (!found.isEmpty()) {
                return found.get(0).getText();
            }
        }
        Map<String, Object> call = page.call();
        return call == null ? "nothing" : String.valueOf(call.get("status"));
    }
}
