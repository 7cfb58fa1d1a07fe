package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;
import dev.calls.ear.MediaPing;
import dev.calls.ear.UdpBlock;

/**
 * Browsers on a network that blocks UDP to the media server (an nftables rule drops every datagram to its
 * media port) join a call over ICE-TCP (RFC 6544): they hear each other, the candidate pair each selected is
 * TCP, and the page says "over TCP". How long the join took is logged next to an ordinary UDP join's.
 */
class CallIceTcpIT extends DeployedEar {

    private static final Logger LOG = Logger.getLogger(CallIceTcpIT.class);

    @Test
    void browsersWhoseUdpIsBlockedHearEachOtherOverIceTcp() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        JsonObject media = MediaPing.await(base, m -> true);
        Api api = new Api(base);

        long udpJoinMillis;
        try (Party party = new Party(api, base, "uma", "ugo")) {
            long start = System.nanoTime();
            Browser uma = party.join(Browser.DESKTOP);
            udpJoinMillis = (System.nanoTime() - start) / 1_000_000;
            LOG.infof("UDP join: %d ms, path %s", udpJoinMillis, uma.path());
        }

        try (UdpBlock block = UdpBlock.to(media.getString("advertised_address"), media.getInt("udp_port"));
                Party party = new Party(api, base, "tia", "theo")) {
            long start = System.nanoTime();
            Browser tia = party.join(Browser.DESKTOP);
            long tcpJoinMillis = (System.nanoTime() - start) / 1_000_000;
            Browser theo = party.join(Browser.DESKTOP);

            Media.assertHears(tia, party.session(1));
            Media.assertHears(theo, party.session(0));
            for (Browser browser : List.of(tia, theo)) {
                Map<String, Object> path = browser.path();
                // The browser's side of an active TCP connection (RFC 6544 §5.1) shows as host or, with the port the
                // server's check response reported, peer-reflexive; a relay would be TURN, not ICE-TCP.
                assertEquals("tcp", path.get("protocol"), browser.name + ": " + path);
                assertTrue(List.of("host", "prflx").contains(path.get("candidateType")), browser.name + ": " + path);
                String label = browser.await(d -> {
                    String text = browser.text(By.id("call-status"));
                    return text.contains("over TCP") ? text : null;
                });
                assertEquals("Connected over TCP", label);
            }
            assertTrue(block.dropped() > 0, "the browsers tried UDP first and it was dropped");
            LOG.infof("ICE-TCP join: %d ms (UDP join: %d ms); %d UDP datagrams dropped", tcpJoinMillis, udpJoinMillis,
                    block.dropped());
        }
    }
}
