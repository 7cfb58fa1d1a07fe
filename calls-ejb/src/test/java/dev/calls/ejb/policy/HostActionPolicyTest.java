package dev.calls.ejb.policy;

import static dev.calls.ejb.policy.Fixtures.deactivated;
import static dev.calls.ejb.policy.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostActionPolicyTest {

    private final HostActionPolicy policy = new HostActionPolicy();
    private final User host = user(Role.SYSTEM_USER);
    private final User other = user(Role.SYSTEM_USER);
    private final LiveCall call = new LiveCall("call", "channel", 1, host.getId(), host.getId(), "thread", null, List.of(
            new LiveSession("s1", host.getId(), "c1", 1, false, 0, null),
            new LiveSession("s2", other.getId(), "c2", 2, true, 0, null)));

    @Test
    void hostAndSystemAdminMayActOthersMayNot() {
        assertDoesNotThrow(() -> policy.checkHostAction(host, call));
        assertDoesNotThrow(() -> policy.checkHostAction(user(Role.SYSTEM_ADMIN), call));
        assertEquals(403, assertThrows(CallsException.class, () -> policy.checkHostAction(other, call)).status());
        assertEquals(401, assertThrows(CallsException.class,
                () -> policy.checkHostAction(deactivated(Role.SYSTEM_ADMIN), call)).status());
    }

    @Test
    void newHostMustBeInTheCall() {
        assertDoesNotThrow(() -> policy.checkMakeHost(host, call, other.getId()));
        assertEquals(400, assertThrows(CallsException.class,
                () -> policy.checkMakeHost(host, call, user(Role.SYSTEM_USER).getId())).status());
    }

    @Test
    void targetSessionMustBeInTheCall() {
        assertEquals("s2", policy.checkTargetSession(host, call, "s2").sessionId());
        assertEquals(404, assertThrows(CallsException.class, () -> policy.checkTargetSession(host, call, "s9")).status());
        assertEquals(403, assertThrows(CallsException.class, () -> policy.checkTargetSession(other, call, "s1")).status());
    }
}
