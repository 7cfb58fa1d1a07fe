package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;
import dev.calls.media.peer.Poll;

/**
 * Amy's browser loses its signaling WebSocket in the middle of a call (she reaches the server through a
 * relay the test cuts: the socket closes and new ones cannot connect) and comes back a few seconds later. Her page says it is
 * reconnecting, opens a new WebSocket and resumes the call with the contract's {@code reconnect} within
 * its 30 s window: same session, her mute and raised hand kept, Bo's voice still arriving, the page
 * connected again, and her actions on the new socket reaching Bo.
 */
class CallReconnectIT extends DeployedEar {

    private static final Duration WINDOW = Duration.ofSeconds(30);

    @Test
    void aDroppedWebSocketIsResumedAndTheCallGoesOn() {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        try (Party party = new Party(new Api(base), base, "amy", "bo"); TcpProxy network = new TcpProxy(base)) {
            Browser amy = party.join(Browser.DESKTOP, network.through(base));
            Browser bo = party.join(Browser.DESKTOP);
            Media.assertHears(amy, party.session(1));
            amy.click(By.id("ctl-hand"));
            amy.click(By.id("ctl-mute"));
            bo.await(d -> bo.attribute(party.tile(0), "class").contains("hand"));
            bo.await(d -> bo.attribute(party.tile(0), "class").contains("muted"));
            String connection = (String) amy.state().get("connectionId");

            network.cut();
            amy.await(d -> "reconnecting".equals(amy.state().get("signaling")), WINDOW);
            amy.await(d -> "Reconnecting…".equals(amy.text(By.id("call-status"))));
            amy.screenshot("reconnecting-desktop");
            // Stay away long enough for the client's first attempts to fail as well.
            Poll.pause(3000);
            assertEquals("reconnecting", amy.state().get("signaling"));

            network.restore();
            amy.await(d -> "open".equals(amy.state().get("signaling")), WINDOW);
            assertNotEquals(connection, amy.state().get("connectionId"), "a new WebSocket");
            amy.await(d -> "Connected".equals(amy.text(By.id("call-status"))));
            Map<String, Object> call = amy.call();
            assertEquals("connected", call.get("status"));
            assertEquals(party.session(0), call.get("sessionId"), "the same session in the call");
            assertEquals(Boolean.TRUE, call.get("muted"));
            assertEquals("true", amy.attribute(By.id("ctl-mute"), "aria-pressed"));
            assertEquals("Lower hand", amy.text(By.id("ctl-hand")));
            assertEquals("true", amy.attribute(By.id("ctl-hand"), "aria-pressed"));
            Media.assertHears(amy, party.session(1));

            // The resumed connection carries Amy's actions: she unmutes, and Bo hears her.
            amy.click(By.id("ctl-mute"));
            bo.await(d -> !bo.attribute(party.tile(0), "class").contains("muted"));
            Media.assertHears(bo, party.session(0));
        }
    }
}
