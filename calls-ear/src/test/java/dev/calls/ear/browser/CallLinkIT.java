package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;
import dev.calls.ear.Http;

/**
 * The browser client at the call link, in headless Chromium: the page is served at the link, sign-in
 * shows the user's channels, and whoever may not join — a non-member, a deactivated user, anyone at an
 * archived channel's link — gets the refusal page and no media at all.
 */
class CallLinkIT extends DeployedEar {

    private Api api;
    private String admin;
    private String suffix;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        api = new Api(base);
        admin = api.adminToken();
        suffix = Api.unique();
    }

    @Test
    void theLinkServesTheAppAndNothingElseUnderChannelsDoes() {
        String owner = "own" + suffix;
        api.createUser(admin, owner, "system_user");
        String channel = api.createChannel(api.token(owner, Api.PASSWORD), "pg-" + suffix, "O");
        Http.Reply page = Http.get(base, "channels/" + channel);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<base href=\"/calls/\">"), page.body());
        assertTrue(page.body().contains("js/main.js"), page.body());
        assertEquals(200, Http.get(base, "").status());
        assertEquals(404, Http.get(base, "channels/not-an-id").status());
        assertEquals(200, Http.get(base, "api/v1/system/ping").status());
    }

    @Test
    void signInShowsTheChannelsGroupsAndDirectMessages() {
        String ann = "ann" + suffix;
        String annId = api.createUser(admin, ann, "system_user");
        String benId = api.createUser(admin, "ben" + suffix, "system_user");
        String token = api.token(ann, Api.PASSWORD);
        api.createChannel(token, "design-" + suffix, "O");
        api.post("channels/direct", token, "[\"" + annId + "\",\"" + benId + "\"]").expect(201);
        try (Browser browser = Browser.start(ann, Browser.DESKTOP)) {
            browser.open(base.toString());
            browser.signIn(ann, Api.PASSWORD);
            WebElement nav = browser.element(By.cssSelector("nav[aria-label='Channels']"));
            browser.await(d -> nav.getText().contains("design-" + suffix));
            assertTrue(nav.getText().contains("ben" + suffix), nav.getText());
            assertTrue(nav.getText().contains("DIRECT MESSAGES") || nav.getText().contains("Direct messages"), nav.getText());
            browser.click(By.cssSelector("a[aria-label^='design-" + suffix + "']"));
            WebElement join = browser.element(By.id("join-call"));
            assertEquals("Start call", join.getText());
            browser.screenshot("channel-desktop");
        }
    }

    @Test
    void aNonMemberGetsTheRefusalPageAndNoMedia() {
        String owner = "own" + suffix;
        String stranger = "str" + suffix;
        api.createUser(admin, owner, "system_user");
        api.createUser(admin, stranger, "system_user");
        String channel = api.createChannel(api.token(owner, Api.PASSWORD), "priv-" + suffix, "P");
        try (Browser browser = Browser.start(stranger, Browser.PHONE)) {
            browser.open(base + "channels/" + channel);
            assertTrue(browser.element(By.id("signin-title")).getText().contains("join the call"));
            browser.signIn(stranger, Api.PASSWORD);
            assertRefused(browser, "not a member");
            browser.screenshot("refusal-phone");
        }
    }

    @Test
    void anArchivedChannelsLinkIsRefused() {
        String owner = "arc" + suffix;
        api.createUser(admin, owner, "system_user");
        String token = api.token(owner, Api.PASSWORD);
        String channel = api.createChannel(token, "old-" + suffix, "O");
        api.delete("channels/" + channel, token).expect(200);
        try (Browser browser = Browser.start(owner, Browser.DESKTOP)) {
            browser.open(base + "channels/" + channel);
            browser.signIn(owner, Api.PASSWORD);
            assertRefused(browser, "archived");
            browser.screenshot("refusal-archived");
        }
    }

    @Test
    void aDeactivatedUserIsRefusedAtTheLink() {
        String owner = "own" + suffix;
        String gone = "gon" + suffix;
        api.createUser(admin, owner, "system_user");
        String goneId = api.createUser(admin, gone, "system_user");
        String token = api.token(owner, Api.PASSWORD);
        String channel = api.createChannel(token, "team-" + suffix, "O");
        api.addMember(token, channel, goneId);
        api.put("users/" + goneId + "/active", admin, "{\"active\":false}").expect(200);
        try (Browser browser = Browser.start(gone, Browser.DESKTOP)) {
            browser.open(base + "channels/" + channel);
            browser.signIn(gone, Api.PASSWORD);
            assertRefused(browser, "deactivated");
        }
    }

    /** The refusal page with its reason; no call, no microphone, no peer connection. */
    private static void assertRefused(Browser browser, String reason) {
        WebElement text = browser.element(By.id("refusal-reason"));
        assertTrue(text.getText().contains(reason), text.getText());
        assertEquals("You can\u2019t join this call", browser.element(By.id("refusal-title")).getText());
        Map<String, Object> state = browser.state();
        assertEquals("refused", state.get("route"));
        assertNull(state.get("call"));
        assertEquals(0L, browser.script("return document.querySelectorAll('audio, video').length"));
        List<?> tracks = (List<?>) browser.script("return window.callsDebug.state().participants");
        assertTrue(tracks.isEmpty());
        browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("call-panel")));
    }
}
