package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;

/**
 * Amy reaches the server's HTTP port through a relay the test controls ({@link TcpProxy}) while her media goes
 * to the UDP port directly, and Bo reaches it directly. Her signaling fails three ways in the middle of a call:
 * cut for 5 s (the call is resumed: same session, her media never stops), cut for 40 s (beyond the 30 s
 * reconnect window: her page rejoins the call by itself, which still runs, with words for people, never the
 * server's raw text and never "Connected" while it is not), and dying silently, no FIN or RST (noticed within
 * the 10 s, then resumed over a new connection without waiting on the relay's dead ones). Detection and
 * recovery times and Bo's voice's longest gap at Amy are logged for docs/benchmarks.md.
 */
class CallSignalingFaultIT extends DeployedEar {

    private static final Logger LOG = Logger.getLogger(CallSignalingFaultIT.class);

    /** The bound on noticing a socket that died silently. */
    private static final Duration SILENT_DEATH_BOUND = Duration.ofSeconds(10);
    /** Slack on that bound for this shared 2-core machine; the figure itself is logged. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    /** The contract's reconnect window. */
    private static final Duration WINDOW = Duration.ofSeconds(30);
    /** The server's text for a resume it cannot take, which the page must never show as it is. */
    private static final String RAW_SERVER_TEXT = "No session of yours";

    @BeforeEach
    void browsers() {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
    }

    @Test
    void aFiveSecondCutIsResumedOnTheSameSessionAndTheVoiceGoesOn() {
        try (InCall call = InCall.start(base)) {
            Browser amy = call.amy();
            long cutAt = System.currentTimeMillis();
            long noticed = call.noticed(call.network()::cut);
            call.gaps().sampleUntil(() -> System.currentTimeMillis() - cutAt >= 5000, WINDOW);
            call.network().restore();
            long restoredAt = System.currentTimeMillis();
            call.gaps().sampleUntil(() -> "Connected".equals(statusLine(amy)), WINDOW);
            long resumed = System.currentTimeMillis() - restoredAt;

            assertEquals(call.party().session(0), amy.call().get("sessionId"), "the same session: resumed, not rejoined");
            Media.assertHears(amy, call.party().session(1));
            Media.assertHears(call.bo(), call.party().session(0));
            LOG.infof("WebSocket cut for 5 s: noticed after %d ms, resumed %d ms after the network was back, "
                    + "longest gap in Bo's voice at Amy %d ms", noticed, resumed, call.gaps().longestMillis());
        }
    }

    @Test
    void aFortySecondCutRejoinsTheRunningCallByItselfWithWordsForPeople() {
        try (InCall call = InCall.start(base)) {
            Browser amy = call.amy();
            String callId = (String) call.bo().call().get("callId");
            Set<String> said = new LinkedHashSet<>();
            long cutAt = System.currentTimeMillis();
            call.network().cut();
            call.gaps().sampleUntil(() -> {
                said.add(pageSays(amy));
                assertNotConnectedWithoutSocket(amy);
                return System.currentTimeMillis() - cutAt >= 40_000;
            }, Duration.ofSeconds(60));
            call.network().restore();
            long restoredAt = System.currentTimeMillis();
            call.gaps().sampleUntil(() -> {
                said.add(pageSays(amy));
                assertNotConnectedWithoutSocket(amy);
                return "connected".equals(Media.status(amy)) && "Connected".equals(statusLine(amy));
            }, WINDOW);
            long rejoined = System.currentTimeMillis() - restoredAt;

            LOG.infof("WebSocket cut for 40 s: the page said %s", said);
            assertFalse(said.stream().anyMatch(text -> text.contains(RAW_SERVER_TEXT)), "the server's raw text: " + said);
            assertEquals(callId, amy.call().get("callId"), "the call that still ran");
            String session = (String) amy.call().get("sessionId");
            assertNotEquals(call.party().session(0), session, "a new session: the old one was let go after 30 s");
            Media.assertHears(amy, call.party().session(1));
            Media.assertHears(call.bo(), session);
            LOG.infof("WebSocket cut for 40 s: rejoined %d ms after the network was back, "
                    + "longest gap in Bo's voice at Amy %d ms", rejoined, call.gaps().longestMillis());
        }
    }

    @Test
    void aSilentlyDeadSocketIsNoticedWithinTenSecondsAndResumedWithoutWaitingOnDeadConnections() {
        try (InCall call = InCall.start(base)) {
            Browser amy = call.amy();
            long frozenAt = System.currentTimeMillis();
            long noticed = call.noticed(call.network()::freeze);
            call.gaps().sampleUntil(() -> "Connected".equals(statusLine(amy)), WINDOW);
            long resumed = System.currentTimeMillis() - frozenAt;

            LOG.infof("WebSocket silently dead: noticed after %d ms (bound %d ms), connected again %d ms after it died, "
                    + "longest gap in Bo's voice at Amy %d ms", noticed, SILENT_DEATH_BOUND.toMillis(), resumed,
                    call.gaps().longestMillis());
            assertTrue(noticed <= SILENT_DEATH_BOUND.plus(SLACK).toMillis(), "noticed after " + noticed + " ms");
            assertEquals(call.party().session(0), amy.call().get("sessionId"), "the same session: resumed");
            Media.assertHears(amy, call.party().session(1));
            amy.click(By.id("ctl-mute"));
            call.bo().await(d -> call.bo().attribute(call.party().tile(0), "class").contains("muted"));
        }
    }

    /**
     * Amy, through the relay, and Bo, directly, in the call of their direct message, Amy hearing Bo; Bo's
     * voice's gaps at Amy are measured from then on.
     */
    private record InCall(Party party, TcpProxy network, Browser amy, Browser bo, VoiceGaps gaps) implements AutoCloseable {

        static InCall start(URL base) {
            Party party = new Party(new Api(base), base, "amy", "bo");
            TcpProxy network = new TcpProxy(base);
            try {
                Browser amy = party.join(Browser.DESKTOP, network.through(base));
                Browser bo = party.join(Browser.DESKTOP);
                Media.assertHears(amy, party.session(1));
                return new InCall(party, network, amy, bo, new VoiceGaps(amy, party.session(1)));
            } catch (RuntimeException | Error e) {
                network.close();
                party.close();
                throw e;
            }
        }

        /** Breaks Amy's signaling with the fault and waits until her page notices; returns after how many ms it did. */
        long noticed(Runnable fault) {
            long at = System.currentTimeMillis();
            fault.run();
            gaps.sampleUntil(() -> "reconnecting".equals(amy.state().get("signaling")), WINDOW);
            return System.currentTimeMillis() - at;
        }

        @Override
        public void close() {
            try (Party closing = party) {
                network.close();
            }
        }
    }

    /** The call's status line, or nothing when the page shows none. */
    private static String statusLine(Browser page) {
        var found = page.driver().findElements(By.id("call-status"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** While the page's socket is not open, its status line never says the call is connected (both read at once). */
    private static void assertNotConnectedWithoutSocket(Browser page) {
        @SuppressWarnings("unchecked")
        List<String> now = (List<String>) page.script("const line = document.getElementById('call-status');"
                + "return [window.callsDebug.state().signaling, line ? line.textContent : ''];");
        if (!"open".equals(now.get(0))) {
            assertNotEquals("Connected", now.get(1), "a stale Connected while the socket is " + now.get(0));
        }
    }

    /** What the page shows about the call: its outcome card, else its status line. */
    private static String pageSays(Browser page) {
        var outcome = page.driver().findElements(By.id("call-outcome"));
        return outcome.isEmpty() ? statusLine(page) : outcome.get(0).getText();
    }
}
