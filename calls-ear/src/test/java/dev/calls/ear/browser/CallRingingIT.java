package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;
import dev.calls.ear.ServerProperty;

/**
 * Ringing and notifications in headless Chromium, with {@code enableRinging} on: a direct-message call rings
 * the other person's open page (the incoming-call dialog) until they press Join; in a second conversation the
 * callee's Decline reaches the caller's page, which says who declined; a callee whose tab is hidden (another
 * tab in front) and who allowed notifications gets a browser notification for the call. With ringing off,
 * a call rings nobody.
 */
class CallRingingIT extends DeployedEar {

    /** Counts the page's notifications by wrapping the browser's own constructor. */
    private static final String COUNT_NOTIFICATIONS = "const Native = window.Notification; window.notified = [];"
            + "window.Notification = class extends Native { static get permission() { return Native.permission; }"
            + " constructor(title, options) { super(title, options); window.notified.push(title); } };";

    @ArquillianResource
    ManagementClient management;

    private Api api;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        api = new Api(base);
    }

    @Test
    void aDirectMessageCallRingsTheOtherPageAndDeclineReachesTheCaller() {
        try (ServerProperty ringing = ServerProperty.set(management, "calls.enableRinging", "true");
             Party answered = new Party(api, base, "ann", "rob");
             Browser rob = signedIn(answered.names.get(1))) {
            assertEquals("default", rob.script("return Notification.permission"), "nobody is asked on load");
            assertTrue(rob.element(By.id("enable-notifications")).isDisplayed());

            Browser ann = answered.join(Browser.DESKTOP);
            String dialog = rob.text(By.id("incoming-call"));
            assertTrue(dialog.contains("is calling"), dialog);
            assertEquals(answered.channel, rob.attribute(By.id("incoming-call"), "data-channel"));
            rob.screenshot("incoming-call");

            rob.click(By.id("incoming-join"));
            rob.await(d -> "connected".equals(Media.status(rob)), Media.PATIENCE);
            assertTrue(rob.driver().findElements(By.id("incoming-call")).isEmpty(), "the ring stops on Join");
            assertNull(incoming(rob).get("ringing"));
            Media.assertHears(rob, answered.session(0));
            assertTrue(((String) rob.script("return document.title")).startsWith("● In call"));
            ann.click(By.id("ctl-leave"));

            try (Party declined = new Party(api, base, "cat", "dan");
                 Browser dan = signedIn(declined.names.get(1))) {
                Browser cat = declined.join(Browser.DESKTOP);
                dan.element(By.id("incoming-call"));
                dan.click(By.id("incoming-decline"));
                cat.await(d -> cat.text(By.id("notice")).contains("declined the call."));
                assertTrue(dan.driver().findElements(By.id("incoming-call")).isEmpty(), "the ring stops on Decline");
                cat.screenshot("call-declined");
            }
        }
    }

    @Test
    void aHiddenTabGetsANotificationAndNothingRingsWithRingingOff() {
        try (Party party = new Party(api, base, "eve", "fox"); Browser fox = signedIn(party.names.get(1))) {
            fox.devTools("Browser.grantPermissions", Map.of("permissions", List.of("notifications"),
                    "origin", base.getProtocol() + "://" + base.getHost() + ":" + base.getPort()));
            fox.script(COUNT_NOTIFICATIONS);
            // Another tab in front: Fox's page is hidden, as when the person works elsewhere.
            fox.devTools("Target.createTarget", Map.of("url", "about:blank"));
            fox.await(d -> "hidden".equals(fox.script("return document.visibilityState")));

            try (ServerProperty ringing = ServerProperty.set(management, "calls.enableRinging", "true")) {
                Browser eve = party.join(Browser.DESKTOP);
                fox.await(d -> incoming(fox).get("ringing") != null);
                fox.await(d -> ((List<?>) fox.script("return window.notified")).size() == 1);
                assertTrue(((String) ((List<?>) fox.script("return window.notified")).get(0)).endsWith("is calling"));
                eve.click(By.id("ctl-leave"));
                eve.await(d -> eve.call() == null);
                // Fox never answered: the call is missed, marked in the channel list and the title.
                fox.await(d -> ((List<?>) incoming(fox).get("missed")).contains(party.channel));
                assertTrue(((String) incoming(fox).get("title")).startsWith("(1) "));
            }

            try (Party quiet = new Party(api, base, "gus", "hal"); Browser hal = signedIn(quiet.names.get(1))) {
                quiet.join(Browser.DESKTOP);
                hal.await(d -> !d.findElements(By.cssSelector("li.has-call[data-channel='" + quiet.channel + "']")).isEmpty());
                assertNull(incoming(hal).get("ringing"), "with ringing off nothing rings");
                assertTrue(hal.driver().findElements(By.id("incoming-call")).isEmpty());
            }
        }
    }

    private Browser signedIn(String username) {
        Browser browser = Browser.start(username, Browser.DESKTOP);
        browser.open(base.toString());
        browser.signIn(username, Api.PASSWORD);
        browser.await(d -> "open".equals(browser.state().get("signaling")));
        return browser;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> incoming(Browser browser) {
        return (Map<String, Object>) browser.script("return window.callsDebug.incoming()");
    }
}
