package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserServiceTest {

    private static final String SEARCH = "SELECT u FROM User u WHERE LOWER(u.username) LIKE :term ESCAPE '\\' "
            + "OR LOWER(u.displayName) LIKE :term ESCAPE '\\' ORDER BY u.username";

    private final CallCore core = new CallCore();
    private final UserService users = new UserService();
    private final List<String> revoked = new ArrayList<>();
    private final User admin = core.user(Role.SYSTEM_ADMIN);
    private final User bob = core.user(Role.SYSTEM_USER);

    UserServiceTest() {
        users.em = core.records.em;
        users.policy = new ChannelAccessPolicy();
        users.passwords = new Passwords() {
            @Override
            public String hash(String password) {
                return "hashed:" + password;
            }
        };
        users.auth = new AuthService() {
            @Override
            public void revokeAll(String userId) {
                revoked.add(userId);
            }
        };
    }

    @Test
    void anAdminResetsAPasswordAndEndsTheUsersSignIns() {
        users.resetPassword(admin.getId(), bob.getId(), "a new secret");

        assertEquals("hashed:a new secret", bob.getPasswordHash());
        assertEquals(List.of(bob.getId()), revoked);
    }

    @Test
    void onlyAnAdminResetsAPassword() {
        assertEquals(403, assertThrows(CallsException.class,
                () -> users.resetPassword(bob.getId(), admin.getId(), "a new secret")).status());
        assertEquals("hash", admin.getPasswordHash());
    }

    @Test
    void aResetPasswordFollowsThePasswordRules() {
        assertEquals(400, assertThrows(CallsException.class, () -> users.resetPassword(admin.getId(), bob.getId(), "short")).status());
        assertEquals(List.of(), revoked);
    }

    @Test
    void aTermSearchesNames() {
        core.records.answer(SEARCH, List.of(bob));

        assertEquals(List.of(bob), users.list(admin.getId(), "Bo", new Page(0, 60)));
    }
}
