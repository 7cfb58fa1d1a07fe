package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.calls.ear.Api;
import dev.calls.ear.CallsEar;

/**
 * Three headless Chromium browsers (fake microphone and screen) join one group message's call through its
 * link and talk through the server: each receives the other two voices (inbound RTP packets growing,
 * audio energy above zero, each remote voice playing in an audio element); a muted voice stops arriving;
 * a shared screen is decoded by the others; a raised hand and a chat message show up in the other
 * browsers; the call goes on in the widget while one of them looks at another channel.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallMediaIT {

    private static final Duration MEDIA = Duration.ofSeconds(30);

    @Deployment(testable = false, name = CallsEar.NAME)
    static EnterpriseArchive ear() {
        return CallsEar.built();
    }

    @ArquillianResource
    URL base;

    @Test
    void threeBrowsersHearEachOtherSeeTheScreenHandsAndChat() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        Api api = new Api(base);
        String admin = api.adminToken();
        String suffix = Api.unique();
        List<String> names = List.of("amy" + suffix, "bo" + suffix, "cy" + suffix);
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            ids.add(api.createUser(admin, name, "system_user"));
        }
        String amyToken = api.token(names.get(0), Api.PASSWORD);
        String group = api.post("channels/group", amyToken, "[\"" + String.join("\",\"", ids) + "\"]").expect(201).id();
        String elsewhere = api.createChannel(api.token(names.get(1), Api.PASSWORD), "side-" + suffix, "O");

        List<Browser> browsers = new ArrayList<>();
        try {
            // The third participant is on a phone: the phone layout, and no screen sharing offered.
            for (int i = 0; i < 3; i++) {
                Browser browser = Browser.start(names.get(i), i == 2 ? Browser.PHONE : Browser.DESKTOP);
                browsers.add(browser);
                browser.open(base + "channels/" + group);
                browser.signIn(names.get(i), Api.PASSWORD);
                browser.await(d -> "connected".equals(status(browser)), MEDIA);
            }
            Browser amy = browsers.get(0);
            Browser bo = browsers.get(1);
            Browser cy = browsers.get(2);
            List<String> sessions = browsers.stream().map(b -> (String) b.call().get("sessionId")).toList();
            for (Browser browser : browsers) {
                assertTrue(browser.console().stream().anyMatch(line -> line.contains("rtc: connected")), browser.name);
                assertEquals(Boolean.FALSE, browser.call().get("muted"), "group messages start unmuted");
            }

            // Everyone hears the two others through the server.
            for (int i = 0; i < 3; i++) {
                Browser browser = browsers.get(i);
                for (int j = 0; j < 3; j++) {
                    if (i != j) {
                        assertHears(browser, sessions.get(j));
                    }
                }
            }
            amy.element(By.cssSelector("#participants li[data-session='" + sessions.get(2) + "']"));
            amy.screenshot("call-desktop");
            cy.screenshot("call-phone");
            assertTrue(cy.driver().findElements(By.id("ctl-share")).isEmpty(), "no screen sharing on a phone");

            // Cy mutes: the server stops forwarding that voice, and the others show Cy muted.
            cy.click(By.id("ctl-mute"));
            cy.await(d -> Boolean.TRUE.equals(cy.call().get("muted")));
            String cyTile = "#participants li[data-session='" + sessions.get(2) + "']";
            for (Browser listener : List.of(amy, bo)) {
                listener.await(d -> listener.element(By.cssSelector(cyTile)).getAttribute("class").contains("muted"));
                awaitSilence(listener, "voice_" + sessions.get(2));
            }
            assertHears(amy, sessions.get(1));

            // Bo raises a hand; the others see it.
            bo.click(By.id("ctl-hand"));
            String boTile = "#participants li[data-session='" + sessions.get(1) + "']";
            for (Browser watcher : List.of(amy, cy)) {
                watcher.await(d -> watcher.element(By.cssSelector(boTile)).getAttribute("class").contains("hand"));
            }
            assertTrue(amy.element(By.cssSelector(boTile)).getAttribute("textContent").contains("hand raised"));

            // Amy writes in the call's chat; the others read it.
            String message = "Agenda in the doc " + suffix;
            WebElement input = amy.element(By.id("chat-input"));
            input.sendKeys(message);
            amy.click(By.id("chat-send"));
            bo.await(d -> bo.element(By.id("chat-posts")).getText().contains(message));
            cy.click(By.id("ctl-chat"));
            cy.await(d -> cy.element(By.id("chat-posts")).getText().contains(message));
            cy.screenshot("chat-phone");
            cy.click(By.id("ctl-chat"));

            // Amy shares her screen (the fake capture); Bo and Cy decode it.
            amy.click(By.id("ctl-share"));
            for (Browser viewer : List.of(bo, cy)) {
                viewer.await(d -> framesDecoded(viewer, "screen_" + sessions.get(0)) > 0, MEDIA);
                viewer.await(d -> viewer.element(By.id("screen-video")).isDisplayed());
            }
            bo.await(d -> ((Number) bo.script("return document.getElementById('screen-video').videoWidth")).intValue() > 0);
            bo.screenshot("screen-share-desktop");

            // Bo looks at another channel: the widget keeps the call, which goes on.
            bo.open(base + "#channel/" + elsewhere);
            WebElement widget = bo.element(By.id("widget"));
            assertTrue(widget.getText().contains("Call in"), widget.getText());
            assertEquals("connected", status(bo));
            assertHears(bo, sessions.get(0));
            bo.screenshot("widget-desktop");
        } finally {
            for (Browser browser : browsers) {
                browser.close();
            }
        }
    }

    private static String status(Browser browser) {
        Map<String, Object> call = browser.call();
        return call == null ? null : (String) call.get("status");
    }

    /** The listener receives the speaker's voice: packets growing, energy above zero, an element playing it. */
    private static void assertHears(Browser listener, String speakerSession) {
        String track = "voice_" + speakerSession;
        listener.await(d -> energy(listener, track) > 0, MEDIA);
        long before = packets(listener, track);
        listener.await(d -> packets(listener, track) > before, MEDIA);
        listener.await(d -> remoteAudioPlaying(listener, track));
    }

    /** Waits until no more packets of the track arrive: two readings a second apart are equal. */
    private static void awaitSilence(Browser listener, String track) {
        long[] last = {-1};
        listener.await(d -> {
            long now = packets(listener, track);
            boolean still = now == last[0];
            last[0] = now;
            if (!still) {
                sleep(1000);
            }
            return still;
        }, MEDIA);
        long settled = packets(listener, track);
        sleep(2000);
        assertEquals(settled, packets(listener, track), "a muted voice is not forwarded");
    }

    private static boolean remoteAudioPlaying(Browser listener, String track) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> audio = (List<Map<String, Object>>) listener.call().get("remoteAudio");
        return audio.stream().anyMatch(a -> track.equals(a.get("track"))
                && Boolean.TRUE.equals(a.get("attached")) && Boolean.FALSE.equals(a.get("paused")));
    }

    private static Map<String, Object> inbound(Browser browser, String track) {
        return browser.inbound().stream().filter(s -> Objects.equals(track, s.get("trackIdentifier")))
                .findFirst().orElse(Map.of());
    }

    private static long packets(Browser browser, String track) {
        return ((Number) inbound(browser, track).getOrDefault("packetsReceived", 0)).longValue();
    }

    private static double energy(Browser browser, String track) {
        return ((Number) inbound(browser, track).getOrDefault("totalAudioEnergy", 0)).doubleValue();
    }

    private static long framesDecoded(Browser browser, String track) {
        return ((Number) inbound(browser, track).getOrDefault("framesDecoded", 0)).longValue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
