package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear JSON error with the right status, and nothing is written half-way. */
class BadInputIT extends DeployedEar {

    private Api api;
    private String admin;
    private String suffix;
    private String user;
    private String userId;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        admin = api.adminToken();
        suffix = Api.unique();
        userId = api.createUser(admin, "bad" + suffix, "system_user");
        user = api.token("bad" + suffix, Api.PASSWORD);
    }

    @Test
    void malformedJsonIs400() {
        for (String body : List.of("{", "{\"login_id\":", "not json", "", "{\"a\":1}}")) {
            api.post("users/login", null, body).expect(400);
            api.post("channels", user, body).expect(400);
            api.post("users", admin, body).expect(400);
        }
        String valid = "{\"name\":\"tail-" + suffix + "\",\"display_name\":\"T\",\"type\":\"O\"}";
        api.post("channels", user, valid + "}").expect(400);
        api.post("channels", user, valid + " {}").expect(400);
        assertFalse(api.get("users/me/channels", user).array().stream()
                .anyMatch(c -> c.asJsonObject().getString("name").equals("tail-" + suffix)), "nothing created");
    }

    @Test
    void wrongShapesAndTypesAre400() {
        api.post("users", admin, "{\"username\":5,\"password\":\"" + Api.PASSWORD + "\"}").expect(400);
        api.post("users", admin, "[\"x\"]").expect(400);
        api.post("channels/direct", user, "{\"user_id\":\"" + userId + "\"}").expect(400);
        api.post("channels/direct", user, "[1,2]").expect(400);
        api.put("users/" + userId + "/active", admin, "{\"active\":\"no\"}").expect(400);
        api.post("calls/channels/" + Api.UNKNOWN_ID, user, "{\"enabled\":1}").expect(400);
        api.post("channels", user, "{\"name\":\"t-" + suffix + "\",\"display_name\":\"T\",\"type\":\"D\"}").expect(400);
        api.post("users", admin, "{\"username\":\"r" + suffix + "\",\"password\":\"" + Api.PASSWORD + "\",\"roles\":\"root\"}").expect(400);
        api.get("users?page=abc", user).expect(400);
        api.get("users?per_page=100000", user).expect(400);
        String channel = api.post("channels", user, "{\"name\":\"m-" + suffix + "\",\"display_name\":\"M\",\"type\":\"O\"}")
                .expect(201).id();
        api.get("channels/" + channel + "/members?per_page=0", user).expect(400);
        api.get("channels/" + channel + "/members?page=-1", user).expect(400);
        api.get("channels/" + channel + "/members?page=x", user).expect(400);
        api.get("channels/" + Api.UNKNOWN_ID + "/members", user).expect(404);
    }

    @Test
    void emptyAndOverlongNamesAre400() {
        String longName = "n".repeat(65);
        api.post("channels", user, "{\"name\":\"\",\"display_name\":\"X\",\"type\":\"O\"}").expect(400);
        api.post("channels", user, "{\"name\":\"" + longName + "\",\"display_name\":\"X\",\"type\":\"O\"}").expect(400);
        api.post("channels", user, "{\"name\":\"ok-" + suffix + "\",\"display_name\":\"  \",\"type\":\"O\"}").expect(400);
        api.post("channels", user, "{\"name\":\"ok-" + suffix + "\",\"display_name\":\"" + longName + "\",\"type\":\"O\"}").expect(400);
        api.post("channels", user, "{\"name\":\"Has Spaces\",\"display_name\":\"X\",\"type\":\"O\"}").expect(400);
        api.post("users", admin, "{\"username\":\"\",\"password\":\"" + Api.PASSWORD + "\"}").expect(400);
        api.post("users", admin, "{\"username\":\"" + "u".repeat(23) + "\",\"password\":\"" + Api.PASSWORD + "\"}").expect(400);
        api.post("users", admin, "{\"username\":\"p" + suffix + "\",\"password\":\"short\"}").expect(400);
        api.post("posts", user, "{\"channel_id\":\"" + Api.UNKNOWN_ID + "\",\"message\":\"\"}").expect(404);
        assertFalse(api.get("users/me/channels", user).array().stream()
                .anyMatch(c -> c.asJsonObject().getString("name").startsWith("ok-" + suffix)));
    }

    /** Controls and bidi overrides would hide or reorder what others see next to the name (an RLO flips the list). */
    @Test
    void displayNamesWithInvisibleCharactersAre400() {
        for (String invisible : List.of("\\u0000", "\\u0007", "\\u202e", "\\u2066", "\\u200f", "\\u200b")) {
            assertEquals("api.display_name.invisible_character", api.post("users", admin, "{\"username\":\"dn" + suffix
                    + "\",\"password\":\"" + Api.PASSWORD + "\",\"display_name\":\"Eve" + invisible + "lyn\"}").expect(400).id());
            assertEquals("api.display_name.invisible_character", api.post("channels", user, "{\"name\":\"dn-" + suffix
                    + "\",\"display_name\":\"A" + invisible + "B\",\"type\":\"O\"}").expect(400).id());
        }
        api.post("users", admin, "{\"username\":\"dn" + suffix + "\",\"password\":\"" + Api.PASSWORD
                + "\",\"display_name\":\"Zoë שלום 🎧\"}").expect(201);
        api.token("dn" + suffix, Api.PASSWORD);
    }

    @Test
    void duplicatesAre409() {
        assertEquals("api.user.username.exists",
                api.post("users", admin, "{\"username\":\"bad" + suffix + "\",\"password\":\"" + Api.PASSWORD + "\"}").expect(409).id());
        api.createChannel(user, "dup-" + suffix, "O");
        assertEquals("api.channel.name.exists",
                api.post("channels", user, "{\"name\":\"dup-" + suffix + "\",\"display_name\":\"D\",\"type\":\"P\"}").expect(409).id());
    }

    @Test
    void unknownIdsAre404() {
        api.get("channels/" + Api.UNKNOWN_ID, user).expect(404);
        api.get("channels/not-an-id", user).expect(404);
        api.get("users/" + Api.UNKNOWN_ID, user).expect(404);
        api.put("users/" + Api.UNKNOWN_ID + "/active", admin, "{\"active\":false}").expect(404);
        String channel = api.createChannel(user, "unk-" + suffix, "O");
        api.post("channels/" + channel + "/members", user, "{\"user_id\":\"" + Api.UNKNOWN_ID + "\"}").expect(404);
        api.delete("channels/" + Api.UNKNOWN_ID, user).expect(404);
        api.get("posts/" + Api.UNKNOWN_ID + "/thread", user).expect(404);
        api.post("posts", user, "{\"channel_id\":\"" + channel + "\",\"root_id\":\"" + Api.UNKNOWN_ID + "\",\"message\":\"m\"}").expect(404);
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrors() {
        api.get("no/such/path", user).expect(404);
        api.send("PATCH", "users/me", user, "{}").expect(405);
    }

    @Test
    void aRefusedRequestWritesNothing() {
        int before = api.get("users/me/channels", user).array().size();
        String other = api.createUser(admin, "oth" + suffix, "system_user");
        api.post("channels/group", user, "[\"" + userId + "\",\"" + other + "\",\"" + Api.UNKNOWN_ID + "\"]").expect(404);
        assertEquals(before, api.get("users/me/channels", user).array().size(), "no group half-created");
        api.post("users", admin, "{\"username\":\"half" + suffix + "\",\"password\":\"" + Api.PASSWORD + "\",\"roles\":\"nope\"}").expect(400);
        api.createUser(admin, "half" + suffix, "system_user");
    }

    /**
     * Attack: one user writes posts as fast as the server takes them (8 485 of 4 000 characters in 10 s
     * filled 36 MB). Past the burst they are refused with 429 and the contract's error, while another
     * member of the same channel still posts.
     */
    @Test
    void aFloodOfPostsIsRefusedWith429AndOthersStillPost() {
        String channel = api.createChannel(user, "flood-" + suffix, "O");
        String otherName = "flo" + suffix;
        String otherId = api.createUser(admin, otherName, "system_user");
        String other = api.token(otherName, Api.PASSWORD);
        api.addMember(other, channel, otherId);
        String body = "{\"channel_id\":\"" + channel + "\",\"message\":\"" + "x".repeat(4000) + "\"}";
        Api.Reply refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            Api.Reply reply = api.post("posts", user, body);
            if (reply.status() != 201) {
                refused = reply;
            }
        }
        assertNotNull(refused, "100 posts in a row are not all taken");
        assertEquals("api.post.rate_limited", refused.expect(429).id());
        assertNotNull(refused.header("Retry-After"));
        api.post("posts", other, "{\"channel_id\":\"" + channel + "\",\"message\":\"still here\"}").expect(201);
    }
}
