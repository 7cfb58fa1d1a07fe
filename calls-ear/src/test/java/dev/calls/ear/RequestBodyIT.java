package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are bounded before they are parsed, in one place for every route: too large is 413, too
 * deep is 400, not JSON is 415, each with the contract's JSON error and at most one log line, while
 * everyone else keeps signing in.
 */
class RequestBodyIT extends DeployedEar {

    /** The size of the review's out-of-memory attack. */
    private static final long HUGE = 9_800_000;

    private Api api;
    private RawHttp attacker;
    private String admin;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        attacker = new RawHttp(base, "127.0.0.2");
        admin = api.adminToken();
    }

    @Test
    void deeplyNestedLoginBodiesAre400WithoutAStackTrace() {
        String nested = "[".repeat(1000) + "{}" + "]".repeat(1000);
        ServerLog log = ServerLog.mark();
        for (int i = 0; i < 20; i++) {
            Api.Reply reply = api.post("users/login", null, nested).expect(400);
            assertEquals("api.context.invalid_body_param", reply.id());
        }
        api.post("channels", admin, "{\"name\":" + nested + "}").expect(400);
        api.token("admin", Api.ADMIN_PASSWORD);
        String written = log.since();
        assertFalse(written.contains("\tat "), "no stack trace: " + written);
        assertTrue(written.lines().count() <= 21 + 5, "a line per request at most: " + written);
    }

    @Test
    void aLoginBodyDeclaredHugeIsRefusedFromItsLength() {
        ServerLog log = ServerLog.mark();
        Api.Reply reply = attacker.send("POST", "users/login",
                List.of("Content-Type: application/json", "Content-Length: " + HUGE), RawHttp.filler(1024)).expect(413);
        assertEquals("api.context.body_too_large", reply.id());
        assertEquals(1, log.linesWith("Refused a request body over"));
        api.token("admin", Api.ADMIN_PASSWORD);
    }

    @Test
    void hugeBodiesSentAtOnceAreRefusedAndSignInKeepsWorking() throws Exception {
        ServerLog log = ServerLog.mark();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> floods = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String path = i % 2 == 0 ? "users/login" : "channels";
                List<String> headers = i % 2 == 0
                        ? List.of("Content-Type: application/json", "Transfer-Encoding: chunked")
                        : List.of("Content-Type: application/json", "Transfer-Encoding: chunked", "Authorization: Bearer " + admin);
                floods.add(pool.submit(() -> attacker.send("POST", path, headers, RawHttp.chunkedFiller(HUGE)).status()));
            }
            api.token("admin", Api.ADMIN_PASSWORD);
            for (Future<Integer> flood : floods) {
                try {
                    assertEquals(413, flood.get());
                } catch (ExecutionException e) {
                    // the server may close a connection it refused while the body still comes: also refused
                    assertTrue(e.getCause() instanceof UncheckedIOException, e.toString());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        api.token("admin", Api.ADMIN_PASSWORD);
        String written = log.since();
        assertFalse(written.contains("OutOfMemoryError"), written);
        assertFalse(written.contains("\tat "), "no stack trace: " + written);
    }

    @Test
    void bodiesUnderTheGeneralCapPassAndLargerOnesAre413() {
        String name = "big-" + Api.unique();
        String padding = "x".repeat(60_000);
        api.post("channels", admin, "{\"name\":\"" + name + "\",\"display_name\":\"B\",\"type\":\"O\",\"pad\":\"" + padding + "\"}")
                .expect(201);
        api.post("channels", admin, "{\"name\":\"" + name + "x\",\"display_name\":\"B\",\"type\":\"O\",\"pad\":\""
                + padding + padding + "\"}").expect(413);
        api.post("users/login", null, "{\"login_id\":\"admin\",\"password\":\"" + Api.ADMIN_PASSWORD + "\",\"pad\":\""
                + "x".repeat(5000) + "\"}").expect(413);
    }

    /** A page on another site can post a form or text/plain to any URL without asking (login CSRF); JSON it cannot. */
    @Test
    void signInAndChangesTakeOnlyJson() {
        String login = "{\"login_id\":\"admin\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}";
        for (String type : List.of("text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "*/*", "application/*", "application/json; charset=x",
                "application/json; charset=UTF-16")) {
            assertEquals("api.context.unsupported_media_type", attacker.post("users/login", type, login).expect(415).id(), type);
        }
        assertEquals("api.context.unsupported_media_type", attacker.post("users/login", null, login).expect(415).id());
        String channel = "{\"name\":\"pl-" + Api.unique() + "\",\"display_name\":\"P\",\"type\":\"O\"}";
        attacker.send("POST", "channels", List.of("Content-Type: text/plain", "Content-Length: " + channel.length(),
                "Authorization: Bearer " + admin), out -> out.write(channel.getBytes(StandardCharsets.UTF_8))).expect(415);
        attacker.post("users/login", "application/json; charset=UTF-8", login).expect(200);
        api.token("admin", Api.ADMIN_PASSWORD);
    }

    @Test
    void aMalformedContentTypeIsAJsonError() {
        String login = "{\"login_id\":\"admin\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}";
        for (String type : List.of("/", "application", "application/json; charset=\"x", ";;", "a/b/c")) {
            Api.Reply reply = attacker.post("users/login", type, login);
            assertTrue(reply.status() == 400 || reply.status() == 415, type + " → " + reply.status() + " " + reply.body());
            reply.expect(reply.status());
        }
        assertEquals("api.context.invalid_content_type", attacker.send("GET", "users/me",
                List.of("Accept: /", "Authorization: Bearer " + admin), out -> { }).expect(400).id());
        api.token("admin", Api.ADMIN_PASSWORD);
    }
}
