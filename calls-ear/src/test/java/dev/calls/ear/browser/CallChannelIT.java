package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.calls.ear.Api;
import dev.calls.ear.CallParticipant;
import dev.calls.ear.DeployedEar;

/**
 * A call in an open channel, in headless Chromium: it starts muted (in the browser and in the server's
 * call state) and unmuting lets the voice through; the channel list and the channel's page of a member
 * who is not in the call show the call and who is in it as people come and go, and joining from there
 * brings the call's media; a direct message is listed by the other person's display name; a reaction
 * reaches the other browser and goes away; the copied call link is the channel's link and joins the
 * call; the call's chat is the call's thread, both ways.
 */
class CallChannelIT extends DeployedEar {

    private Api api;
    /** Usernames, which sign in. */
    private String amy;
    private String bo;
    private String cy;
    /** Display names, as the client shows people. */
    private String amyName;
    private String boName;
    private String cyName;
    private String channel;
    private String amyToken;
    private String direct;
    private String group;
    private String boId;

    /**
     * Amy's open channel, with Bo and Cy as members; Bo also has a direct message with Amy, a group message
     * with Amy and Cy, and a second channel.
     */
    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        api = new Api(base);
        String admin = api.adminToken();
        String suffix = Api.unique();
        amy = "amy" + suffix;
        bo = "bo" + suffix;
        cy = "cy" + suffix;
        amyName = "Amy Lee";
        boName = "Bo Chen";
        cyName = "Cy Diaz";
        String amyId = user(admin, amy, amyName);
        boId = user(admin, bo, boName);
        String cyId = user(admin, cy, cyName);
        amyToken = api.token(amy, Api.PASSWORD);
        channel = api.post("channels", amyToken, "{\"name\":\"design-" + suffix
                + "\",\"display_name\":\"Design review\",\"type\":\"O\"}").expect(201).id();
        api.addMember(amyToken, channel, boId);
        api.addMember(amyToken, channel, cyId);
        api.post("channels", api.token(bo, Api.PASSWORD), "{\"name\":\"release-" + suffix
                + "\",\"display_name\":\"Release\",\"type\":\"O\"}").expect(201);
        direct = api.post("channels/direct", amyToken, "[\"" + amyId + "\",\"" + boId + "\"]").expect(201).id();
        group = api.post("channels/group", amyToken, "[\"" + amyId + "\",\"" + boId + "\",\"" + cyId + "\"]")
                .expect(201).id();
    }

    @Test
    void theListShowsTheCallLiveAndAChannelCallStartsMuted() throws Exception {
        try (Browser boBrowser = Browser.start(bo, Browser.DESKTOP);
             Browser amyBrowser = Browser.start(amy, Browser.DESKTOP)) {
            boBrowser.open(base.toString());
            boBrowser.signIn(bo, Api.PASSWORD);
            By item = By.cssSelector("nav[aria-label='Channels'] li[data-channel='" + channel + "']");
            assertFalse(boBrowser.attribute(item, "class").contains("has-call"), "no call yet");
            By directItem = By.cssSelector("a[data-key='nav-" + direct + "'] .channel-name");
            boBrowser.await(d -> amyName.equals(boBrowser.text(directItem)));
            By groupItem = By.cssSelector("a[data-key='nav-" + group + "'] .channel-name");
            boBrowser.await(d -> (amyName + ", " + cyName).equals(boBrowser.text(groupItem)));

            // Amy starts the call at the link: muted, in her browser and in the server's state.
            String amySession = joinAtLink(amyBrowser, amy);
            assertEquals(Boolean.TRUE, amyBrowser.call().get("muted"), "channels start muted");
            assertEquals("true", amyBrowser.attribute(By.id("ctl-mute"), "aria-pressed"));
            assertEquals("Unmute", amyBrowser.text(By.id("ctl-mute")));
            assertFalse(unmuted(amySession), "the server forwards no voice of a session that starts muted");

            // Bo, not in the call, sees it appear in his list with Amy in it, and on the channel's page.
            boBrowser.await(d -> boBrowser.attribute(item, "class").contains("has-call"));
            boBrowser.await(d -> people(boBrowser).equals(amyName));
            assertEquals("1", badge(boBrowser));
            boBrowser.click(By.cssSelector("a[data-key='nav-" + channel + "']"));
            assertEquals("A call is in progress", boBrowser.text(By.id("call-card-title")));
            By inTheCall = By.cssSelector("ul.people[aria-label='In the call']");
            boBrowser.await(d -> boBrowser.text(inTheCall).contains(amyName));

            // Cy joins (no browser: a libwebrtc participant), then leaves; Bo's list and page follow.
            try (CallParticipant cyPeer = CallParticipant.join(cy, base, api.token(cy, Api.PASSWORD), channel, 660, true)) {
                boBrowser.await(d -> people(boBrowser).equals(amyName + ", " + cyName) || people(boBrowser).equals(cyName + ", " + amyName));
                assertEquals("2", badge(boBrowser));
                assertTrue(boBrowser.accessibleName(By.cssSelector("a[data-key='nav-" + channel + "']"))
                        .contains("call in progress, 2 in it"));
                boBrowser.await(d -> boBrowser.text(inTheCall).contains(cyName));
                boBrowser.screenshot("channel-call-desktop");
                cyPeer.leave();
            }
            boBrowser.await(d -> people(boBrowser).equals(amyName));
            assertEquals("1", badge(boBrowser));
            boBrowser.await(d -> !boBrowser.text(inTheCall).contains(cyName));

            // Bo joins from the channel's page: muted too, and Amy's muted voice does not reach him.
            assertEquals("Join call", boBrowser.text(By.id("join-call")));
            boBrowser.click(By.id("join-call"));
            boBrowser.await(d -> "connected".equals(Media.status(boBrowser)), Media.PATIENCE);
            String boSession = (String) boBrowser.call().get("sessionId");
            assertEquals(amyBrowser.call().get("callId"), boBrowser.call().get("callId"));
            assertEquals(Boolean.TRUE, boBrowser.call().get("muted"));
            assertFalse(unmuted(boSession));
            boBrowser.await(d -> boBrowser.attribute(tile(amySession), "class").contains("muted"));
            Media.awaitSilence(boBrowser, amySession);

            // Amy unmutes: the server forwards her voice and Bo hears it.
            amyBrowser.click(By.id("ctl-mute"));
            amyBrowser.await(d -> Boolean.FALSE.equals(amyBrowser.call().get("muted")));
            assertEquals("false", amyBrowser.attribute(By.id("ctl-mute"), "aria-pressed"));
            amyBrowser.await(d -> unmuted(amySession));
            boBrowser.await(d -> !boBrowser.attribute(tile(amySession), "class").contains("muted"));
            Media.assertHears(boBrowser, amySession);
        }
    }

    @Test
    void reactionsTheCopiedLinkAndTheCallThread() {
        try (Browser amyBrowser = Browser.start(amy, Browser.DESKTOP);
             Browser boBrowser = Browser.start(bo, Browser.DESKTOP)) {
            joinAtLink(amyBrowser, amy);

            // Copy link: the channel's call link lands on the clipboard, and the page says so.
            String link = base + "channels/" + channel;
            String origin = base.getProtocol() + "://" + base.getAuthority();
            amyBrowser.devTools("Browser.grantPermissions", Map.of("origin", origin,
                    "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            amyBrowser.click(By.id("ctl-copy"));
            amyBrowser.await(d -> amyBrowser.text(By.id("notice")).contains("Call link copied: " + link));
            assertEquals(link, amyBrowser.clipboard());

            // Bo opens the copied link: he is in Amy's call.
            joinAtLink(boBrowser, bo, amyBrowser.clipboard());
            assertEquals(amyBrowser.call().get("callId"), boBrowser.call().get("callId"));

            // Bo reacts: both browsers show it, and it goes away by itself.
            boBrowser.click(By.id("ctl-react"));
            boBrowser.click(By.cssSelector("button[data-key='react-tada']"));
            By reaction = By.cssSelector("#call-panel .reactions li.reaction");
            for (Browser browser : List.of(amyBrowser, boBrowser)) {
                browser.await(d -> browser.text(reaction).contains("\uD83C\uDF89"));
                assertTrue(browser.text(reaction).contains(boName + " reacted :tada:"), browser.text(reaction));
            }
            amyBrowser.await(ExpectedConditions.invisibilityOfElementLocated(reaction), Media.PATIENCE);

            // Bo writes in the call's chat: Amy reads it, and it is a reply in the call's thread.
            String message = "Notes in the doc " + Api.unique();
            boBrowser.element(By.id("chat-input")).sendKeys(message);
            boBrowser.click(By.id("chat-send"));
            amyBrowser.await(d -> amyBrowser.text(By.id("chat-posts")).contains(message));
            String thread = api.get("calls/channels/" + channel, amyToken).expect(200).json()
                    .getJsonObject("call").getString("thread_id");
            List<JsonObject> posts = api.get("posts/" + thread + "/thread", amyToken).expect(200).json()
                    .getJsonArray("posts").getValuesAs(JsonObject.class);
            JsonObject post = posts.stream().filter(p -> message.equals(p.getString("message"))).findFirst()
                    .orElseThrow(() -> new AssertionError("not in the call's thread: " + posts));
            assertEquals(thread, post.getString("root_id"));
            assertEquals(boId, post.getString("user_id"));
            assertEquals(channel, post.getString("channel_id"));

            // A reply posted to the thread elsewhere shows in both browsers' chat.
            String reply = "Seen, thanks " + Api.unique();
            api.post("posts", amyToken, "{\"channel_id\":\"" + channel + "\",\"root_id\":\"" + thread
                    + "\",\"message\":\"" + reply + "\"}").expect(201);
            for (Browser browser : List.of(amyBrowser, boBrowser)) {
                browser.await(d -> browser.text(By.id("chat-posts")).contains(reply));
            }
        }
    }

    private String user(String admin, String username, String displayName) {
        return api.post("users", admin, "{\"username\":\"" + username + "\",\"password\":\"" + Api.PASSWORD
                + "\",\"display_name\":\"" + displayName + "\",\"roles\":\"system_user\"}").expect(201).id();
    }

    /** Opens the channel's call link, signs in and waits until the call connects; returns the session. */
    private String joinAtLink(Browser browser, String user) {
        return joinAtLink(browser, user, base + "channels/" + channel);
    }

    private String joinAtLink(Browser browser, String user, String link) {
        browser.open(link);
        browser.signIn(user, Api.PASSWORD);
        browser.await(d -> "connected".equals(Media.status(browser)), Media.PATIENCE);
        return (String) browser.call().get("sessionId");
    }

    /** Whether the server's call state says the session is unmuted. */
    private boolean unmuted(String session) {
        JsonObject call = api.get("calls/channels/" + channel, amyToken).expect(200).json()
                .getJsonObject("call");
        return call.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                .filter(s -> session.equals(s.getString("session_id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no session " + session + " in " + call))
                .getBoolean("unmuted");
    }

    /** The names the channel list shows under the channel with a call. */
    private String people(Browser browser) {
        List<WebElement> found = browser.driver().findElements(
                By.cssSelector("li[data-channel='" + channel + "'] .call-people"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** The number on the channel's call badge. */
    private String badge(Browser browser) {
        return browser.text(By.cssSelector("li[data-channel='" + channel + "'] .call-badge"));
    }

    private static By tile(String session) {
        return By.cssSelector("#participants li[data-session='" + session + "']");
    }
}
