package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;

/**
 * Three headless Chromium browsers (fake microphone and screen) join one group message's call through its
 * link and talk through the server: each receives the other two voices (inbound RTP packets growing,
 * audio energy above zero, each remote voice playing in an audio element) over direct UDP, which the
 * connection label does not qualify (only ICE-TCP and relayed paths are named); a muted voice stops arriving;
 * a shared screen is decoded by the others; a raised hand and a chat message show up in the other
 * browsers; the call goes on in the widget while one of them looks at another channel.
 */
class CallMediaIT extends DeployedEar {

    @Test
    void threeBrowsersHearEachOtherSeeTheScreenHandsAndChat() {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        Api api = new Api(base);
        try (Party party = new Party(api, base, "amy", "bo", "cy")) {
            String elsewhere = api.createChannel(api.token(party.names.get(1), Api.PASSWORD), "side-" + Api.unique(), "O");
            // The third participant is on a phone: the phone layout, and no screen sharing offered.
            Browser amy = party.join(Browser.DESKTOP);
            Browser bo = party.join(Browser.DESKTOP);
            Browser cy = party.join(Browser.PHONE);
            List<Browser> browsers = List.of(amy, bo, cy);
            for (Browser browser : browsers) {
                assertTrue(browser.console().stream().anyMatch(line -> line.contains("rtc: connected")), browser.name);
                assertEquals(Boolean.FALSE, browser.call().get("muted"), "group messages start unmuted");
            }

            // Everyone hears the two others through the server.
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    if (i != j) {
                        Media.assertHears(browsers.get(i), party.session(j));
                    }
                }
            }
            for (Browser browser : browsers) {
                Map<String, Object> path = browser.path();
                assertEquals("udp", path.get("protocol"), browser.name + ": " + path);
                assertEquals("Connected", browser.text(By.id("call-status")), browser.name + ": direct UDP is not named");
            }
            amy.element(party.tile(2));
            amy.screenshot("call-desktop");
            cy.screenshot("call-phone");
            assertTrue(cy.driver().findElements(By.id("ctl-share")).isEmpty(), "no screen sharing on a phone");

            // Cy mutes: the server stops forwarding that voice, and the others show Cy muted.
            cy.click(By.id("ctl-mute"));
            cy.await(d -> Boolean.TRUE.equals(cy.call().get("muted")));
            for (Browser listener : List.of(amy, bo)) {
                listener.await(d -> listener.attribute(party.tile(2), "class").contains("muted"));
                Media.awaitSilence(listener, party.session(2));
            }
            Media.assertHears(amy, party.session(1));

            // Bo raises a hand; the others see it.
            bo.click(By.id("ctl-hand"));
            for (Browser watcher : List.of(amy, cy)) {
                watcher.await(d -> watcher.attribute(party.tile(1), "class").contains("hand"));
            }
            assertTrue(amy.attribute(party.tile(1), "textContent").contains("hand raised"));

            // Amy writes in the call's chat; the others read it.
            String message = "Agenda in the doc " + Api.unique();
            WebElement input = amy.element(By.id("chat-input"));
            input.sendKeys(message);
            amy.click(By.id("chat-send"));
            bo.await(d -> bo.text(By.id("chat-posts")).contains(message));
            cy.click(By.id("ctl-chat"));
            cy.await(d -> cy.text(By.id("chat-posts")).contains(message));
            cy.screenshot("chat-phone");
            cy.click(By.id("ctl-chat"));

            // Amy shares her screen (the fake capture); Bo and Cy decode it.
            amy.click(By.id("ctl-share"));
            for (Browser viewer : List.of(bo, cy)) {
                viewer.await(d -> Media.framesDecoded(viewer, party.session(0)) > 0, Media.PATIENCE);
                viewer.await(d -> viewer.element(By.id("screen-video")).isDisplayed());
            }
            bo.await(d -> ((Number) bo.script("return document.getElementById('screen-video').videoWidth")).intValue() > 0);
            bo.screenshot("screen-share-desktop");

            // Bo looks at another channel: the widget keeps the call, which goes on.
            bo.open(base + "#channel/" + elsewhere);
            WebElement widget = bo.element(By.id("widget"));
            assertTrue(widget.getText().contains("Call in"), widget.getText());
            assertEquals("connected", Media.status(bo));
            Media.assertHears(bo, party.session(0));
            bo.screenshot("widget-desktop");
        }
    }
}
