package dev.calls.load.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.calls.load.signaling.SignalingException;

/**
 * The preparation against a stand-in of the contract's REST API (the JDK's HTTP server): users and
 * channels left by an earlier run are reused, not refused; calls of two get the pair's direct channel;
 * close signs everyone out. The real server is exercised by calls-ear's LoadContractIT.
 */
class ContractPreparationTest {

    private HttpServer server;
    private final Set<String> users = ConcurrentHashMap.newKeySet();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> members = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        users.add("load-1");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/calls/api/v1/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/calls/api/v1/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(exchange.getRequestMethod() + " " + path + " " + auth + " " + body);
        switch (exchange.getRequestMethod() + " " + path) {
            case "POST users/login" -> {
                String login = object(body).getString("login_id");
                exchange.getResponseHeaders().add("Token", "t-" + login);
                reply(exchange, 200, "{\"id\": \"id-" + login + "\"}");
            }
            case "POST users" -> {
                String name = object(body).getString("username");
                if (users.add(name)) {
                    created.add(name);
                    reply(exchange, 201, "{\"id\": \"id-" + name + "\"}");
                } else {
                    reply(exchange, 409, "{\"id\": \"api.user.username.exists\", \"message\": \"taken\", \"status_code\": 409}");
                }
            }
            case "POST channels" -> reply(exchange, 409,
                    "{\"id\": \"api.channel.name.exists\", \"message\": \"exists\", \"status_code\": 409}");
            case "GET users/me/channels" -> reply(exchange, 200, "[{\"id\": \"archived\", \"name\": \"load-call-0\","
                    + " \"delete_at\": 17}, {\"id\": \"kept\", \"name\": \"load-call-0\", \"delete_at\": 0}]");
            case "POST channels/direct" -> reply(exchange, 201, "{\"id\": \"direct\"}");
            case "POST users/logout" -> reply(exchange, 200, "{}");
            default -> {
                if (path.matches("channels/[^/]+/members")) {
                    members.computeIfAbsent(path.split("/")[1], c -> new CopyOnWriteArrayList<>())
                            .add(object(body).getString("user_id"));
                    reply(exchange, 201, "{}");
                } else {
                    reply(exchange, 404, "{\"id\": \"not_found\", \"message\": \"?\", \"status_code\": 404}");
                }
            }
        }
    }

    private static JsonObject object(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private URI base() {
        return ContractSignaling.baseOf("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void anEarlierRunsUsersAndChannelAreReusedAndACallOfTwoUsesTheDirectChannel() throws SignalingException {
        Map<String, List<Integer>> calls = new LinkedHashMap<>();
        calls.put("load-call-0", List.of(0, 1, 2));
        calls.put("load-call-1", List.of(3, 4));
        try (ContractSignaling signaling = new ContractSignaling(base(), "admin", "secret", -1, 2)) {
            signaling.prepare(calls);

            assertEquals(Set.of("load-0", "load-2", "load-3", "load-4"), Set.copyOf(created));
            assertEquals(Set.of("id-load-0", "id-load-1", "id-load-2"), Set.copyOf(members.get("kept")));
            assertEquals(Set.of("kept"), members.keySet());
            String direct = requests.stream().filter(r -> r.startsWith("POST channels/direct")).findFirst().orElseThrow();
            assertTrue(direct.contains("Bearer t-load-3") && direct.contains("\"id-load-3\"") && direct.contains("\"id-load-4\""),
                    direct);
            assertTrue(requests.stream().filter(r -> r.startsWith("POST users ")).allMatch(r -> r.contains("Bearer t-admin")),
                    requests::toString);
            assertThrows(SignalingException.class, () -> signaling.join("load-call-9", 0, null));
        }
        List<String> signedOut = new ArrayList<>();
        requests.stream().filter(r -> r.startsWith("POST users/logout")).forEach(r -> signedOut.add(r.split(" ")[3]));
        assertEquals(Set.of("t-admin", "t-load-0", "t-load-1", "t-load-2", "t-load-3", "t-load-4"), Set.copyOf(signedOut));
    }

    @Test
    void aWrongAdministratorPasswordIsRefusedAtOnce() {
        server.removeContext("/calls/api/v1/");
        server.createContext("/calls/api/v1/", exchange -> reply(exchange, 401,
                "{\"id\": \"api.user.login.invalid_credentials\", \"message\": \"no\", \"status_code\": 401}"));

        SignalingException refusal = assertThrows(SignalingException.class,
                () -> new ContractSignaling(base(), "admin", "wrong", -1, 1));
        assertTrue(refusal.getMessage().contains("401"), refusal.getMessage());
    }
}
