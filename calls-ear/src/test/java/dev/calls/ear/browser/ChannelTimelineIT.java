package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URL;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;

/**
 * The channel around the call, in headless Chromium, as people use it: the admin creates two people and a
 * channel on the pages of the client (no REST by hand), adds one of them; the other finds the channel by
 * browsing and joins it; a post written in one member's page shows live in another's, as text (markup does
 * not run) with a safe link; older posts open on request; a call starts from the channel's page. And a page
 * opened over plain HTTP from another machine (a non-loopback address) explains that calls need HTTPS
 * and links there, instead of failing at the microphone.
 */
class ChannelTimelineIT extends DeployedEar {

    /** More posts than the client's first page (30), so that older ones must be asked for. */
    private static final int SEEDED = 34;

    private Api api;
    private String suffix;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        api = new Api(base);
        suffix = Api.unique();
    }

    @Test
    void theAdminSetsUpPeopleAndAChannelAndTheyTalkAndCallInIt() {
        String dee = "dee" + suffix;
        String eli = "eli" + suffix;
        String title = "Town hall " + suffix;
        try (Browser admin = Browser.start("admin", Browser.DESKTOP)) {
            admin.open(base.toString());
            admin.signIn("admin", Api.ADMIN_PASSWORD);
            admin.click(By.id("nav-admin"));
            createUser(admin, dee, "Dee Park");
            createUser(admin, eli, "Eli Novak");
            admin.screenshot("admin-users");

            admin.click(By.id("nav-browse"));
            admin.element(By.id("new-channel-name")).sendKeys(title);
            admin.click(By.id("new-channel-create"));
            admin.await(d -> "channel".equals(admin.state().get("route")));
            assertTrue(admin.text(By.id("channel-title")).contains(title));
            String channel = ((String) admin.script("return location.hash")).substring("#channel/".length());

            admin.click(By.id("members-toggle"));
            admin.element(By.id("member-search")).sendKeys(eli);
            String eliId = api.get("users?term=" + eli, api.adminToken()).expect(200).array().getJsonObject(0).getString("id");
            admin.click(By.cssSelector("#member-results button[data-key='add-" + eliId + "']"));
            admin.await(d -> admin.text(By.id("member-list")).contains("Eli Novak"));
            seed(channel, api.adminToken(), 0, SEEDED / 2);
            seed(channel, api.token(eli, Api.PASSWORD), SEEDED / 2, SEEDED);

            try (Browser deeBrowser = Browser.start(dee, Browser.DESKTOP);
                 Browser eliBrowser = Browser.start(eli, Browser.DESKTOP)) {
                eliBrowser.open(base + "#channel/" + channel);
                eliBrowser.signIn(eli, Api.PASSWORD);
                eliBrowser.click(By.cssSelector("a[data-key='nav-" + channel + "']"));
                eliBrowser.await(d -> lastPost(eliBrowser).contains("seed " + (SEEDED - 1)));

                // Dee finds the channel by browsing and joins it; its newest page shows, the oldest posts not yet.
                deeBrowser.open(base.toString());
                deeBrowser.signIn(dee, Api.PASSWORD);
                deeBrowser.click(By.id("nav-browse"));
                deeBrowser.element(By.id("browse-search")).sendKeys("town hall " + suffix);
                deeBrowser.click(By.cssSelector("button[data-key='browse-" + channel + "']"));
                deeBrowser.await(d -> lastPost(deeBrowser).contains("seed " + (SEEDED - 1)));
                assertFalse(deeBrowser.text(By.id("timeline-posts")).contains("seed 0"), "the first page is the newest");

                // Dee writes; Eli's open page shows it live, as text, its link safe.
                String message = "Hello <b>team</b>, agenda at https://example.org/agenda.";
                WebElement input = deeBrowser.element(By.id("post-input"));
                input.sendKeys(message);
                input.sendKeys(Keys.ENTER);
                eliBrowser.await(d -> lastPost(eliBrowser).contains("Hello <b>team</b>, agenda at https://example.org/agenda."));
                By link = By.cssSelector("#timeline-posts li.post:last-child a");
                assertEquals("https://example.org/agenda", eliBrowser.attribute(link, "href"));
                assertEquals("noopener noreferrer", eliBrowser.attribute(link, "rel"));
                assertTrue(eliBrowser.driver().findElements(By.cssSelector("#timeline-posts b")).isEmpty(), "no markup runs");
                eliBrowser.screenshot("channel-timeline");

                // Eli answers in the post's thread, which opens beside the timeline; Dee's open thread gets it live.
                String postId = eliBrowser.attribute(By.cssSelector("#timeline-posts li.post:last-child"), "data-post");
                eliBrowser.click(By.cssSelector("button[data-key='thread-" + postId + "']"));
                deeBrowser.click(By.cssSelector("button[data-key='thread-" + postId + "']"));
                WebElement reply = eliBrowser.element(By.id("thread-input"));
                reply.sendKeys("Thanks, I will read it.");
                reply.sendKeys(Keys.ENTER);
                deeBrowser.await(d -> deeBrowser.text(By.id("thread-pane")).contains("Thanks, I will read it."));
                assertFalse(lastPost(deeBrowser).contains("Thanks"), "a reply stays in its thread");
                eliBrowser.screenshot("channel-thread");

                // Dee reads back to the channel's start, as people do: "Older messages" where it shows, else scrolling up.
                deeBrowser.await(d -> {
                    deeBrowser.script("const older = document.getElementById('older-posts');"
                            + "if (older) { older.click(); } else { document.querySelector('.timeline-scroll').scrollBy(0, -100000); }");
                    return !d.findElements(By.id("timeline-start")).isEmpty();
                });
                assertTrue(deeBrowser.text(By.id("timeline-posts")).contains("seed 0"));

                // And starts a call in the channel: connected, and Eli's page shows it with Dee in it.
                deeBrowser.click(By.id("join-call"));
                deeBrowser.await(d -> "connected".equals(Media.status(deeBrowser)), Media.PATIENCE);
                eliBrowser.await(d -> "A call is in progress".equals(eliBrowser.text(By.id("call-card-title"))));
                eliBrowser.await(d -> eliBrowser.text(By.cssSelector("ul.people[aria-label='In the call']")).contains("Dee Park"));
                deeBrowser.click(By.id("ctl-leave"));
                deeBrowser.await(d -> deeBrowser.call() == null);
            }
        }
    }

    @Test
    void plainHttpFromAnotherMachineSaysCallsNeedHttps() throws Exception {
        InetAddress address = nonLoopbackAddress();
        try (TcpProxy remote = new TcpProxy(new InetSocketAddress(base.getHost(), base.getPort()), address); Browser browser = Browser.start("remote", Browser.DESKTOP)) {
            URL page = remote.through(base);
            browser.open(page.toString());
            assertEquals(Boolean.FALSE, browser.script("return window.isSecureContext"), "a plain HTTP page of another host is not secure");
            String link = browser.attribute(By.id("secure-hint-link"), "href");
            assertEquals("https://" + address.getHostAddress() + base.getPath(), link);
            assertTrue(browser.text(By.id("secure-hint-text")).contains("Calls need a secure connection"));

            String user = api.createUser(api.adminToken(), "fay" + suffix, "system_user");
            String channel = api.createChannel(api.adminToken(), "remote-" + suffix, "O");
            api.addMember(api.adminToken(), channel, user);
            browser.signIn("fay" + suffix, Api.PASSWORD);
            browser.click(By.cssSelector("a[data-key='nav-" + channel + "']"));
            assertEquals("true", browser.attribute(By.id("join-call"), "disabled"), "no call is offered that cannot work");
            browser.screenshot("https-hint");
            List<String> errors = browser.console().stream().filter(l -> l.contains("getUserMedia") || l.contains("Uncaught")).toList();
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    private static void createUser(Browser admin, String username, String displayName) {
        admin.element(By.id("new-username")).sendKeys(username);
        admin.element(By.id("new-display-name")).sendKeys(displayName);
        admin.element(By.id("new-password")).sendKeys(Api.PASSWORD);
        admin.click(By.id("create-user"));
        admin.await(d -> admin.text(By.id("admin-status")).equals("Created " + username + "."));
        admin.await(d -> admin.text(By.id("user-list")).contains("@" + username));
    }

    /** Posts "seed n" for n from first to last (exclusive), as the given user. */
    private void seed(String channel, String token, int first, int last) {
        for (int n = first; n < last; n++) {
            JsonObject post = api.post("posts", token, "{\"channel_id\":\"" + channel + "\",\"message\":\"seed " + n + "\"}")
                    .expect(201).json();
            assertEquals(channel, post.getString("channel_id"));
        }
    }

    private static String lastPost(Browser browser) {
        List<WebElement> posts = browser.driver().findElements(By.cssSelector("#timeline-posts li.post .post-text"));
        return posts.isEmpty() ? "" : posts.get(posts.size() - 1).getText();
    }

    /** This machine's first IPv4 address that is not loopback: a page opened there is "another machine" to the browser. */
    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : nic.inetAddresses().toList()) {
                    if (a instanceof Inet4Address) {
                        return a;
                    }
                }
            }
        }
        throw new AssertionError("this test needs a non-loopback IPv4 address on this machine; none is up");
    }
}
