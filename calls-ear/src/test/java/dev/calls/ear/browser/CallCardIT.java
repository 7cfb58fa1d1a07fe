package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;

/**
 * A call's card in the channel's timeline, in headless Chromium, as a member who is not in the call sees
 * it: while the call runs it shows who is in it and Join; once everyone left it says "Call ended" with the
 * duration the server recorded and everyone who took part, and the call's chat stays readable from it.
 * And the client is an installable app: Chromium reports no installability error, its manifest and
 * service worker are served as such, and the worker keeps the client's shell.
 */
class CallCardIT extends DeployedEar {

    /** How far the recorded duration may lie outside what this test saw of the call (clocks, event delivery). */
    private static final long SLACK_MS = 2_000;

    private Api api;
    private String ann;
    private String ben;
    private String channel;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        api = new Api(base);
        String admin = api.adminToken();
        String suffix = Api.unique();
        ann = "ann" + suffix;
        ben = "ben" + suffix;
        api.createPerson(admin, ann, "Ann Ito");
        String benId = api.createPerson(admin, ben, "Ben Ruiz");
        String annToken = api.token(ann, Api.PASSWORD);
        channel = api.post("channels", annToken, "{\"name\":\"retro-" + suffix
                + "\",\"display_name\":\"Retro\",\"type\":\"O\"}").expect(201).id();
        api.addMember(annToken, channel, benId);
    }

    @Test
    void theCallsCardRunsThenEndsWithItsDurationParticipantsAndChat() {
        try (Browser annBrowser = Browser.start(ann, Browser.DESKTOP);
             Browser benBrowser = Browser.start(ben, Browser.DESKTOP)) {
            benBrowser.open(base + "#channel/" + channel);
            benBrowser.signIn(ben, Api.PASSWORD);
            benBrowser.click(By.cssSelector("a[data-key='nav-" + channel + "']"));
            benBrowser.element(By.id("timeline-start"));

            long beforeStart = System.currentTimeMillis();
            annBrowser.open(base + "channels/" + channel);
            annBrowser.signIn(ann, Api.PASSWORD);
            annBrowser.await(d -> "connected".equals(Media.status(annBrowser)), Media.PATIENCE);
            long afterStart = System.currentTimeMillis();

            By running = By.cssSelector("#timeline-posts .call-post[data-call-state='running']");
            benBrowser.await(d -> benBrowser.text(running).contains("Ann Ito"));
            benBrowser.screenshot("call-card-running");
            String postId = benBrowser.attribute(By.cssSelector("#timeline-posts li.post:last-child"), "data-post");
            api.post("posts", api.token(ann, Api.PASSWORD), "{\"channel_id\":\"" + channel + "\",\"root_id\":\"" + postId
                    + "\",\"message\":\"Notes: ship on Friday\"}").expect(201);

            // Ben joins from the card (his page then shows the call, not the timeline).
            benBrowser.click(By.cssSelector("button[data-key='call-join-" + postId + "']"));
            benBrowser.await(d -> "connected".equals(Media.status(benBrowser)), Media.PATIENCE);

            long beforeEnd = System.currentTimeMillis();
            annBrowser.click(By.id("ctl-leave"));
            annBrowser.await(d -> annBrowser.call() == null);
            benBrowser.click(By.id("ctl-leave"));
            benBrowser.await(d -> benBrowser.call() == null);
            long afterEnd = System.currentTimeMillis();

            By ended = By.cssSelector("#timeline-posts li[data-post='" + postId + "'] .call-post[data-call-state='ended']");
            benBrowser.await(d -> benBrowser.text(ended).startsWith("Call ended"));
            JsonObject props = callPost(postId).getJsonObject("props");
            long recorded = props.getJsonNumber("end_at").longValue() - props.getJsonNumber("start_at").longValue();
            System.out.printf("call card: recorded duration %d ms, seen between %d and %d ms%n",
                    recorded, beforeEnd - afterStart, afterEnd - beforeStart);
            assertTrue(recorded >= beforeEnd - afterStart - SLACK_MS && recorded <= afterEnd - beforeStart + SLACK_MS,
                    "the recorded duration " + recorded + " ms is the call's");
            assertEquals(clock(recorded), benBrowser.text(By.cssSelector("li[data-post='" + postId + "'] .call-post-duration")));
            String card = benBrowser.text(ended);
            assertTrue(card.contains("Ann Ito") && card.contains("Ben Ruiz"), card);
            assertEquals(2, props.getJsonArray("participants").size());
            assertEquals("last_left", props.getString("ended_reason"));

            benBrowser.click(By.cssSelector("button[data-key='call-chat-" + postId + "']"));
            benBrowser.await(d -> benBrowser.text(By.id("thread-pane")).contains("Notes: ship on Friday"));
            benBrowser.screenshot("call-card-ended");
        }
    }

    @Test
    void chromiumFindsTheAppInstallable() throws Exception {
        try (Browser browser = Browser.start("install", Browser.DESKTOP)) {
            browser.open(base.toString());
            browser.element(By.id("username"));
            Object scope = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "navigator.serviceWorker.ready.then((r) => done(r.scope), (e) => done('failed: ' + e));");
            assertEquals(base.toString(), scope, "the worker covers the app");
            browser.await(d -> Boolean.TRUE.equals(browser.script("return !!navigator.serviceWorker.controller")));

            Map<String, Object> installability = browser.devTools("Page.getInstallabilityErrors", Map.of());
            System.out.println("installability: " + installability);
            assertEquals(List.of(), installability.get("installabilityErrors"));
            Map<String, Object> manifest = browser.devTools("Page.getAppManifest", Map.of());
            assertEquals(List.of(), manifest.get("errors"), String.valueOf(manifest));

            Object cached = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "caches.open('calls-shell-v1').then((c) => c.keys())"
                            + ".then((keys) => done(keys.map((k) => new URL(k.url).pathname)), (e) => done([]));");
            List<?> paths = (List<?>) cached;
            for (String shell : List.of("offline.html", "css/app.css", "js/main.js", "icons/icon-512.png")) {
                assertTrue(paths.contains(base.getPath() + shell), shell + " is kept: " + paths);
            }
            assertTrue(paths.stream().noneMatch(p -> String.valueOf(p).contains("/api/")), "no API answer is kept: " + paths);
        }
        String manifestType = contentType("manifest.webmanifest");
        assertTrue(manifestType.startsWith("application/manifest+json"), manifestType);
        assertTrue(contentType("sw.js").contains("javascript"), contentType("sw.js"));
    }

    /**
     * Started without a connection (the server's address refuses it, as a device offline does), the app shows
     * its "no connection" page from the worker's cache, and its Try again brings the app back once it can.
     */
    @Test
    void anOfflineStartShowsTheNoConnectionPage() {
        try (TcpProxy network = new TcpProxy(base); Browser browser = Browser.start("offline", Browser.DESKTOP)) {
            URL app = network.through(base);
            browser.open(app.toString());
            browser.element(By.id("username"));
            browser.await(d -> Boolean.TRUE.equals(browser.script("return !!navigator.serviceWorker.controller")));

            network.cut();
            browser.open(app.toString());
            browser.await(d -> browser.text(By.id("offline")).contains("No connection"));
            browser.screenshot("offline");

            network.restore();
            browser.element(By.id("offline-retry")).click();
            browser.element(By.id("username"));
        }
    }

    /** The call's root post as the channel's timeline reads it from the REST API. */
    private JsonObject callPost(String postId) {
        JsonObject page = api.get("channels/" + channel + "/posts?per_page=30", api.token(ben, Api.PASSWORD)).expect(200).json();
        return page.getJsonArray("posts").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("id").equals(postId)).findFirst().orElseThrow();
    }

    /** A duration as the card writes it (callsummary.js formatDuration). */
    private static String clock(long ms) {
        long total = Math.max(0, ms / 1000);
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long seconds = total % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, seconds) : String.format("%d:%02d", minutes, seconds);
    }

    private String contentType(String path) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, response.statusCode(), path);
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
