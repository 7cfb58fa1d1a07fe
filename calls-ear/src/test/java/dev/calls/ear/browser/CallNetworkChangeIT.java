package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;
import dev.calls.ear.MediaPing;
import dev.calls.ear.SignalingClient;
import dev.calls.media.peer.Poll;

/**
 * Amy's browser is on a network of its own (a network namespace joined to this machine by a veth pair) and
 * its address changes in the middle of a call, as a laptop's does when it moves from Wi-Fi to cable: the
 * old address is deleted, a new one added. Her connections bound to the old address die, her browser
 * restarts ICE (RFC 8445 §9) and resumes its WebSocket, and the call goes on: Bo, in a browser on this
 * machine's network, hears her again within the bound of 5 s (the longest pause between her
 * packets, from his inbound-rtp packet timestamps), she hears him, her session is the same one (no
 * rejoin), nobody is told she left, and her raised hand is still up.
 */
class CallNetworkChangeIT extends DeployedEar {

    private static final Logger LOG = Logger.getLogger(CallNetworkChangeIT.class);
    /** The namespace's name and private range: this test's only. */
    private static final String NAMESPACE = "calls-icerst";
    private static final String SUBNET = "10.231.89";
    /** The bound on the audio gap the other participants hear. */
    private static final long GAP_BOUND_MS = 5000;
    private static final Duration RECOVERY = Duration.ofSeconds(40);
    private static final long SAMPLE_MS = 100;
    private static final double AFTER_CHANGE_MS = 10_000;

    @Test
    void aBrowserWhoseAddressChangesKeepsItsCall() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        NetworkNamespace.requireRoot();
        String advertised = MediaPing.await(base, media -> true).getString("advertised_address");
        assertFalse(InetAddress.getByName(advertised).isLoopbackAddress(),
                "the server advertises " + advertised + " for media, which a browser in a namespace cannot reach");
        Api api = new Api(base);
        try (NetworkNamespace network = NetworkNamespace.create(NAMESPACE, SUBNET, 10);
                TcpProxy web = new TcpProxy(new InetSocketAddress(base.getHost(), base.getPort()),
                        InetAddress.getByName(network.hostAddress()));
                NamespacedDriver driver = NamespacedDriver.start(network);
                Party party = new Party(api, base, "amy", "bo", "cy");
                SignalingClient cy = SignalingClient.connect("cy", base, api.token(party.names.get(2), Api.PASSWORD))) {
            URL server = web.through(base);
            Browser amy = party.joinIn(driver, server);
            Browser bo = party.join(Browser.DESKTOP);
            String amySession = party.session(0);
            Media.assertHears(bo, amySession);
            Media.assertHears(amy, party.session(1));
            amy.click(By.id("ctl-hand"));
            bo.await(d -> bo.attribute(party.tile(0), "class").contains("hand"));

            AudioGap gap = new AudioGap();
            for (int i = 0; i < 20; i++) {
                gap.sample(Media.lastPacketAt(bo, amySession));
                Thread.sleep(SAMPLE_MS);
            }
            double before = gap.lastAt();
            network.changeAddress(20);
            driver.follow();
            // Bo's readings go on until Amy's voice arrives 10 s past her last packet before the change, so a
            // gap is seen whole whether it is short or long, or until the recovery time is up.
            long deadline = System.nanoTime() + RECOVERY.toNanos();
            while (System.nanoTime() < deadline && gap.lastAt() < before + AFTER_CHANGE_MS) {
                gap.sample(Media.lastPacketAt(bo, amySession));
                Thread.sleep(SAMPLE_MS);
            }
            LOG.infof("audio gap at Bo after Amy's address changed: %d ms (bound %d ms)", gap.longestMillis(), GAP_BOUND_MS);
            // The driver relay closed its connections to the old address: the driver's client opens new ones.
            Poll.until(RECOVERY, () -> "amy's driver through the relay", () -> {
                try {
                    return amy.state();
                } catch (WebDriverException e) {
                    return null;
                }
            });
            amy.console().stream().filter(line -> line.contains("rtc:") || line.contains("signaling"))
                    .forEach(line -> LOG.infof("amy's console: %s", line));
            assertTrue(gap.lastAt() >= before + AFTER_CHANGE_MS, "Amy's voice did not reach Bo again after her address changed");
            assertTrue(gap.longestMillis() < GAP_BOUND_MS, "Bo heard a gap of " + gap.longestMillis() + " ms");

            amy.await(d -> "connected".equals(Media.status(amy)), RECOVERY);
            assertEquals(amySession, amy.call().get("sessionId"), "the same session: no rejoin");
            Media.assertHears(amy, party.session(1));
            Media.assertHears(bo, amySession);
            assertEquals("Lower hand", amy.text(By.id("ctl-hand")), "her hand is still up");
            assertEquals(Boolean.FALSE, amy.call().get("muted"));
            assertEquals(List.of(), cy.events("user_left", d -> true), "nobody left the call");
            assertEquals(1, cy.events("user_joined", d -> party.userIds.get(0).equals(d.getString("user_id"))).size(),
                    "Amy joined once, and not again");
            amy.screenshot("network-change-desktop");
        }
    }

    /**
     * The longest pause between the speaker's packets at a listener, from successive readings of the
     * listener's lastPacketReceivedTimestamp: a reading that moved on after a pause says when the pause ended,
     * so each pause is over-estimated by at most the time between readings, never under-estimated.
     */
    private static final class AudioGap {

        private double last;
        private double longest;

        void sample(double lastPacketAt) {
            if (lastPacketAt <= last) {
                return;
            }
            if (last > 0) {
                longest = Math.max(longest, lastPacketAt - last);
            }
            last = lastPacketAt;
        }

        long longestMillis() {
            return Math.round(longest);
        }

        /** The latest reading: when the last packet so far arrived. */
        double lastAt() {
            return last;
        }
    }
}
