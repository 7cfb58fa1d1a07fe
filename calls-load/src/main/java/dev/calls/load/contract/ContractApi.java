package dev.calls.load.contract;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import dev.calls.load.signaling.SignalingException;

/**
 * The REST half of the external contract, as far as the load tool needs it: sign-in and sign-out, users
 * and channels created by an administrator (idempotently, so that a scenario can run again on the same
 * server), membership, direct channels, and the media engine's counters. Every request authenticates with
 * {@code Authorization: Bearer}. Thread-safe; blocking.
 */
public final class ContractApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI api;

    /** {@code base} is the context root of the calls web module, e.g. {@code http://host:8080/calls/}. */
    public ContractApi(HttpClient http, URI base) {
        this.http = http;
        this.api = base.resolve("api/v1/");
    }

    /** A signed-in user: the id from the user object and the token from the {@code Token} header. */
    public record SignedIn(String userId, String token) {
    }

    public SignedIn login(String username, String password) throws SignalingException {
        Response response = send("POST", "users/login", null,
                Json.createObjectBuilder().add("login_id", username).add("password", password).build());
        String token = response.token();
        if (response.status() != 200 || token == null) {
            throw response.refusal("sign-in of " + username);
        }
        return new SignedIn(response.object().getString("id"), token);
    }

    public void logout(String token) throws SignalingException {
        send("POST", "users/logout", token, JsonValue.EMPTY_JSON_OBJECT);
    }

    /**
     * Creates a user with the role {@code system_user}, as a system admin. Returns false, and changes
     * nothing, when the username is taken already ({@code 409 api.user.username.exists}).
     */
    public boolean createUser(String adminToken, String username, String password) throws SignalingException {
        Response response = send("POST", "users", adminToken, Json.createObjectBuilder().add("username", username)
                .add("password", password).add("display_name", username).add("roles", "system_user").build());
        if (response.status() == 201) {
            return true;
        }
        if (response.status() == 409) {
            return false;
        }
        throw response.refusal("creating user " + username);
    }

    /**
     * The id of the open channel {@code name}: created by the caller, who becomes its member, or, when the
     * name is taken ({@code 409}), found among the caller's channels.
     */
    public String openChannel(String token, String name) throws SignalingException {
        Response created = send("POST", "channels", token, Json.createObjectBuilder().add("name", name)
                .add("display_name", name).add("type", "O").build());
        if (created.status() == 201) {
            return created.object().getString("id");
        }
        if (created.status() != 409) {
            throw created.refusal("creating channel " + name);
        }
        Response mine = send("GET", "users/me/channels", token, null);
        if (mine.status() != 200) {
            throw mine.refusal("listing channels");
        }
        for (JsonValue channel : mine.array()) {
            JsonObject object = channel.asJsonObject();
            if (name.equals(object.getString("name", null)) && object.get("delete_at") instanceof JsonNumber at
                    && at.longValue() == 0) {
                return object.getString("id");
            }
        }
        throw new SignalingException("channel " + name + " exists but its creator is not this account, or it is archived");
    }

    /** Makes {@code userId} a member of the channel; a member already stays one. */
    public void addMember(String token, String channelId, String userId) throws SignalingException {
        Response response = send("POST", "channels/" + channelId + "/members", token,
                Json.createObjectBuilder().add("user_id", userId).build());
        if (response.status() != 201 && response.status() != 200) {
            throw response.refusal("adding a member to channel " + channelId);
        }
    }

    /** The direct channel of the two users (the same one for the same pair), as one of them. */
    public String directChannel(String token, String userId, String otherUserId) throws SignalingException {
        Response response = send("POST", "channels/direct", token, Json.createArrayBuilder().add(userId).add(otherUserId).build());
        if (response.status() != 201 && response.status() != 200) {
            throw response.refusal("opening the direct channel of " + userId + " and " + otherUserId);
        }
        return response.object().getString("id");
    }

    /** {@code GET /api/v1/system/stats}: the media engine's counters (system admins only). */
    public JsonObject stats(String adminToken) throws SignalingException {
        Response response = send("GET", "system/stats", adminToken, null);
        if (response.status() != 200) {
            throw response.refusal("reading the server's stats");
        }
        return response.object();
    }

    /**
     * One request as it is, for callers that check the contract's edges: any method, a path under
     * {@code api/v1/}, a body sent as JSON (none when null) and headers (name, value, ...); the reply
     * whatever its status.
     */
    public Response exchange(String method, String path, String body, String... headers) throws SignalingException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new SignalingException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalingException(method + " " + path + " interrupted", e);
        }
    }

    private Response send(String method, String path, String token, JsonStructure body) throws SignalingException {
        return exchange(method, path, body == null ? null : body.toString(),
                token == null ? new String[0] : new String[] {"Authorization", "Bearer " + token});
    }

    /** A reply: its status, its body and its headers. */
    public record Response(int status, String body, HttpHeaders headers) {

        /** The first value of the header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The sign-in token a login's reply carries. */
        String token() {
            return header("Token");
        }

        public JsonObject object() throws SignalingException {
            if (parse() instanceof JsonObject object) {
                return object;
            }
            throw new SignalingException("expected a JSON object, got " + body);
        }

        public JsonArray array() throws SignalingException {
            if (parse() instanceof JsonArray array) {
                return array;
            }
            throw new SignalingException("expected a JSON array, got " + body);
        }

        private JsonValue parse() throws SignalingException {
            try {
                return Json.createReader(new StringReader(body)).readValue();
            } catch (JsonException | IllegalStateException e) {
                throw new SignalingException("the server's reply is not JSON: " + body, e);
            }
        }

        /** The contract's error shape {@code {"id", "message", "status_code"}} as an exception. */
        SignalingException refusal(String what) {
            String id = "";
            try {
                JsonObject error = object();
                id = error.getString("id", "") + " (" + error.getString("message", "") + ")";
            } catch (SignalingException | RuntimeException e) {
                id = body;
            }
            return new SignalingException(what + ": HTTP " + status + " " + id);
        }
    }
}
