package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import dev.calls.load.contract.ContractApi;
import dev.calls.load.signaling.SignalingException;

/**
 * The contract's REST API as a test sees it, over the load tool's {@link ContractApi}: real HTTP requests
 * with bearer tokens or cookies, and replies whose status and error shape are checked.
 */
public final class Api {

    /** The admin password the suite's servers start with: failsafe hands it to them in this environment variable. */
    public static final String ADMIN_PASSWORD = System.getenv().getOrDefault("CALLS_ADMIN_PASSWORD", "admin-test-password");
    public static final String PASSWORD = "test-password-1";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final ContractApi contract;

    public Api(URL base) {
        this.contract = new ContractApi(CLIENT, URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"));
    }

    public record Reply(int status, String body, HttpHeaders headers) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        public String id() {
            return json().getString("id");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Asserts the status and, for errors, the contract's error shape. */
        public Reply expect(int expected) {
            assertEquals(expected, status, body);
            if (expected >= 400) {
                JsonObject error = json();
                assertEquals(expected, error.getInt("status_code"), body);
                error.getString("id");
                error.getString("message");
            }
            return this;
        }

        /** Asserts the contract's refusal on an unavailable database: the JSON error, never HTML, with a Retry-After. */
        public Reply expectDatabaseUnavailable() {
            expect(503);
            assertEquals("database_unavailable", id(), body);
            assertTrue(header("Content-Type").startsWith("application/json"), header("Content-Type"));
            assertEquals("5", header("Retry-After"), body);
            return this;
        }
    }

    public Reply send(String method, String path, String token, String body) {
        return sendWith(method, path, body, token == null ? new String[0] : new String[] {"Authorization", "Bearer " + token});
    }

    public Reply sendWith(String method, String path, String body, String... headers) {
        try {
            ContractApi.Response response = contract.exchange(method, path, body, headers);
            return new Reply(response.status(), response.body(), response.headers());
        } catch (SignalingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Reply post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    public Reply put(String path, String token, String body) {
        return send("PUT", path, token, body);
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public Reply login(String username, String password) {
        return post("users/login", null, "{\"login_id\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    public String token(String username, String password) {
        Reply reply = login(username, password).expect(200);
        return reply.header("Token");
    }

    public String adminToken() {
        return token("admin", ADMIN_PASSWORD);
    }

    /** Creates a user as admin; returns its id. */
    public String createUser(String adminToken, String username, String roles) {
        return post("users", adminToken, "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":\"" + roles + "\"}").expect(201).id();
    }

    /** Creates a system user with a display name, as the client shows people, as admin; returns its id. */
    public String createPerson(String adminToken, String username, String displayName) {
        return post("users", adminToken, "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"display_name\":\"" + displayName + "\",\"roles\":\"system_user\"}").expect(201).id();
    }

    /** Creates a channel as the given user; returns its id. */
    public String createChannel(String token, String name, String type) {
        return post("channels", token, "{\"name\":\"" + name + "\",\"display_name\":\"" + name + "\",\"type\":\"" + type + "\"}")
                .expect(201).id();
    }

    public void addMember(String token, String channelId, String userId) {
        post("channels/" + channelId + "/members", token, "{\"user_id\":\"" + userId + "\"}").expect(201);
    }

    /** A suffix that keeps names unique across test classes sharing one server and database. */
    public static String unique() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            out.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A well-formed id that names nothing. */
    public static final String UNKNOWN_ID = "aaaaaaaaaaaaaaaaaaaaaaaaaa";
}
