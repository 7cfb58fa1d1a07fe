package dev.calls.ear;

import static dev.calls.ear.SignalingClient.data;
import static dev.calls.ear.SignalingUsers.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.calls.ear.SignalingUsers.User;
import dev.calls.media.peer.Poll;

/**
 * The call rules under concurrency, through the deployed server: many members of two channels join at
 * the same instant and later leave at the same instant. Each call admits exactly its cap and refuses
 * everyone else with {@code call_full}; one call starts and ends per channel; every connection hears
 * exactly the admitted sessions join and leave, after the call's start and before its end (but for the
 * starter's join and the last one's leave, which share the start's and the end's transaction), with its
 * events' seq gap-free — whatever order the server's threads happened to run in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignalingConcurrencyIT {

    static final int CAP = 6;
    static final int MEMBERS = 16;

    @Deployment(testable = false, name = CallsEar.NAME)
    static EnterpriseArchive ear() {
        return CallsEar.built();
    }

    @ArquillianResource
    URL base;

    @ArquillianResource
    ManagementClient management;

    private SignalingUsers users;
    private ExecutorService threads;

    @BeforeEach
    void setUp() {
        users = new SignalingUsers(base);
        threads = Executors.newFixedThreadPool(2 * MEMBERS);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        users.close();
    }

    /** A channel with its members' connections. */
    private record Room(String channel, List<SignalingClient> clients) {
    }

    @Test
    void simultaneousJoinsAdmitExactlyTheCapPerCallAndEveryoneHearsTheSameStory() throws Exception {
        List<Room> rooms = List.of(room(), room());
        try (ServerProperty max = ServerProperty.set(management, "calls.maxCallParticipants", String.valueOf(CAP))) {
            List<JsonObject> joins = all(rooms, (room, client) -> client.request("join", join(room.channel())));
            for (int r = 0; r < rooms.size(); r++) {
                Room room = rooms.get(r);
                List<JsonObject> replies = joins.subList(r * MEMBERS, (r + 1) * MEMBERS);
                Set<String> admitted = new HashSet<>();
                for (JsonObject reply : replies) {
                    if ("OK".equals(reply.getString("status"))) {
                        admitted.add(reply.getJsonObject("data").getString("session_id"));
                    } else {
                        assertEquals("call_full", reply.getJsonObject("error").getString("id"), reply.toString());
                    }
                }
                assertEquals(CAP, admitted.size(), "admitted to " + room.channel() + ": " + replies);
                JsonObject state = room.clients().get(0).ok("call_state", data().add("channel_id", room.channel()).build());
                assertEquals(admitted, state.getJsonArray("sessions").stream().map(JsonValue::asJsonObject)
                        .map(s -> s.getString("session_id")).collect(Collectors.toSet()));
                for (SignalingClient client : room.clients()) {
                    awaitCount(client, "user_joined", CAP);
                    assertEquals(admitted, sessionsOf(client, "user_joined"));
                    assertEquals(1, client.events("call_start", d -> true).size());
                    assertEquals(0, between(client.names(), null, "call_start", "user_joined"),
                            "every join, the starter's too, comes after call_start: " + client.names());
                }
            }

            all(rooms, (room, client) -> client.request("leave", data().build()));
            for (Room room : rooms) {
                for (SignalingClient client : room.clients()) {
                    client.awaitEvent("call_end", d -> room.channel().equals(d.getString("channel_id")));
                    assertEquals(sessionsOf(client, "user_joined"), sessionsOf(client, "user_left"));
                    assertEquals(1, client.events("call_end", d -> true).size());
                    assertEquals(0, between(client.names(), "call_end", null, "user_left"),
                            "every leave, the last one's too, comes before call_end: " + client.names());
                    client.assertSeqWithoutGaps();
                }
                assertEquals(JsonValue.NULL, room.clients().get(0).request("call_state",
                        data().add("channel_id", room.channel()).build()).get("data"), "no call runs any more");
            }
        }
    }

    private Room room() {
        List<User> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(users.user("system_user"));
        }
        String channel = users.channel(members.get(0), members.subList(1, MEMBERS).toArray(User[]::new));
        List<SignalingClient> clients = new ArrayList<>();
        members.forEach(m -> clients.add(users.connect(m)));
        return new Room(channel, clients);
    }

    /** Sends the request from every connection of every room at once; the replies in room, then client order. */
    private List<JsonObject> all(List<Room> rooms, RoomRequest request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonObject>> replies = new ArrayList<>();
        for (Room room : rooms) {
            for (SignalingClient client : room.clients()) {
                Callable<JsonObject> send = () -> {
                    start.await();
                    return request.send(room, client);
                };
                replies.add(threads.submit(send));
            }
        }
        start.countDown();
        List<JsonObject> out = new ArrayList<>();
        for (Future<JsonObject> reply : replies) {
            out.add(reply.get());
        }
        return out;
    }

    private interface RoomRequest {
        JsonObject send(Room room, SignalingClient client);
    }

    private static Set<String> sessionsOf(SignalingClient client, String event) {
        List<String> ids = client.events(event, d -> true).stream().map(d -> d.getString("session_id")).toList();
        Set<String> unique = new HashSet<>(ids);
        assertEquals(ids.size(), unique.size(), event + " twice for a session: " + ids);
        return unique;
    }

    /**
     * How many {@code counted} events arrived after {@code from} and before {@code to} (null: the start or
     * the end).
     */
    private static int between(List<String> names, String from, String to, String counted) {
        int start = from == null ? 0 : names.indexOf(from);
        int end = to == null ? names.size() : names.indexOf(to);
        assertTrue(start >= 0 && end >= 0, from + " and " + to + " among " + names);
        return (int) names.subList(start, end).stream().filter(counted::equals).count();
    }

    /** Waits until the connection has received {@code n} events of that name. */
    private static void awaitCount(SignalingClient client, String event, int n) {
        Poll.until(SignalingClient.TIMEOUT, () -> event + " x" + n + " among " + client.names(),
                () -> client.events(event, d -> true).size() >= n ? Boolean.TRUE : null);
    }
}
