package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in as the contract describes it: tokens, the cookie and its CSRF guard, sign-out, deactivation, lock-out. */
class AccountsIT extends DeployedEar {

    private Api api;
    private String admin;
    private String suffix;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        admin = api.adminToken();
        suffix = Api.unique();
    }

    @Test
    void firstStartCreatedTheAdminWithTheConfiguredPassword() {
        JsonObject me = api.get("users/me", admin).expect(200).json();
        assertEquals("admin", me.getString("username"));
        assertEquals("system_admin", me.getString("roles"));
    }

    @Test
    void loginReturnsTheUserATokenHeaderAndAnHttpOnlySameSiteCookie() {
        String id = api.createUser(admin, "ann" + suffix, "system_user");
        Api.Reply login = api.login("ann" + suffix, Api.PASSWORD).expect(200);
        assertEquals(id, login.json().getString("id"));
        assertEquals("ann" + suffix, login.json().getString("username"));
        String token = login.header("Token");
        assertNotNull(token);
        String cookie = login.header("Set-Cookie");
        assertTrue(cookie.startsWith("MMAUTHTOKEN=" + token), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite"), cookie);
        assertEquals(id, api.get("users/me", token).expect(200).json().getString("id"));
    }

    @Test
    void wrongCredentialsAreUnauthorized() {
        api.createUser(admin, "bea" + suffix, "system_user");
        assertEquals("api.user.login.invalid_credentials", api.login("bea" + suffix, "not-the-password").expect(401).id());
        api.login("nobody" + suffix, Api.PASSWORD).expect(401);
        api.get("users/me", Api.UNKNOWN_ID).expect(401);
        api.get("users/me", null).expect(401);
    }

    @Test
    void cookieAuthenticatesReadsAndWritesOnlyWithTheCsrfHeader() {
        api.createUser(admin, "cid" + suffix, "system_user");
        String token = api.token("cid" + suffix, Api.PASSWORD);
        String cookie = "MMAUTHTOKEN=" + token;
        api.sendWith("GET", "users/me", null, "Cookie", cookie).expect(200);
        String body = "{\"name\":\"ck-" + suffix + "\",\"display_name\":\"Cookie\",\"type\":\"O\"}";
        api.sendWith("POST", "channels", body, "Cookie", cookie).expect(401);
        api.sendWith("POST", "channels", body, "Cookie", cookie, "X-Requested-With", "XMLHttpRequest").expect(201);
    }

    @Test
    void logoutRevokesTheToken() {
        api.createUser(admin, "dan" + suffix, "system_user");
        String token = api.token("dan" + suffix, Api.PASSWORD);
        String other = api.token("dan" + suffix, Api.PASSWORD);
        api.post("users/logout", token, null).expect(200);
        api.get("users/me", token).expect(401);
        api.post("users/logout", token, null).expect(401);
        api.get("users/me", other).expect(200);
    }

    @Test
    void deactivationRevokesEveryTokenAndBlocksLoginUntilReactivated() {
        String id = api.createUser(admin, "eve" + suffix, "system_user");
        String first = api.token("eve" + suffix, Api.PASSWORD);
        String second = api.token("eve" + suffix, Api.PASSWORD);
        api.put("users/" + id + "/active", admin, "{\"active\":false}").expect(200);
        api.get("users/me", first).expect(401);
        api.get("users/me", second).expect(401);
        api.login("eve" + suffix, Api.PASSWORD).expect(401);
        api.put("users/" + id + "/active", admin, "{\"active\":true}").expect(200);
        api.get("users/me", first).expect(401);
        api.token("eve" + suffix, Api.PASSWORD);
    }

    @Test
    void repeatedFailedLoginsLockTheAccountForAWhile() {
        api.createUser(admin, "fay" + suffix, "system_user");
        Api.Reply last = null;
        for (int i = 0; i < 5; i++) {
            last = api.login("fay" + suffix, "wrong-password");
        }
        last.expect(429);
        assertEquals("api.user.login.locked", last.id());
        Api.Reply locked = api.login("fay" + suffix, Api.PASSWORD).expect(429);
        assertTrue(Long.parseLong(locked.header("Retry-After")) > 0);
        assertTrue(locked.json().getString("message").contains("Try again"), locked.body());
        api.createUser(admin, "gil" + suffix, "system_user");
        api.token("gil" + suffix, Api.PASSWORD);
    }

    @Test
    void anAdminCannotDeactivateThemselvesButMayDeactivateAnotherAdmin() {
        String adminId = api.get("users/me", admin).expect(200).json().getString("id");
        assertEquals("api.user.deactivate.self", api.put("users/" + adminId + "/active", admin, "{\"active\":false}").expect(400).id());
        String second = api.createUser(admin, "adm" + suffix, "system_admin");
        String secondToken = api.token("adm" + suffix, Api.PASSWORD);
        assertEquals("api.user.deactivate.self", api.put("users/" + second + "/active", secondToken, "{\"active\":false}").expect(400).id());
        api.put("users/" + second + "/active", admin, "{\"active\":false}").expect(200);
        api.get("users/me", secondToken).expect(401);
        api.get("users/me", admin).expect(200);
        api.token("admin", Api.ADMIN_PASSWORD);
    }
}
