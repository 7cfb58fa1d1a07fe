package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;

/**
 * The call view without a mouse and on a small screen. Keyboard only: sign in at the call link, Tab to
 * the controls, Enter and Space toggle mute, Enter raises the hand and sends a reaction, Enter leaves; focus
 * stays on a control while the view updates around it; every control has an accessible name and the
 * view's live regions and roles are there for screen readers. Phone: the controls all fit on the screen,
 * and screen sharing is not offered where the browser cannot share a screen (a phone, or a browser
 * without getDisplayMedia).
 */
class CallAccessibilityIT extends DeployedEar {

    /** The controls a sole participant (the call's host) has, in tab order. */
    private static final List<String> HOST_CONTROLS = List.of(
            "ctl-mute", "ctl-hand", "ctl-react", "ctl-copy", "ctl-mute-others", "ctl-end", "ctl-leave");

    private Api api;
    private String user;
    private String channel;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        api = new Api(base);
        user = "kay" + Api.unique();
        api.createUser(api.adminToken(), user, "system_user");
        channel = api.createChannel(api.token(user, Api.PASSWORD), "keys-" + Api.unique(), "O");
    }

    @Test
    void theCallViewWorksWithTheKeyboardAndNamesEveryControl() {
        try (Browser browser = Browser.start(user, Browser.DESKTOP)) {
            browser.open(base + "channels/" + channel);
            browser.element(By.id("username"));
            keys(browser, user, Keys.TAB, Api.PASSWORD, Keys.ENTER);
            browser.await(d -> "connected".equals(Media.status(browser)), Media.PATIENCE);
            assertEquals(Boolean.TRUE, browser.call().get("muted"), "channel calls start muted");

            // Roles and live regions a screen reader relies on.
            assertEquals("status", browser.element(By.id("call-status")).getAriaRole());
            assertEquals("polite", browser.attribute(By.id("call-status"), "aria-live"));
            assertEquals("polite", browser.driver().findElement(By.id("notice")).getAttribute("aria-live"));
            WebElement toolbar = browser.element(By.cssSelector("#call-panel [role='toolbar']"));
            assertEquals("Call controls", toolbar.getAccessibleName());
            assertEquals("Participants", browser.accessibleName(By.id("participants")));
            assertEquals("polite", browser.driver().findElement(By.id("chat-posts")).getAttribute("aria-live"));
            assertEquals("polite", browser.driver().findElement(By.cssSelector("#call-panel ul.reactions")).getAttribute("aria-live"));
            assertEquals("Message to the call", browser.accessibleName(By.id("chat-input")));
            assertTrue(browser.text(By.cssSelector("#participants li")).contains("(you)"));
            assertTrue(browser.driver().findElement(By.cssSelector("#participants li")).getAttribute("textContent")
                    .contains("muted, host"), "the tile tells a screen reader the state");
            for (String id : HOST_CONTROLS) {
                browser.element(By.id(id));
            }
            assertNamed(browser);

            // Mute: Tab to it, Enter unmutes, Space mutes again; focus stays on the button through the re-render.
            tabTo(browser, "ctl-mute");
            keys(browser, Keys.ENTER);
            browser.await(d -> Boolean.FALSE.equals(browser.call().get("muted")));
            browser.await(d -> "false".equals(browser.attribute(By.id("ctl-mute"), "aria-pressed")));
            assertEquals("ctl-mute", focused(browser));
            keys(browser, Keys.SPACE);
            browser.await(d -> Boolean.TRUE.equals(browser.call().get("muted")));
            assertEquals("Unmute", browser.accessibleName(By.id("ctl-mute")));
            assertEquals("ctl-mute", focused(browser));

            // Raise hand with Enter: the button says so, and so does the participant's tile.
            tabTo(browser, "ctl-hand");
            keys(browser, Keys.ENTER);
            browser.await(d -> "true".equals(browser.attribute(By.id("ctl-hand"), "aria-pressed")));
            assertEquals("Lower hand", browser.accessibleName(By.id("ctl-hand")));
            browser.await(d -> browser.attribute(By.cssSelector("#participants li"), "textContent").contains("hand raised"));
            assertEquals("ctl-hand", focused(browser));

            // React: Enter opens the menu, Tab reaches the first reaction, Enter sends it to the live region.
            tabTo(browser, "ctl-react");
            keys(browser, Keys.ENTER);
            browser.await(d -> Boolean.TRUE.equals(browser.script("return document.querySelector('details.react-menu').open")));
            keys(browser, Keys.TAB);
            assertEquals("thumbs up", browser.driver().switchTo().activeElement().getAccessibleName());
            assertNamed(browser);
            keys(browser, Keys.ENTER);
            browser.await(d -> browser.text(By.cssSelector("#call-panel ul.reactions")).contains("reacted :+1:"));

            // Leave with Enter: the call view goes and the channel offers to start a call again.
            tabTo(browser, "ctl-leave");
            keys(browser, Keys.ENTER);
            browser.await(d -> browser.call() == null);
            browser.await(d -> "Start call".equals(browser.text(By.id("join-call"))));
            assertTrue(browser.driver().findElements(By.id("call-panel")).isEmpty());
        }
    }

    @Test
    void onAPhoneTheControlsFitAndNoScreenShareIsOffered() {
        assertTrue(api.get("calls/config", api.token(user, Api.PASSWORD)).expect(200).json().getBoolean("allow_screen_sharing"),
                "screen sharing is allowed, so only the device can take it away");
        try (Browser phone = Browser.start(user, Browser.PHONE)) {
            joinAlone(phone);
            List<String> controls = controlIds(phone);
            assertTrue(controls.containsAll(HOST_CONTROLS), controls.toString());
            assertTrue(controls.contains("ctl-chat"), "the phone layout opens the chat from the controls");
            assertFalse(controls.contains("ctl-share"), "no screen sharing on a phone");
            for (String id : controls) {
                assertOnScreen(phone, id);
            }
            assertNamed(phone);
            phone.screenshot("controls-phone");
            phone.click(By.id("ctl-leave"));
            phone.await(d -> phone.call() == null);
        }
        // A desktop browser without getDisplayMedia (as DevTools lets one be emulated): no share button either.
        try (Browser desktop = Browser.start(user, Browser.DESKTOP)) {
            desktop.devTools("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", "delete MediaDevices.prototype.getDisplayMedia;"));
            joinAlone(desktop);
            assertEquals(Boolean.FALSE, desktop.script("return 'getDisplayMedia' in navigator.mediaDevices"));
            assertFalse(controlIds(desktop).contains("ctl-share"), "no screen sharing without getDisplayMedia");
        }
    }

    private void joinAlone(Browser browser) {
        browser.open(base + "channels/" + channel);
        browser.signIn(user, Api.PASSWORD);
        browser.await(d -> "connected".equals(Media.status(browser)), Media.PATIENCE);
    }

    @SuppressWarnings("unchecked")
    private static List<String> controlIds(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#call-panel .controls [id]')]"
                + ".filter((e) => e.offsetParent !== null).map((e) => e.id)");
    }

    /** The control is shown whole inside the viewport, without scrolling. */
    private static void assertOnScreen(Browser browser, String id) {
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) browser.script(
                "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,"
                        + " width: window.innerWidth, height: window.innerHeight};", id);
        assertTrue(box.get("left").doubleValue() >= 0 && box.get("right").doubleValue() <= box.get("width").doubleValue()
                && box.get("top").doubleValue() >= 0 && box.get("bottom").doubleValue() <= box.get("height").doubleValue(),
                id + " is not inside the viewport: " + box);
        assertTrue(browser.driver().findElement(By.id(id)).isDisplayed(), id);
    }

    /** Every visible control of the call view has an accessible name (its text, or an aria-label). */
    private static void assertNamed(Browser browser) {
        List<WebElement> controls = browser.driver().findElements(By.cssSelector(
                "#call-panel button, #call-panel summary, #call-panel a[href], #call-panel input, #call-panel [role='menuitem']"));
        assertFalse(controls.isEmpty());
        for (WebElement control : controls) {
            if (control.isDisplayed()) {
                String name = control.getAccessibleName();
                assertFalse(name == null || name.isBlank(), "no accessible name: " + control.getAttribute("outerHTML"));
            }
        }
    }

    /** Presses Tab until the element with the id has focus; a bounded number of times. */
    private static void tabTo(Browser browser, String id) {
        for (int i = 0; i < 40 && !id.equals(focused(browser)); i++) {
            keys(browser, Keys.TAB);
        }
        assertEquals(id, focused(browser), "Tab never reached " + id);
    }

    private static String focused(Browser browser) {
        return (String) browser.script("return document.activeElement ? document.activeElement.id : null");
    }

    private static void keys(Browser browser, CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }
}
