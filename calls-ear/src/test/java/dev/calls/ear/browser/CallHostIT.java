package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;

/**
 * The host's controls, used in the browser: Amy starts a group call, and through the host menu on the
 * others' tiles mutes Bo (his browser shows him muted and his voice stops reaching Cy), lowers his hand,
 * stops his screen share (Cy's view drops it), removes Cy (her browser says so, her voice stops reaching
 * Amy) and makes Bo host (his browser shows the host's controls), who then ends the call for everyone:
 * every browser leaves the call view with a message.
 */
class CallHostIT extends DeployedEar {

    @Test
    void theHostMutesLowersStopsRemovesHandsOverAndEnds() {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        Api api = new Api(base);
        try (Party party = new Party(api, base, "amy", "bo", "cy")) {
            Browser amy = party.join(Browser.DESKTOP);
            Browser bo = party.join(Browser.DESKTOP);
            Browser cy = party.join(Browser.DESKTOP);
            String boSession = party.session(1);
            String cySession = party.session(2);
            Media.assertHears(cy, boSession);
            Media.assertHears(amy, cySession);
            assertTrue(amy.driver().findElements(By.id("ctl-end")).size() == 1, "the call's starter is its host");
            assertTrue(bo.driver().findElements(By.id("ctl-end")).isEmpty(), "only the host has the host's controls");
            assertTrue(bo.driver().findElements(By.cssSelector(".host-menu")).isEmpty());

            // Bo raises his hand and shares his screen; Cy decodes it.
            bo.click(By.id("ctl-hand"));
            bo.click(By.id("ctl-share"));
            cy.await(d -> Media.framesDecoded(cy, boSession) > 0, Media.PATIENCE);
            cy.await(d -> cy.element(By.id("screen-video")).isDisplayed());
            amy.await(d -> amy.attribute(party.tile(1), "class").contains("hand"));

            // The host menu on Bo's tile offers what applies to him.
            openHostMenu(amy, boSession);
            for (String item : List.of("mute", "hand", "screen", "host", "remove")) {
                amy.element(menuItem(item, boSession));
            }
            assertTrue(amy.accessibleName(By.cssSelector("summary[data-key='summary-" + boSession + "']"))
                    .startsWith("Host controls for " + party.names.get(1)));
            amy.script("document.querySelector(arguments[0]).scrollIntoView({block: 'end'})",
                    "details[data-key='menu-" + boSession + "'] .menu");
            amy.screenshot("host-menu-desktop");

            // Mute: Bo's browser shows him muted, and his voice no longer reaches Cy.
            amy.click(menuItem("mute", boSession));
            bo.await(d -> Boolean.TRUE.equals(bo.call().get("muted")));
            bo.await(d -> "true".equals(bo.attribute(By.id("ctl-mute"), "aria-pressed")));
            assertEquals("Unmute", bo.text(By.id("ctl-mute")));
            bo.await(d -> bo.text(By.id("notice")).contains("The host muted you."));
            cy.await(d -> cy.attribute(party.tile(1), "class").contains("muted"));
            Media.awaitSilence(cy, boSession);

            // Lower hand: Bo's hand button is back to raising it, and Cy sees the hand down.
            hostAction(amy, "hand", boSession);
            bo.await(d -> "Raise hand".equals(bo.text(By.id("ctl-hand"))));
            assertEquals("false", bo.attribute(By.id("ctl-hand"), "aria-pressed"));
            cy.await(d -> !cy.attribute(party.tile(1), "class").contains("hand"));

            // Stop the screen share: Bo's capture stops, and Cy's view drops the screen.
            hostAction(amy, "screen", boSession);
            bo.await(d -> Boolean.FALSE.equals(bo.call().get("sharing")));
            bo.await(d -> "Share screen".equals(bo.text(By.id("ctl-share"))));
            cy.await(ExpectedConditions.invisibilityOfElementLocated(By.id("screen-video")));
            cy.await(d -> ((List<?>) cy.call().get("remoteScreens")).isEmpty());

            // Remove Cy: her browser says the host removed her; her voice stops reaching Amy.
            hostAction(amy, "remove", cySession);
            cy.await(d -> cy.call() == null);
            cy.await(d -> "removed".equals(cy.endReason()));
            assertTrue(cy.text(By.id("call-outcome")).contains("The host removed you from the call."),
                    cy.text(By.id("call-outcome")));
            assertTrue(cy.driver().findElements(By.id("call-panel")).isEmpty());
            Media.awaitSilence(amy, cySession);
            amy.await(ExpectedConditions.invisibilityOfElementLocated(party.tile(2)));
            assertFalse(sessions(api, party).contains(cySession), "the server closed Cy's session");

            // Make Bo host: his browser shows the host's controls, Amy's no longer does.
            hostAction(amy, "host", boSession);
            bo.element(By.id("ctl-end"));
            bo.element(By.cssSelector("summary[data-key='summary-" + party.session(0) + "']"));
            amy.await(ExpectedConditions.invisibilityOfElementLocated(By.id("ctl-end")));

            // Bo ends the call for all: both browsers leave the call view and say the call ended.
            bo.click(By.id("ctl-end"));
            for (Browser browser : List.of(amy, bo)) {
                browser.await(d -> browser.call() == null);
                browser.await(d -> "call_ended".equals(browser.endReason()));
                assertTrue(browser.text(By.id("call-outcome")).contains("The call has ended."),
                        browser.text(By.id("call-outcome")));
                assertTrue(browser.driver().findElements(By.id("call-panel")).isEmpty());
            }
            String token = api.token(party.names.get(0), Api.PASSWORD);
            assertTrue(api.get("calls/channels/" + party.channel, token).expect(200).json().isNull("call"));
        }
    }

    private static By menuItem(String key, String session) {
        return By.cssSelector("#participants button[data-key='" + key + "-" + session + "']");
    }

    private static void openHostMenu(Browser host, String session) {
        host.click(By.cssSelector("summary[data-key='summary-" + session + "']"));
        host.await(d -> Boolean.TRUE.equals(host.script(
                "return document.querySelector(\"details[data-key='menu-" + session + "']\").open")));
    }

    private static void hostAction(Browser host, String key, String session) {
        openHostMenu(host, session);
        host.click(menuItem(key, session));
    }

    private static List<String> sessions(Api api, Party party) {
        JsonObject call = api.get("calls/channels/" + party.channel, api.token(party.names.get(0), Api.PASSWORD))
                .expect(200).json().getJsonObject("call");
        return call.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("session_id")).toList();
    }
}
