package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.calls.limits.Limit;

/**
 * Password guessing from one address: it locks only the attacker's own (address, account) pair, its
 * failures are refused unhashed past the address's budget, and the account's owner (another address)
 * signs in meanwhile. The attacker speaks from 127.0.0.2 / 127.0.0.3, the owner from 127.0.0.1.
 */
class LoginAbuseIT extends DeployedEar {

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
    void failuresFromAnotherAddressNeverLockTheOwnerOut() {
        String victim = "vic" + suffix;
        api.createUser(admin, victim, "system_user");
        RawHttp attacker = new RawHttp(base, "127.0.0.2");
        for (int round = 0; round < 2; round++) {
            Api.Reply last = null;
            for (int i = 0; i < Limit.LOGIN_FAILURES_PER_ACCOUNT.defaultValue(); i++) {
                last = attacker.login(victim, "wrong-password");
            }
            assertEquals("api.user.login.locked", last.expect(429).id());
            assertEquals("api.user.login.locked", attacker.login(victim, Api.PASSWORD).expect(429).id(),
                    "the attacker's pair is locked, even with the right password");
            api.token(victim, Api.PASSWORD);
        }
        attacker.login("admin", "wrong-password").expect(401);
        api.token("admin", Api.ADMIN_PASSWORD);
    }

    @Test
    void aFloodOfGuessesFromOneAddressIsRefusedBeforeHashing() throws Exception {
        RawHttp flood = new RawHttp(base, "127.0.0.3");
        int attempts = 3 * Limit.LOGIN_FAILURE_BURST.defaultValue();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                String name = "guess" + suffix + i;
                replies.add(pool.submit(() -> flood.login(name, "wrong-password")));
            }
            api.token("admin", Api.ADMIN_PASSWORD);
            int throttled = 0;
            for (Future<Api.Reply> reply : replies) {
                Api.Reply r = reply.get();
                if (r.status() == 429) {
                    assertEquals("api.user.login.throttled", r.expect(429).id());
                    assertTrue(Long.parseLong(r.header("Retry-After")) > 0, r.body());
                    throttled++;
                } else {
                    assertEquals("api.user.login.invalid_credentials", r.expect(401).id());
                }
            }
            assertTrue(throttled >= attempts / 2, throttled + " of " + attempts + " refused unhashed");
        } finally {
            pool.shutdownNow();
        }
        assertEquals("api.user.login.throttled", flood.login("admin", "wrong-password").expect(429).id());
        api.token("admin", Api.ADMIN_PASSWORD);
        new RawHttp(base, "127.0.0.4").login("admin", Api.ADMIN_PASSWORD).expect(200);
    }

    @Test
    void anOverlongPasswordIsRefusedWithoutHashing() {
        String password = "p".repeat(Limit.PASSWORD_CHARS.defaultValue() + 1);
        assertEquals("api.user.password.invalid", new RawHttp(base, "127.0.0.5").login("admin", password).expect(400).id());
        api.token("admin", Api.ADMIN_PASSWORD);
    }

    @Test
    void signingInPastTheTokenCapRevokesTheOldestOnly() {
        String user = "cap" + suffix;
        api.createUser(admin, user, "system_user");
        int cap = Limit.TOKENS_PER_USER.defaultValue();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < cap; i++) {
            tokens.add(api.token(user, Api.PASSWORD));
        }
        api.get("users/me", tokens.get(0)).expect(200);
        String newest = api.token(user, Api.PASSWORD);
        assertNotEquals(tokens.get(0), newest);
        api.get("users/me", tokens.get(0)).expect(401);
        api.get("users/me", tokens.get(1)).expect(200);
        api.get("users/me", newest).expect(200);
    }

    /** Many people behind one address signing in at once (an office at nine) spend nothing of its failure budget. */
    @Test
    void manyGoodSignInsFromOneAddressAtOnceAreAllServed() throws Exception {
        RawHttp office = new RawHttp(base, "127.0.0.6");
        int people = 2 * Limit.LOGIN_FAILURE_BURST.defaultValue();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            names.add("office" + i + suffix);
            api.createUser(admin, names.get(i), "system_user");
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (String name : names) {
                replies.add(pool.submit(() -> office.login(name, Api.PASSWORD)));
            }
            for (Future<Api.Reply> reply : replies) {
                reply.get().expect(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
