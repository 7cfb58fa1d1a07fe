package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks every row of the contract's access tables through the real REST API, each with callers who may
 * and callers who may not: a member, a non-member, a guest member and a guest outsider, a deactivated
 * user, a system admin, in open, private, archived and calls-disabled channels. (Joining a call is a
 * WebSocket action; the join rule's REST-visible parts — call state, link, switch — are walked here,
 * and the rule itself, call full included, by CallAccessPolicyTest.)
 */
class PermissionMatrixIT extends DeployedEar {

    /** The cast, created once for the class. */
    static final class World {
        String suffix;
        String admin;
        String owner, ownerId;
        String member, memberId;
        String outsider, outsiderId;
        String guest, guestId;
        String guestOut, guestOutId;
        String gone, goneId;
        String open, priv, archived, disabled;
    }

    private static World w;
    private Api api;

    @BeforeEach
    void world() {
        api = new Api(base);
        if (w != null) {
            return;
        }
        World x = new World();
        x.suffix = Api.unique();
        x.admin = api.adminToken();
        x.ownerId = api.createUser(x.admin, "owner" + x.suffix, "system_user");
        x.memberId = api.createUser(x.admin, "member" + x.suffix, "system_user");
        x.outsiderId = api.createUser(x.admin, "outsider" + x.suffix, "system_user");
        x.guestId = api.createUser(x.admin, "guest" + x.suffix, "system_guest");
        x.guestOutId = api.createUser(x.admin, "guestout" + x.suffix, "system_guest");
        x.goneId = api.createUser(x.admin, "gone" + x.suffix, "system_user");
        x.owner = api.token("owner" + x.suffix, Api.PASSWORD);
        x.member = api.token("member" + x.suffix, Api.PASSWORD);
        x.outsider = api.token("outsider" + x.suffix, Api.PASSWORD);
        x.guest = api.token("guest" + x.suffix, Api.PASSWORD);
        x.guestOut = api.token("guestout" + x.suffix, Api.PASSWORD);
        x.gone = api.token("gone" + x.suffix, Api.PASSWORD);

        x.open = api.createChannel(x.owner, "open-" + x.suffix, "O");
        x.priv = api.createChannel(x.owner, "priv-" + x.suffix, "P");
        x.archived = api.createChannel(x.owner, "arch-" + x.suffix, "O");
        x.disabled = api.createChannel(x.owner, "off-" + x.suffix, "O");
        for (String channel : List.of(x.open, x.priv, x.archived, x.disabled)) {
            api.addMember(x.owner, channel, x.memberId);
            api.addMember(x.owner, channel, x.goneId);
        }
        api.addMember(x.owner, x.open, x.guestId);
        api.addMember(x.owner, x.priv, x.guestId);
        api.post("calls/channels/" + x.disabled, x.owner, "{\"enabled\":false}").expect(200);
        api.delete("channels/" + x.archived, x.owner).expect(200);
        api.put("users/" + x.goneId + "/active", x.admin, "{\"active\":false}").expect(200);
        w = x;
    }

    @Test
    void createUser() {
        String body = "{\"username\":\"made" + w.suffix + "\",\"password\":\"" + Api.PASSWORD + "\"}";
        api.post("users", w.member, body).expect(403);
        api.post("users", w.guest, body).expect(403);
        api.post("users", w.gone, body).expect(401);
        api.post("users", null, body).expect(401);
        JsonObject made = api.post("users", w.admin, body).expect(201).json();
        assertEquals("system_user", made.getString("roles"));
        assertEquals(0, made.getJsonNumber("delete_at").longValue());
    }

    @Test
    void listUsers() {
        assertFalse(api.get("users?page=0&per_page=60", w.member).expect(200).array().isEmpty());
        api.get("users", w.guest).expect(403);
        api.get("users", w.gone).expect(401);
        api.get("users", null).expect(401);
    }

    @Test
    void deactivateUser() {
        String victim = api.createUser(w.admin, "victim" + w.suffix, "system_user");
        api.put("users/" + victim + "/active", w.member, "{\"active\":false}").expect(403);
        api.put("users/" + victim + "/active", w.guest, "{\"active\":false}").expect(403);
        JsonObject user = api.put("users/" + victim + "/active", w.admin, "{\"active\":false}").expect(200).json();
        assertTrue(user.getJsonNumber("delete_at").longValue() > 0);
    }

    @Test
    void createChannel() {
        api.createChannel(w.member, "made-" + w.suffix, "P");
        api.post("channels", w.guest, "{\"name\":\"g-" + w.suffix + "\",\"display_name\":\"G\",\"type\":\"O\"}").expect(403);
        api.post("channels", w.gone, "{\"name\":\"d-" + w.suffix + "\",\"display_name\":\"D\",\"type\":\"O\"}").expect(401);
        JsonObject mine = api.get("users/me/channels", w.member).expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(c -> c.getString("name").equals("made-" + w.suffix)).findFirst().orElseThrow();
        assertEquals("P", mine.getString("type"));
    }

    @Test
    void creatorIsChannelAdmin() {
        String channel = api.createChannel(w.member, "mine-" + w.suffix, "O");
        api.addMember(w.member, channel, w.outsiderId);
        api.delete("channels/" + channel + "/members/" + w.outsiderId, w.member).expect(200);
    }

    @Test
    void directMessage() {
        String pair = "[\"" + w.memberId + "\",\"" + w.outsiderId + "\"]";
        JsonObject first = api.post("channels/direct", w.member, pair).expect(201).json();
        assertEquals("D", first.getString("type"));
        JsonObject again = api.post("channels/direct", w.outsider, pair).expect(200).json();
        assertEquals(first.getString("id"), again.getString("id"), "the same pair has one direct channel");
        api.post("channels/direct", w.owner, pair).expect(403);
        api.post("channels/direct", w.guest, "[\"" + w.guestId + "\",\"" + w.memberId + "\"]").expect(201);
        api.get("channels/" + first.getString("id"), w.owner).expect(403);
        api.get("channels/" + first.getString("id"), w.outsider).expect(200);
    }

    /**
     * Attack: a user names a private channel like a group message (the hex SHA-1 of its sorted member ids,
     * the reference product's group name) before the group is opened. The group is found by its members,
     * so its members get their own channel and the squatter reads nothing of it.
     */
    @Test
    void aGroupMessageCannotBeSquattedByAChannelName() throws Exception {
        List<String> ids = Stream.of("a", "b", "c")
                .map(p -> api.createUser(w.admin, "sq" + p + w.suffix, "system_user")).sorted().toList();
        String a = api.token("sqa" + w.suffix, Api.PASSWORD);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(String.join(",", ids).getBytes(StandardCharsets.UTF_8)));
        String squat = api.createChannel(w.outsider, hash, "P");
        api.post("channels", w.outsider, "{\"name\":\"gm__" + hash + "\",\"display_name\":\"G\",\"type\":\"P\"}")
                .expect(400);

        String list = "[\"" + String.join("\",\"", ids) + "\"]";
        JsonObject group = api.post("channels/group", a, list).expect(201).json();
        assertTrue(!squat.equals(group.getString("id")) && "G".equals(group.getString("type")), group.toString());
        assertEquals(group.getString("id"), api.post("channels/group", a, list).expect(200).id());
        api.get("channels/" + group.getString("id"), w.outsider).expect(403);
        api.post("posts", w.outsider, "{\"channel_id\":\"" + group.getString("id") + "\",\"message\":\"hi\"}").expect(403);
        api.post("posts", a, "{\"channel_id\":\"" + group.getString("id") + "\",\"message\":\"ours\"}").expect(201);
        api.get("channels/" + squat, w.outsider).expect(200);
        api.get("channels/" + squat, a).expect(403);
    }

    @Test
    void groupMessage() {
        String three = "[\"" + w.memberId + "\",\"" + w.outsiderId + "\",\"" + w.ownerId + "\"]";
        JsonObject first = api.post("channels/group", w.member, three).expect(201).json();
        assertEquals("G", first.getString("type"));
        assertEquals(first.getString("id"), api.post("channels/group", w.owner, three).expect(200).id());
        api.post("channels/group", w.guest, three).expect(403);
        api.post("channels/group", w.member, "[\"" + w.memberId + "\",\"" + w.outsiderId + "\"]").expect(400);
        api.get("channels/" + first.getString("id"), w.guestOut).expect(403);
        List<String> members = api.get("channels/" + first.getString("id") + "/members", w.outsider).expect(200).array()
                .stream().map(v -> v.asJsonObject().getString("user_id")).sorted().toList();
        assertEquals(Stream.of(w.memberId, w.outsiderId, w.ownerId).sorted().toList(), members);
        api.get("channels/" + first.getString("id") + "/members", w.guestOut).expect(403);
    }

    @Test
    void viewChannel() {
        api.get("channels/" + w.open, w.outsider).expect(200);
        api.get("channels/" + w.open, w.guest).expect(200);
        api.get("channels/" + w.open, w.guestOut).expect(403);
        api.get("channels/" + w.priv, w.member).expect(200);
        api.get("channels/" + w.priv, w.guest).expect(200);
        api.get("channels/" + w.priv, w.outsider).expect(403);
        api.get("channels/" + w.priv, w.gone).expect(401);
        api.get("channels/" + w.priv + "/members", w.member).expect(200);
        api.get("channels/" + w.priv + "/members", w.outsider).expect(403);
        api.get("channels/" + w.open + "/members?per_page=1", w.outsider).expect(200);
        JsonObject archived = api.get("channels/" + w.archived, w.member).expect(200).json();
        assertTrue(archived.getJsonNumber("delete_at").longValue() > 0, "archiving sets delete_at");
    }

    @Test
    void myChannels() {
        List<String> mine = api.get("users/me/channels", w.guest).expect(200).array().stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertTrue(mine.containsAll(List.of(w.open, w.priv)), mine.toString());
        assertFalse(mine.contains(w.disabled));
        api.get("users/me/channels", null).expect(401);
    }

    @Test
    void addMemberToOpenChannel() {
        String channel = api.createChannel(w.owner, "join-" + w.suffix, "O");
        api.post("channels/" + channel + "/members", w.outsider, "{\"user_id\":\"" + w.memberId + "\"}").expect(403);
        api.post("channels/" + channel + "/members", w.guestOut, "{\"user_id\":\"" + w.guestOutId + "\"}").expect(403);
        api.post("channels/" + channel + "/members", w.outsider, "{\"user_id\":\"" + w.outsiderId + "\"}").expect(201);
        api.post("channels/" + channel + "/members", w.outsider, "{\"user_id\":\"" + w.memberId + "\"}").expect(201);
        api.addMember(w.owner, channel, w.guestId);
        api.post("channels/" + channel + "/members", w.guest, "{\"user_id\":\"" + w.guestOutId + "\"}").expect(403);
        api.post("channels/" + channel + "/members", w.owner, "{\"user_id\":\"" + w.goneId + "\"}").expect(400);
    }

    @Test
    void addMemberToPrivateChannel() {
        String channel = api.createChannel(w.owner, "pjoin-" + w.suffix, "P");
        api.post("channels/" + channel + "/members", w.outsider, "{\"user_id\":\"" + w.outsiderId + "\"}").expect(403);
        api.post("channels/" + channel + "/members", w.admin, "{\"user_id\":\"" + w.outsiderId + "\"}").expect(403);
        api.addMember(w.owner, channel, w.memberId);
        api.post("channels/" + channel + "/members", w.member, "{\"user_id\":\"" + w.outsiderId + "\"}").expect(201);
        api.get("channels/" + channel, w.outsider).expect(200);
    }

    @Test
    void addMemberToArchivedOrConversationChannel() {
        api.post("channels/" + w.archived + "/members", w.owner, "{\"user_id\":\"" + w.outsiderId + "\"}").expect(403);
        String direct = api.post("channels/direct", w.owner, "[\"" + w.ownerId + "\",\"" + w.memberId + "\"]").json().getString("id");
        api.post("channels/" + direct + "/members", w.owner, "{\"user_id\":\"" + w.outsiderId + "\"}").expect(400);
    }

    @Test
    void removeMember() {
        String channel = api.createChannel(w.owner, "rm-" + w.suffix, "O");
        for (String user : List.of(w.memberId, w.outsiderId, w.guestId)) {
            api.addMember(w.owner, channel, user);
        }
        api.delete("channels/" + channel + "/members/" + w.outsiderId, w.member).expect(403);
        api.delete("channels/" + channel + "/members/" + w.memberId, w.member).expect(200);
        api.delete("channels/" + channel + "/members/" + w.outsiderId, w.owner).expect(200);
        api.delete("channels/" + channel + "/members/" + w.guestId, w.admin).expect(200);
        api.delete("channels/" + channel + "/members/" + w.guestId, w.admin).expect(404);
        api.get("channels/" + channel, w.guest).expect(403);
    }

    @Test
    void archiveChannel() {
        String byOwner = api.createChannel(w.owner, "ar1-" + w.suffix, "P");
        api.addMember(w.owner, byOwner, w.memberId);
        api.delete("channels/" + byOwner, w.member).expect(403);
        api.delete("channels/" + byOwner, w.outsider).expect(403);
        api.delete("channels/" + byOwner, w.owner).expect(200);
        api.delete("channels/" + byOwner, w.owner).expect(403);
        String byAdmin = api.createChannel(w.owner, "ar2-" + w.suffix, "O");
        assertTrue(api.delete("channels/" + byAdmin, w.admin).expect(200).json().getJsonNumber("delete_at").longValue() > 0);
    }

    @Test
    void callsConfig() {
        JsonObject config = api.get("calls/config", w.guest).expect(200).json();
        assertFalse(config.getJsonArray("ice_servers").isEmpty());
        config.getBoolean("allow_screen_sharing");
        config.getInt("max_call_participants");
        config.getBoolean("default_enabled");
        config.getBoolean("enable_ringing");
        api.get("calls/config", null).expect(401);
        api.get("calls/config", w.gone).expect(401);
    }

    @Test
    void channelCallState() {
        JsonObject state = api.get("calls/channels/" + w.open, w.member).expect(200).json();
        assertEquals(w.open, state.getString("channel_id"));
        assertTrue(state.getBoolean("enabled"));
        assertEquals(JsonValue.NULL, state.get("call"));
        api.get("calls/channels/" + w.priv, w.guest).expect(200);
        api.get("calls/channels/" + w.open, w.outsider).expect(403);
        api.get("calls/channels/" + w.priv, w.guestOut).expect(403);
        api.get("calls/channels/" + w.open, w.gone).expect(401);
        assertFalse(api.get("calls/channels/" + w.disabled, w.member).expect(200).json().getBoolean("enabled"));
        api.get("calls/channels/" + Api.UNKNOWN_ID, w.member).expect(404);
    }

    @Test
    void switchCalls() {
        String channel = api.createChannel(w.owner, "sw-" + w.suffix, "O");
        api.addMember(w.owner, channel, w.memberId);
        api.post("calls/channels/" + channel, w.member, "{\"enabled\":false}").expect(403);
        api.post("calls/channels/" + channel, w.outsider, "{\"enabled\":false}").expect(403);
        api.post("calls/channels/" + channel, w.owner, "{\"enabled\":false}").expect(200);
        assertFalse(api.get("calls/channels/" + channel, w.member).json().getBoolean("enabled"));
        api.post("calls/channels/" + channel, w.admin, "{\"enabled\":true}").expect(200);
        assertTrue(api.get("calls/channels/" + channel, w.member).json().getBoolean("enabled"));
        api.post("calls/channels/" + w.archived, w.owner, "{\"enabled\":true}").expect(403);
    }

    @Test
    void callLink() {
        String url = api.get("calls/channels/" + w.priv + "/link", w.guest).expect(200).json().getString("url");
        assertTrue(url.endsWith("/calls/channels/" + w.priv), url);
        assertEquals(url, api.get("calls/channels/" + w.priv + "/link", w.member).json().getString("url"), "stable per channel");
        api.get("calls/channels/" + w.priv + "/link", w.outsider).expect(403);
        api.get("calls/channels/" + w.open + "/link", w.outsider).expect(403);
        assertEquals("channel_archived", api.get("calls/channels/" + w.archived + "/link", w.member).expect(403).id());
        api.get("calls/channels/" + w.priv + "/link", w.gone).expect(401);
    }

    @Test
    void activeCallsAndHistory() {
        api.get("calls", w.member).expect(200).array();
        api.get("calls", null).expect(401);
        assertTrue(api.get("calls/history?channel_id=" + w.open, w.member).expect(200).array().isEmpty());
        api.get("calls/history?channel_id=" + w.open, w.outsider).expect(403);
        api.get("calls/history?channel_id=" + w.priv, w.guestOut).expect(403);
        api.get("calls/history", w.member).expect(400);
    }

    @Test
    void hostActionsNeedARunningCall() {
        for (String action : List.of("make", "mute", "mute-others", "screen-off", "lower-hand", "remove", "end")) {
            String body = "{\"new_host_id\":\"" + w.memberId + "\",\"session_id\":\"" + Api.UNKNOWN_ID + "\"}";
            api.post("calls/" + Api.UNKNOWN_ID + "/host/" + action, w.admin, body).expect(404);
            api.post("calls/" + Api.UNKNOWN_ID + "/host/" + action, null, body).expect(401);
        }
    }

    @Test
    void postsAndThreads() {
        String root = api.post("posts", w.member, "{\"channel_id\":\"" + w.open + "\",\"message\":\"hello\"}").expect(201).id();
        JsonObject reply = api.post("posts", w.guest, "{\"channel_id\":\"" + w.open + "\",\"root_id\":\"" + root
                + "\",\"message\":\"hi\"}").expect(201).json();
        assertEquals(root, reply.getString("root_id"));
        api.post("posts", w.outsider, "{\"channel_id\":\"" + w.open + "\",\"message\":\"x\"}").expect(403);
        api.post("posts", w.member, "{\"channel_id\":\"" + w.archived + "\",\"message\":\"x\"}").expect(403);
        api.post("posts", w.gone, "{\"channel_id\":\"" + w.open + "\",\"message\":\"x\"}").expect(401);
        List<String> thread = api.get("posts/" + reply.getString("id") + "/thread", w.owner).expect(200).json()
                .getJsonArray("posts").stream().map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(List.of(root, reply.getString("id")), thread);
        api.get("posts/" + root + "/thread", w.outsider).expect(403);
        api.get("posts/" + Api.UNKNOWN_ID + "/thread", w.member).expect(404);
    }
}
