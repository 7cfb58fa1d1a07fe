package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.calls.ear.probe.MediaProbeListener;
import dev.calls.ear.probe.MediaProbeServlet;
import dev.calls.ear.probe.ProbeEvents;
import dev.calls.ear.probe.ProbeOpenAccess;
import dev.calls.media.peer.Poll;
import dev.calls.media.peer.TestPeer;

/**
 * The media engine inside WildFly: a probe module added to the real EAR injects the adapter's connection
 * factory and receives its events through a message-driven bean; two libwebrtc peers join one call
 * through it and hear each other through the SFU, and the engine's metrics move while they do.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MediaAdapterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final URI PROBE = URI.create("http://127.0.0.1:8080/media-probe/");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false, name = CallsEar.NAME)
    static EnterpriseArchive ear() {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "media-probe.war")
                .addClasses(MediaProbeServlet.class, MediaProbeListener.class, ProbeEvents.class, ProbeOpenAccess.class);
        EnterpriseArchive ear = CallsEar.built();
        String application = new String(readApplicationXml(ear))
                .replace("<library-directory>", "<module><web><web-uri>media-probe.war</web-uri>"
                        + "<context-root>/media-probe</context-root></web></module>\n  <library-directory>");
        ear.delete("META-INF/application.xml");
        return ear.addAsModule(probe).setApplicationXML(new StringAsset(application));
    }

    private static byte[] readApplicationXml(EnterpriseArchive ear) {
        try {
            return ear.get("META-INF/application.xml").getAsset().openStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void twoPeersHearEachOtherThroughTheAdapterInWildFlyAndTheMetricsMove() throws Exception {
        Prometheus before = Prometheus.scrape();
        double packetsInBefore = before.value("calls_media_packets_total", "direction=\"in\"");
        double forwardedBefore = before.value("calls_media_forwarding_seconds_count", "");
        try (TestPeer a = new TestPeer("a"); TestPeer b = new TestPeer("b")) {
            Map<String, TestPeer> peers = Map.of("session-a", a, "session-b", b);
            a.sendAudio("session-a", "mic", 440);
            b.sendAudio("session-b", "mic", 1000);
            for (Map.Entry<String, TestPeer> peer : peers.entrySet()) {
                String answer = post("offer/call-1/" + peer.getKey(), peer.getValue().createOffer());
                peer.getValue().applyAnswer(answer);
                post("unmute/" + peer.getKey(), "");
            }

            Set<Integer> answered = new HashSet<>();
            Poll.until(TIMEOUT, () -> "both voices forwarded; events: " + events(), () -> {
                JsonArray events = events();
                for (int i = 0; i < events.size(); i++) {
                    JsonObject event = events.getJsonObject(i);
                    if ("OFFER".equals(event.getString("type")) && answered.add(i)) {
                        String session = event.getString("session");
                        post("answer/" + session, peers.get(session).answer(event.getString("detail")));
                    }
                }
                return a.remoteTracks().size() == 1 && b.remoteTracks().size() == 1 ? Boolean.TRUE : null;
            });

            Hearing.assertHears(a, "session-b", 1000);
            Hearing.assertHears(b, "session-a", 440);
            JsonArray events = events();
            assertEquals(2, events.stream().filter(e -> "CONNECTED".equals(e.asJsonObject().getString("type"))).count(),
                    "each session reported connected through the message-driven bean: " + events);

            // Meters are read at most once a second; a later scrape sees the call.
            Thread.sleep(1100);
            Prometheus during = Prometheus.scrape();
            String lines = during.calls();
            assertEquals(2, during.value("calls_media_sessions", ""), lines);
            assertEquals(1, during.value("calls_media_calls", ""), lines);
            assertTrue(during.value("calls_media_packets_total", "direction=\"in\"") > packetsInBefore + 100, lines);
            assertTrue(during.value("calls_media_packets_total", "direction=\"out\"") > 100, lines);
            assertTrue(during.value("calls_media_bytes_total", "direction=\"out\"") > 100 * 12, lines);
            assertTrue(during.value("calls_media_forwarding_seconds_count", "") > forwardedBefore + 100, lines);
            assertTrue(during.value("calls_media_rtc_connect_seconds_count", "") >= 2, lines);
            assertTrue(during.value("calls_media_rtc_connect_seconds_sum", "") > 0, lines);
            during.value("calls_media_dropped_total", "cause=\"srtp_auth\"");
            assertEquals(0, during.value("calls_media_dropped_total", "cause=\"forward_queue_full\""),
                    "the forwarding threads, run as Work by the adapter, keep up with two peers: " + lines);
            during.value("calls_media_failures_total", "layer=\"dtls\"");

            Api api = new Api(new URL("http://127.0.0.1:8080/calls/"));
            JsonObject stats = api.get("system/stats", api.adminToken()).expect(200).json();
            assertEquals(2, stats.getInt("sessions"), stats.toString());
            assertTrue(stats.getJsonNumber("packets_in").longValue() > 100, stats.toString());
            assertTrue(stats.getJsonObject("forwarding").getJsonNumber("count").longValue() > 100, stats.toString());
            assertEquals(0, stats.getJsonObject("dropped").getJsonNumber("forward_queue_full").longValue(),
                    stats.toString());
        }
    }

    private static JsonArray events() {
        return Json.createReader(new StringReader(send(HttpRequest.newBuilder(PROBE.resolve("events")).GET()))).readArray();
    }

    private static String post(String path, String body) {
        return send(HttpRequest.newBuilder(PROBE.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
