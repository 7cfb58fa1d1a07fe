package dev.calls.ear;

import static dev.calls.ear.SignalingClient.data;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

/**
 * Users, channels and signaling connections for tests that act on calls over the WebSocket, made through
 * the REST API as a client would; closing it closes every connection it opened.
 */
final class SignalingUsers implements AutoCloseable {

    /** A user and a sign-in token of theirs; the system admin's id is not needed, so it may be null. */
    record User(String id, String token) {
    }

    private final URL base;
    private final Api api;
    private final String adminToken;
    private final List<SignalingClient> clients = new ArrayList<>();

    SignalingUsers(URL base) {
        this.base = base;
        this.api = new Api(base);
        this.adminToken = api.adminToken();
    }

    Api api() {
        return api;
    }

    String adminToken() {
        return adminToken;
    }

    /** The system admin as a user that can connect. */
    User admin() {
        return new User(null, adminToken);
    }

    /** A new user with the given role, signed in. */
    User user(String role) {
        String name = "s" + Api.unique();
        String id = api.createUser(adminToken, name, role);
        return new User(id, api.token(name, Api.PASSWORD));
    }

    /** A new open channel of {@code creator} that the members have joined. */
    String channel(User creator, User... members) {
        String channel = api.createChannel(creator.token(), "sig-" + Api.unique(), "O");
        for (User member : members) {
            api.addMember(member.token(), channel, member.id());
        }
        return channel;
    }

    /** A signaling connection of the user, authenticated with their bearer token. */
    SignalingClient connect(User user) {
        SignalingClient client = SignalingClient.connect("c" + clients.size(), base, user.token());
        clients.add(client);
        return client;
    }

    /** The data of a {@code join} of the channel's call. */
    static JsonObject join(String channelId) {
        return data().add("channel_id", channelId).build();
    }

    @Override
    public void close() {
        clients.forEach(SignalingClient::close);
        clients.clear();
    }
}
